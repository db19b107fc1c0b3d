import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BUNDLE_FILE, functionCode, LAMBDA_RUNTIME } from './bundling';

/**
 * Builds entries through the stack's own `functionCode` and a synthesis, so a test or a benchmark
 * gets byte for byte what `cdk synth` would upload. Returns, per entry name, the path of the
 * entry file (`index.mjs`, with its chunks and maps beside it).
 * @example const { api } = bundleFunctions({ api: 'functions/api/index.ts' }, await mkdtemp(...));
 */
export function bundleFunctions<K extends string>(entries: Record<K, string>, outdir: string): Record<K, string> {
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': ['**'] } });
  const stack = new Stack(app, 'Artifact');
  const functions = Object.entries<string>(entries).map(
    ([name, entry]) =>
      [name, new LambdaFunction(stack, name, { code: functionCode(entry), handler: 'index.handler', runtime: LAMBDA_RUNTIME })] as const,
  );
  const assembly = app.synth();
  const template = JSON.parse(readFileSync(join(assembly.directory, `${stack.artifactId}.template.json`), 'utf8')) as {
    Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
  };
  const result = {} as Record<K, string>;
  for (const [name, fn] of functions) {
    const logicalId = stack.getLogicalId(fn.node.defaultChild as never);
    const key = template.Resources[logicalId]?.Properties.Code?.S3Key;
    if (!key?.endsWith('.zip')) throw new Error(`No bundled asset for ${name}.`);
    result[name as K] = join(assembly.directory, `asset.${key.slice(0, -'.zip'.length)}`, BUNDLE_FILE);
  }
  return result;
}

/**
 * The files a cold start reads: the entry and, transitively, the chunks it imports statically
 * (`import … from "./x.mjs"`); chunks reached only through `import("./x.mjs")` load on first use.
 * @example coldStartFiles('/asset/index.mjs') // ['/asset/index.mjs', '/asset/chunk-AB12CD34.mjs', …]
 */
export function coldStartFiles(entryFile: string): string[] {
  const dir = dirname(entryFile);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // why: the minified form of a static import is `from"./x.mjs"` or `import"./x.mjs"`; a dynamic one is `import("./x.mjs")`.
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.mjs)"/g)) visit(join(dir, m[1]!));
  };
  visit(entryFile);
  return [...seen];
}
