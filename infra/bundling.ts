import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType } from 'aws-cdk-lib';
import { Code, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BuildOptions, buildSync } from 'esbuild';
import { WEB_ASSET_DIR } from '../packages/web/site';
import { assetSources, SITES } from '../packages/web/sites';

/**
 * How every function of this app is built and run. One build, used by the stack
 * (`ApiFunction`), the artifact e2e test and the cold-start bench, so the code they test is the
 * code Lambda runs.
 */

/** The repository root, whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The Lambda entry of the API. */
export const API_ENTRY = fileURLToPath(new URL('../functions/api/index.ts', import.meta.url));

/** The Lambda entry of the web pages (the reference, problem types, the dashboard). */
export const WEB_ENTRY = fileURLToPath(new URL('../functions/web/index.ts', import.meta.url));

/** Node 22 on Lambda (the Node 20 runtime is deprecated); keep esbuild's target in step. */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const ESBUILD_TARGET = 'node22';

/**
 * The entry awaits the pseudonym key at top level, which only ES modules allow. Bundled CommonJS
 * dependencies still call `require` for Node built-ins, which an ES module lacks: the banner
 * defines it (the usual esbuild ESM-on-Lambda shim).
 */
export const REQUIRE_SHIM = "import{createRequire as __mia_cr}from'node:module';const require=__mia_cr(import.meta.url);";

/**
 * How esbuild builds every function: one ES module entry, `index.mjs` (Lambda resolves
 * `index.handler` to it), and code splitting, so every dynamic `import()` becomes a file of its
 * own beside it that Node reads only when that import first runs. A cold start then parses only
 * what it runs: the request schemas, the instruments, the use cases, FHIR and the OpenAPI
 * generator load on the first request that needs them (docs/architecture.md, "Cold start"), and
 * so do the AWS SDK's credential providers other than the environment's. Chunks sit beside
 * `index.mjs`, not in a folder, so `import.meta.url` means the same directory in every file.
 * The AWS SDK is bundled (the runtime's preinstalled SDK is not the version we test against);
 * `mainFields` prefers the ES-module builds of dependencies so more of them tree-shake;
 * `sourcesContent: false` keeps the maps small (the sources are in the repository).
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ESBUILD_TARGET,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  splitting: true,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  mainFields: ['module', 'main'],
  banner: { js: REQUIRE_SHIM },
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** The entry file of a built function; Lambda resolves `index.handler` to it. */
export const BUNDLE_FILE = 'index.mjs';

/** What a function's asset holds besides its code: files copied as they are, and a step that makes them first. */
export interface FunctionFiles {
  /** Repository paths, copied to `web-assets/<path>` beside the code, where functions/web reads them. */
  assets: readonly string[];
  /** Runs before the build (e.g. generating a file that is then copied). */
  prepare?: () => void;
}

/**
 * Builds one function into `outdir`: `index.mjs`, its chunks and maps, and its files.
 * @example buildFunction(API_ENTRY, '/tmp/out') // /tmp/out/index.mjs + chunks
 */
export function buildFunction(entry: string, outdir: string, files?: FunctionFiles): void {
  files?.prepare?.();
  buildSync({ ...ESBUILD_OPTIONS, entryPoints: { index: entry }, outdir, absWorkingDir: REPO_ROOT });
  for (const source of files?.assets ?? []) cpSync(join(REPO_ROOT, source), join(outdir, WEB_ASSET_DIR, source));
}

/**
 * A function's Lambda code, built on this machine with `buildFunction` when the stack is
 * synthesized (the way `NodejsFunction` bundles, which cannot split code: it writes one
 * `--outfile`). The asset's hash is its output's, so an unchanged build uploads nothing.
 * @example new lambda.Function(this, 'Api', { code: functionCode(API_ENTRY), handler: 'index.handler', runtime: LAMBDA_RUNTIME });
 */
export function functionCode(entry: string, files?: FunctionFiles): Code {
  return Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds (esbuild is a dependency of this repository).
      image: LAMBDA_RUNTIME.bundlingImage,
      // why: CDK keys its bundling cache by these options and the source path (the repository for
      // every function), never by `local`'s code: without naming the entry here, the second
      // function of a synthesis would reuse the first one's build.
      environment: { MIA_ENTRY: relative(REPO_ROOT, entry), MIA_FILES: (files?.assets ?? []).join(',') },
      local: {
        tryBundle(outputDir) {
          buildFunction(entry, outputDir, files);
          return true;
        },
      },
    },
  });
}

/**
 * The web function's files: every site's asset file (the dashboard's script is generated first,
 * by packages/web/dashboard/build.ts). None of them enters any function's JavaScript.
 */
export const WEB_FILES: FunctionFiles = {
  assets: assetSources(SITES),
  prepare: () =>
    execFileSync(process.execPath, ['--import', 'tsx', 'packages/web/dashboard/build.ts'], { cwd: REPO_ROOT, stdio: 'ignore' }),
};
