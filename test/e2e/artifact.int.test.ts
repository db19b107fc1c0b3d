import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleFunctions, coldStartFiles } from '../../infra/artifact';
import { API_ENTRY } from '../../infra/bundling';
import { generateApiKey } from '../../packages/api/api-keys';
import { createApp } from '../../packages/api/app';
import { createPseudonymizer, parsePseudonymKeys } from '../../packages/api/pseudonymizer';
import { smokingShort } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';
import { type FakeSecretsExtension, fakeSecretsExtension, httpApiEvent, type LambdaProcess, startLambda } from './artifact-harness';

/**
 * The very files Lambda would run: functions/api built by the stack's own `functionCode`
 * (infra/artifact.ts), started in a fresh Node process and driven with API
 * Gateway HTTP API events against DynamoDB Local; the Parameters and Secrets extension is a local
 * fake that starts "not ready", as the real one can be when the cold start first asks it.
 */

/**
 * Raw bytes a cold start reads (index.mjs and the chunks it imports statically): the single-file
 * bundle was 864.9 KB with classic `import { z } from 'zod'`, 525.0 KB with zod/mini (2026-11-26),
 * 601.9 KB with the guidance catalog and FHIR (2026-12-02); split, with the schemas, instruments,
 * use cases, FHIR and OpenAPI loaded on first use, 315.8 KB (2026-12-02). All files together
 * are bounded too, so a split cannot hide growth.
 */
const COLD_START_BUDGET_BYTES = 350 * 1024;
const ALL_FILES_BUDGET_BYTES = 720 * 1024; // 638.4 KB + 10%

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:mi-assessments/dev/pseudonym-key-AbC123';
const SECRET_STRING = JSON.stringify({ current: 1, key_1: 'Q7'.repeat(32) }); // the shape the stack generates
const CLINIC = 'clinic-artifact';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEArtifactSessionToken';

