import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../packages/api/openapi';

/**
 * The document as two third-party judges see it: Spectral (`spectral:oas`, .spectral.yaml) and
 * Redocly (recommended, redocly.yaml), run from node_modules on a file written here (no network).
 */

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
// No update checks, telemetry or analytics calls from the CLIs.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', SCARF_ANALYTICS: 'false', NO_COLOR: '1' };

/**
 * Redocly warnings accepted, by rule and JSON pointer, each with its reason. Any other warning fails.
 */
const ACCEPTED_REDOCLY_WARNINGS: Record<string, { rule: string; reason: string }> = {
  '#/paths/~1health/get/responses': {
    rule: 'operation-4xx-response',
    reason: 'Liveness takes no key and no input: it answers 200 or nothing, so there is no 4xx to document.',
  },
  '#/paths/~1health~1ready/get/responses': {
    rule: 'operation-4xx-response',
    reason: 'Readiness takes no key and no input: it answers 200 or 503, never a 4xx.',
  },
  '#/paths/~1openapi.json/get/responses': {
    rule: 'operation-4xx-response',
    reason: 'The document itself takes no key and no input: it answers 200 only.',
  },
  '#/paths/~1docs/get/responses': {
    rule: 'operation-4xx-response',
    reason: 'The reference page takes no key and no input: it answers 200 only.',
  },
  '#/components/schemas/ScoredResult/oneOf': {
    rule: 'no-illogical-composition-keywords',
    reason:
      'The branches exclude each other by `instrument.id` (a different `const` each), one level below where the rule looks; the Ajv contract test checks that exactly one branch matches.',
  },
  '#/components/schemas/Assessment/oneOf': {
    rule: 'no-illogical-composition-keywords',
    reason: 'As for ScoredResult: the branches differ by the `const` of `instrument.id`, which the rule does not look into.',
  },
};

interface SpectralResult {
  code: string;
  severity: number;
  path: string[];
}
interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  location: { pointer: string }[];
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OpenAPI lint', () => {
  it('passes Spectral spectral:oas with no error and no warning', { timeout: 30_000 }, async () => {
    const { stdout } = await run(
      bin('spectral'),
      ['lint', '--ruleset', join(ROOT, '.spectral.yaml'), '--format', 'json', '--fail-severity', 'warn', '--quiet', file],
      { env, maxBuffer: 64 * 1024 * 1024 },
    ).catch((e: { stdout: string }) => e);
    const results = JSON.parse(stdout || '[]') as SpectralResult[];
    // Severity 0 is an error, 1 a warning (2 information, 3 a hint).
    expect(results.filter((r) => r.severity <= 1).map((r) => `${r.code} at ${r.path.join('.')}`)).toEqual([]);
  });

  it('passes Redocly recommended with no error and only the listed warnings', { timeout: 30_000 }, async () => {
    const { stdout } = await run(
      bin('redocly'),
      ['lint', '--config', join(ROOT, 'redocly.yaml'), '--format', 'json', '--max-problems', '100000', file],
      {
        env,
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((e: { stdout: string }) => e);
    // Every problem is listed (by default Redocly lists the first 100 only).
    const problems = (JSON.parse(stdout) as { problems: RedoclyProblem[] }).problems;
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} at ${p.location[0]?.pointer}`)).toEqual([]);
    const unlisted = problems.filter((p) => ACCEPTED_REDOCLY_WARNINGS[p.location[0]?.pointer ?? '']?.rule !== p.ruleId);
    expect(unlisted.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}`)).toEqual([]);
  });
});
