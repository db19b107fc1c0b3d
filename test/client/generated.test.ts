import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { GENERATED_TYPES, generateClientTypes } from '../../scripts/client-generate';

it('has committed client types generated from the current OpenAPI document (else: npm run client:generate)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'client-types-'));
  try {
    const fresh = join(dir, 'openapi.d.ts');
    writeFileSync(fresh, await generateClientTypes());

    expect(readFileSync(GENERATED_TYPES, 'utf8') === readFileSync(fresh, 'utf8')).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