describe('the Lambda artifact', () => {
  let outdir: string;
  let bundle: string;
  let table: TestTable;
  let secrets: FakeSecretsExtension;
  let lambda: LambdaProcess;
  let headers: Record<string, string>;
  let source: ReturnType<typeof createApp>;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'mia-artifact-'));
    ({ api: bundle } = bundleFunctions({ api: API_ENTRY }, outdir));
    table = await testTable();
    const made = generateApiKey(CLINIC, ['assessments:write', 'assessments:read'], new Date());
    await table.store.putApiKey(made.record);
    headers = { authorization: `Bearer ${made.key}`, 'content-type': 'application/json' };
    secrets = await fakeSecretsExtension(SECRET_ARN, SECRET_STRING, SESSION_TOKEN, { notReadyFor: 2 });
    // What Lambda sets (region, credentials) and what the stack sets (table, secret ARN, extension
    // port); the DynamoDB endpoint and the extension's port are the only local substitutions.
    lambda = await startLambda(bundle, {
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDARTIFACTTEST',
      AWS_SECRET_ACCESS_KEY: 'artifact-test-secret',
      AWS_SESSION_TOKEN: SESSION_TOKEN,
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(secrets.port),
      PSEUDONYM_KEY_SECRET_ARN: SECRET_ARN,
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    });
    source = createApp({ store: table.store, pseudonymizer: createPseudonymizer(parsePseudonymKeys(SECRET_STRING)), log: () => {} });
  });
  afterAll(async () => {
    await lambda?.stop();
    await secrets?.close();
    await table?.drop();
    if (outdir) await rm(outdir, { recursive: true, force: true });
  });

  /** The same request through the unbundled app, as the local server serves it. */
  async function fromSource(method: string, path: string, h: Record<string, string>, body?: string) {
    const res = await source.request(path, { method, headers: h, ...(body === undefined ? {} : { body }) });
    return { statusCode: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
  }

  it('is ES modules within their size budgets, each with its source map beside it', async () => {
    const dir = dirname(bundle);
    const all = (await readdir(dir)).filter((f) => f.endsWith('.mjs')).map((f) => join(dir, f));
    const cold = coldStartFiles(bundle);
    const bytes = async (files: string[]) => (await Promise.all(files.map((f) => readFile(f)))).reduce((n, b) => n + b.length, 0);
    const map = JSON.parse(await readFile(`${bundle}.map`, 'utf8')) as { sources: string[]; sourcesContent?: unknown };

    console.info(
      `cold start reads ${cold.length} files, ${((await bytes(cold)) / 1024).toFixed(1)} KB; all ${all.length} files ${((await bytes(all)) / 1024).toFixed(1)} KB`,
    );
    expect(await bytes(cold)).toBeLessThanOrEqual(COLD_START_BUDGET_BYTES);
    expect(await bytes(all)).toBeLessThanOrEqual(ALL_FILES_BUDGET_BYTES);
    for (const file of all) {
      const text = await readFile(file, 'utf8');
      expect(text.slice(0, 120), file).toMatch(/^import\{createRequire as \w+\}from'node:module';const require=/);
      expect(text.trimEnd().endsWith(`//# sourceMappingURL=${basename(file)}.map`), file).toBe(true);
    }
    expect(map.sources.some((s) => s.endsWith('functions/api/index.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
    const allSources = (await Promise.all(all.map(async (f) => JSON.parse(await readFile(`${f}.map`, 'utf8')).sources as string[]))).flat();
    expect(allSources.filter((s) => s.includes('client-secrets-manager'))).toEqual([]); // the extension reads the key
  });

  it('reads no schema, instrument, use case, FHIR handler or OpenAPI code on a cold start: they load on first use', async () => {
    const sources = (
      await Promise.all(coldStartFiles(bundle).map(async (f) => JSON.parse(await readFile(`${f}.map`, 'utf8')).sources as string[]))
    ).flat();
    const ours = sources.map((s) => s.slice(Math.max(s.lastIndexOf('packages/'), 0)));
    expect(
      ours.filter((s) => /^packages\/(instruments|fhir\/handlers|api\/(schemas|openapi|assessments|export|aggregates|trajectory))/.test(s)),
    ).toEqual([]);
    expect(sources.filter((s) => /node_modules\/zod\//.test(s))).toEqual([]);
    // The lazily loaded parts are in the artifact, beside it.
    const all = (await readdir(dirname(bundle))).filter((f) => f.endsWith('.mjs.map'));
    const lazy = (
      await Promise.all(all.map(async (f) => JSON.parse(await readFile(join(dirname(bundle), f), 'utf8')).sources as string[]))
    ).flat();
    expect(lazy.some((s) => s.endsWith('packages/instruments/urica.ts'))).toBe(true);
    expect(lazy.some((s) => s.endsWith('packages/api/openapi.ts'))).toBe(true);
  });

  it('read the pseudonym key through the extension once, during its cold start, waiting while it was not ready', () => {
    expect(secrets.requests).toEqual([400, 400, 200].map((status) => ({ secretId: SECRET_ARN, token: SESSION_TOKEN, status })));
  });

  it("fails its cold start with the status and the extension's message when the extension refuses it", async () => {
    const refused = startLambda(bundle, {
      AWS_REGION: 'eu-west-1',
      AWS_SESSION_TOKEN: 'not-this-functions-token',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(secrets.port),
      PSEUDONYM_KEY_SECRET_ARN: SECRET_ARN,
      TABLE_NAME: table.tableName,
    });

    const error = await refused.then(
      () => new Error('started'),
      (e: Error) => e,
    );
    expect(error.message).toMatch(
      /Cannot read the pseudonym key from the Parameters and Secrets extension \(localhost:\d+\): HTTP 401 Unauthorized/,
    );
    expect(error.message).not.toContain(SECRET_STRING);
    expect(secrets.requests.at(-1)).toMatchObject({ token: 'not-this-functions-token', status: 401 });
  });

  it('fails its cold start, after its deadline, when the extension takes the connection and never answers', async () => {
    const silent = createServer(() => {}); // accepts, reads the request, never replies
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const error = await startLambda(bundle, {
        AWS_REGION: 'eu-west-1',
        AWS_SESSION_TOKEN: SESSION_TOKEN,
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String((silent.address() as AddressInfo).port),
        PSEUDONYM_KEY_SECRET_ARN: SECRET_ARN,
        TABLE_NAME: table.tableName,
      }).then(
        () => new Error('started'),
        (e: Error) => e,
      );
      expect(error.message).toMatch(/Cannot read the pseudonym key .*: no answer within 4000 ms; last: ETIMEDOUT/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 15_000);

  it('creates, replays and fetches an assessment exactly as the local server does', async () => {
    const body = JSON.stringify(smokingShort('artifact-ref-1'));
    const post = { ...headers, 'idempotency-key': 'artifact-1' };

    const created = await lambda.invoke(httpApiEvent('POST', '/v1/assessments', post, body));
    const replayed = await lambda.invoke(httpApiEvent('POST', '/v1/assessments', post, body));
    const view = JSON.parse(created.body) as { id: string; subjectId: string };
    const fetched = await lambda.invoke(httpApiEvent('GET', `/v1/assessments/${view.id}`, headers));
    const local = await fromSource('POST', '/v1/assessments', { ...headers, 'idempotency-key': 'artifact-local-1' }, body);

    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toBe(local.contentType);
    expect(view).toEqual({ ...JSON.parse(local.body), id: view.id });
    expect(view.subjectId).toBe(createPseudonymizer(parsePseudonymKeys(SECRET_STRING)).subjectId(CLINIC, 'artifact-ref-1'));
    expect(replayed.statusCode).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toBe(created.body);
    expect(fetched.statusCode).toBe(200);
    expect(JSON.parse(fetched.body)).toEqual(view);
    expect(secrets.requests.filter((r) => r.token === SESSION_TOKEN)).toHaveLength(3); // none after the cold start
  });

  it.each([
    ['an unknown assessment', 'GET', '/v1/assessments/asm_AAAAAAAAAAAAAAAAAAAAAA', undefined, 404],
    ['responses out of range', 'POST', '/v1/assessments', JSON.stringify({ ...smokingShort(), responses: { '1': 6 } }), 422],
  ] as const)('answers %s with the same problem as the local server', async (_, method, path, body, status) => {
    const key = (prefix: string): Record<string, string> => (method === 'POST' ? { 'idempotency-key': `${prefix}-${status}` } : {});

    const fromBundle = await lambda.invoke(httpApiEvent(method, path, { ...headers, ...key('artifact') }, body));
    const local = await fromSource(method, path, { ...headers, ...key('local') }, body);

    expect(fromBundle.statusCode).toBe(status);
    expect(local.statusCode).toBe(status);
    expect(fromBundle.headers['content-type']).toBe('application/problem+json');
    // The same problem but for `instance`, which names each request (its X-Request-Id).
    const { instance, ...bundled } = JSON.parse(fromBundle.body);
    expect(instance).toBe(`urn:uuid:${fromBundle.headers['x-request-id']}`);
    expect(bundled).toEqual({ ...JSON.parse(local.body), instance: undefined });
  });
});
