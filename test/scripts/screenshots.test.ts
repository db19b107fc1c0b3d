import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { README_SCREENSHOTS, refreshScreenshots } from '../../scripts/screenshots';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]);

let dir: string;
let from: string;
let to: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'screenshots-'));
  from = join(dir, 'test-artifacts');
  to = join(dir, 'docs-images');
  await mkdir(from);
  await mkdir(to);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('refreshScreenshots', () => {
  it('copies every README screenshot from the artifacts, byte for byte, and nothing else', async () => {
    for (const name of README_SCREENSHOTS) await writeFile(join(from, name), Buffer.concat([PNG, Buffer.from(name)]));
    await writeFile(join(from, 'reference.png'), PNG);

    const written = await refreshScreenshots(from, to);

    expect(written).toEqual(README_SCREENSHOTS.map((name) => join(to, name)));
    expect((await readdir(to)).sort()).toEqual([...README_SCREENSHOTS].sort());
    for (const name of README_SCREENSHOTS) expect(await readFile(join(to, name))).toEqual(Buffer.concat([PNG, Buffer.from(name)]));
  });

  it('copies nothing when one is missing, and says how to make it', async () => {
    await writeFile(join(from, README_SCREENSHOTS[0]), PNG);

    await expect(refreshScreenshots(from, to)).rejects.toThrow(
      `No ${join(from, README_SCREENSHOTS[1])}: run the browser test first (npm run screenshots does).`,
    );
    expect(await readdir(to)).toEqual([]);
  });

  it('copies nothing when one is not a PNG', async () => {
    await writeFile(join(from, README_SCREENSHOTS[0]), PNG);
    await writeFile(join(from, README_SCREENSHOTS[1]), 'not an image');

    await expect(refreshScreenshots(from, to)).rejects.toThrow(`${join(from, README_SCREENSHOTS[1])} is not a PNG.`);
    expect(await readdir(to)).toEqual([]);
  });
});
