import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

/** Where the bundled dashboard script is written (git-ignored; made by `npm run build:web`, `npm start` and the tests). */
export const DASHBOARD_BUNDLE = 'packages/web/dashboard/dist/dashboard.js';

/**
 * Bundles browser/main.ts with Vega, Vega-Lite and the Vega expression interpreter into one
 * minified ES module (served by the app itself: no CDN) at `DASHBOARD_BUNDLE` under `root`.
 * @example await buildDashboard(process.cwd()) // { bytes: 812610 }
 */
export async function buildDashboard(root: string): Promise<{ bytes: number }> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'browser/main.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const text = out.outputFiles[0]!.contents;
  const file = resolve(root, DASHBOARD_BUNDLE);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return { bytes: text.byteLength };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'build.ts')) {
  const { bytes } = await buildDashboard(process.cwd());
  console.log(`Wrote ${DASHBOARD_BUNDLE} (${Math.round(bytes / 1024)} KB).`);
}
