import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handle } from 'hono/aws-lambda';
import { createWebApp } from '../../packages/web/app';
import { WEB_ASSET_DIR } from '../../packages/web/site';
import { SITES } from '../../packages/web/sites';

// The build copies the sites' files here, beside the bundle (infra/bundling.ts, `WEB_FILES`).
const root = join(dirname(fileURLToPath(import.meta.url)), WEB_ASSET_DIR);

/** The pages and static files; no table, no secret, no configuration. */
export const app = createWebApp({ sites: SITES, readFile: (source) => readFile(join(root, source)) });

export const handler = handle(app);
