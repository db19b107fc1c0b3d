import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Creates `dir` if needed and makes it private to this user: the directory and every directory
 * under it 0700, every file 0600 (the database, pseudonym and API keys, the instance record).
 * Fixes files an older version left readable. Symbolic links are left alone (never followed).
 * @example await makePrivate(resolve('.data'));
 */
export async function makePrivate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmodTree(dir);
}

async function chmodTree(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(path);
    else if (entry.isFile()) await chmod(path, 0o600).catch(ignoreGone);
  }
}

/** why: DynamoDB Local's SQLite journal comes and goes while it runs. */
function ignoreGone(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
