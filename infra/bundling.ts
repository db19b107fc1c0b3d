import { fileURLToPath } from 'node:url';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { WEB_ASSET_DIR } from '../packages/web/site';
import { assetSources, SITES } from '../packages/web/sites';

/**
 * How every function of this app is built and run. One object, used by the stack
 * (`ApiFunction`), the artifact e2e test and the cold-start bench, so the bundle they test is the
 * bundle Lambda runs.
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
 * `NodejsFunction` bundling options. `bundleAwsSDK`: the runtime's preinstalled SDK is not the
 * version we test against, and bundling it lets esbuild drop what we do not use.
 * `mainFields` prefers the ES-module builds of dependencies so more of them tree-shake.
 * `sourcesContent: false` keeps the map small; the sources are in the repository.
 * @example new NodejsFunction(this, 'Fn', { entry: API_ENTRY, runtime: LAMBDA_RUNTIME, bundling: API_BUNDLING });
 */
export const API_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: ESBUILD_TARGET,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  bundleAwsSDK: true,
  externalModules: [],
  mainFields: ['module', 'main'],
  banner: REQUIRE_SHIM,
  forceDockerBundling: false,
};

/** The file `NodejsFunction` writes for `format: ESM`; Lambda resolves `index.handler` to it. */
export const BUNDLE_FILE = 'index.mjs';

/** A shell word: the path in single quotes. */
const quote = (path: string) => `'${path.replace(/'/g, "'\\''")}'`;

/**
 * The web function's bundling: `API_BUNDLING`, plus every site's asset file copied after bundling
 * into `web-assets/<its repository path>` beside the bundle, where functions/web reads it. The
 * files stay files: none of them enters any function's JavaScript bundle.
 * @example new NodejsFunction(this, 'Web', { entry: WEB_ENTRY, runtime: LAMBDA_RUNTIME, bundling: WEB_BUNDLING });
 */
export const WEB_BUNDLING: BundlingOptions = {
  ...API_BUNDLING,
  commandHooks: {
    // The dashboard's script is generated (packages/web/dashboard/build.ts): made before it is copied.
    beforeBundling: (inputDir) => [`cd ${quote(inputDir)} && node --import tsx packages/web/dashboard/build.ts`],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) =>
      assetSources(SITES).map((source) => {
        const target = `${outputDir}/${WEB_ASSET_DIR}/${source}`;
        return `mkdir -p ${quote(target.slice(0, target.lastIndexOf('/')))} && cp ${quote(`${inputDir}/${source}`)} ${quote(target)}`;
      }),
  },
};
