import { copyFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** The README's screenshots: made by test/web/dashboard.int.test.ts in the test artifacts folder. */
export const README_SCREENSHOTS = ['dashboard-outcomes.png', 'dashboard-trajectory.png'] as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Copies the README's screenshots from `from` (the browser tests' artifacts) to `to` (docs/images),
 * all or none: every file must be there and be a PNG before any is copied. The tests never write
 * to docs/, so a test run leaves the git tree clean; this is the one deliberate refresh.
 * @example await refreshScreenshots('test-artifacts', 'docs/images') // ['docs/images/dashboard-outcomes.png', …]
 */
export async function refreshScreenshots(from: string, to: string): Promise<string[]> {
  for (const name of README_SCREENSHOTS) {
    const bytes = await readFile(join(from, name)).catch(() => {
      throw new Error(`No ${join(from, name)}: run the browser test first (npm run screenshots does).`);
    });
    if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`${join(from, name)} is not a PNG.`);
  }
  const written: string[] = [];
  for (const name of README_SCREENSHOTS) {
    await copyFile(join(from, name), join(to, name));
    written.push(join(to, name));
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await refreshScreenshots(join(ROOT, 'test-artifacts'), join(ROOT, 'docs/images'));
  console.log(`copied ${written.map((p) => p.slice(ROOT.length + 1)).join(', ')}`);
}
