import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { API_BUNDLING, BUNDLE_FILE, LAMBDA_RUNTIME } from './bundling';

/**
 * Bundles entries through `NodejsFunction` itself, with the stack's `API_BUNDLING` and runtime, so
 * a test or a benchmark gets byte for byte what `cdk synth` would upload. Returns, per entry
 * name, the path of the bundle file (`index.mjs`, with `index.mjs.map` beside it).
 * @example const { api } = bundleFunctions({ api: 'functions/api/index.ts' }, await mkdtemp(...));
 */
export function bundleFunctions<K extends string>(entries: Record<K, string>, outdir: string): Record<K, string> {
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': ['**'] } });
  const stack = new Stack(app, 'Artifact');
  const functions = Object.entries<string>(entries).map(
    ([name, entry]) => [name, new NodejsFunction(stack, name, { entry, runtime: LAMBDA_RUNTIME, bundling: API_BUNDLING })] as const,
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
