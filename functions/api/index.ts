import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultIsContentTypeBinary, handle } from 'hono/aws-lambda';
import { createPseudonymizer, parsePseudonymKeys } from '../../packages/api/pseudonymizer';
import { createDynamoClient } from '../../packages/store/client';
import { createDynamoStore } from '../../packages/store/dynamo';
import { composeApp } from '../app';
import { config } from '../config';

/** The AWS Parameters and Secrets Lambda Extension's default port (the stack sets it explicitly). */
const EXTENSION_DEFAULT_PORT = 2773;
/** How long a cold start waits for the pseudonym key; Lambda's init phase allows 10 s in all. */
const SECRET_DEADLINE_MS = 4_000;

/**
 * One GET with node:http, already loaded by the DynamoDB client. Not `fetch`: Node loads its
 * fetch implementation on first use, which costs a cold start some 20–40 ms of CPU. `agent:
 * false`: one connection, closed after the answer, not kept alive for a call made once. The
 * deadline is a plain timer rather than `AbortSignal.timeout`, which costs a cold start about
 * 1 ms of setting up abort machinery for a call made once.
 */
function httpGet(url: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text });
      });
      res.on('error', reject);
    }).on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
  });
}

/**
 * The pseudonym key's SecretString through the Parameters and Secrets extension's localhost
 * endpoint: the extension calls GetSecretValue with this function's role and caches the answer.
 * Lambda starts this code as soon as the extension has registered, not when it is ready, so a
 * refused connection, a 5xx or a "not ready" 400 is retried with backoff until the deadline;
 * any other answer fails at once. Errors name the status and the extension's message, never a
 * secret value.
 * @example const value = await readSecretString(arn, 2773, process.env.AWS_SESSION_TOKEN!);
 */
async function readSecretString(secretArn: string, port: number, token: string): Promise<string> {
  const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretArn)}`;
  const fail = (why: string) =>
    new Error(`Cannot read the pseudonym key from the Parameters and Secrets extension (localhost:${port}): ${why}`);
  const deadline = Date.now() + SECRET_DEADLINE_MS;
  let backoff = 10;
  let last = 'no attempt';
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw fail(`no answer within ${SECRET_DEADLINE_MS} ms; last: ${last}`);
    let status: number;
    let text: string;
    try {
      ({ status, text } = await httpGet(url, { 'X-Aws-Parameters-Secrets-Token': token }, left));
    } catch (error) {
      last = String((error as NodeJS.ErrnoException).code ?? (error as Error).name);
      await sleep(Math.min(backoff, Math.max(0, deadline - Date.now())));
      backoff = Math.min(backoff * 2, 200);
      continue;
    }
    if (status >= 200 && status < 300) {
      let secretString: unknown;
      try {
        ({ SecretString: secretString } = JSON.parse(text) as { SecretString?: unknown });
      } catch {
        throw fail('the answer is not JSON'); // SyntaxError messages quote the text: never pass one on
      }
      if (typeof secretString !== 'string' || secretString === '') throw fail('the secret has no string value');
      return secretString;
    }
    last = `HTTP ${status} ${text.slice(0, 300)}`;
    if (status < 500 && !/not ready/i.test(text)) throw fail(last);
    await sleep(Math.min(backoff, Math.max(0, deadline - Date.now())));
    backoff = Math.min(backoff * 2, 200);
  }
}

// Everything here runs once per cold start: config, clients and the pseudonym key are reused
// by every invocation of the warm function. The key is asked for first, and the DynamoDB client
// is built while the extension answers: the wait overlaps start-up work instead of adding to it.
const cfg = config();
if (!cfg.PSEUDONYM_KEY_SECRET_ARN) throw new Error('Invalid configuration:\n  PSEUDONYM_KEY_SECRET_ARN: required in Lambda');
if (!cfg.AWS_SESSION_TOKEN) throw new Error('Invalid configuration:\n  AWS_SESSION_TOKEN: required in Lambda (set by the runtime)');

const secretString = readSecretString(
  cfg.PSEUDONYM_KEY_SECRET_ARN,
  cfg.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? EXTENSION_DEFAULT_PORT,
  cfg.AWS_SESSION_TOKEN,
);

const store = createDynamoStore({
  client: createDynamoClient(cfg.DYNAMODB_ENDPOINT ? { endpoint: cfg.DYNAMODB_ENDPOINT } : {}),
  tableName: cfg.TABLE_NAME,
});

export const app = composeApp({
  store,
  pseudonymizer: createPseudonymizer(parsePseudonymKeys(await secretString)),
  authCacheSeconds: cfg.AUTH_CACHE_SECONDS,
  rateLimit: { perSecond: cfg.RATE_LIMIT_PER_SECOND, burst: cfg.RATE_LIMIT_BURST },
  suppressionThreshold: cfg.SUPPRESSION_THRESHOLD,
  corsOrigins: cfg.CORS_ALLOWED_ORIGINS,
});

// The export answers NDJSON, which Hono's default would base64-encode as binary.
export const handler = handle(app, {
  isContentTypeBinary: (type) => !/^application\/x-ndjson\s*(;|$)/i.test(type) && defaultIsContentTypeBinary(type),
});
