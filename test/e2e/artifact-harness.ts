import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';

/**
 * A hand-written API Gateway HTTP API (payload format 2.0) event on the `$default` stage, the way
 * Lambda hands it to the function (cf. Hono's own aws-lambda adapter tests).
 * @example await handler(httpApiEvent('GET', '/v1/assessments/asm_1', { authorization: 'Bearer …' }), {});
 */
export function httpApiEvent(method: string, path: string, headers: Record<string, string>, body?: string) {
  const [rawPath = path, rawQueryString = ''] = path.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', 'x-forwarded-proto': 'https', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'artifact-e2e' },
      requestId: `req-${method}-${rawPath}`,
      routeKey: '$default',
      stage: '$default',
      time: '25/Nov/2026:12:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}

/** What API Gateway expects back from a payload-2.0 integration. */
export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}

/** The header the extension requires, carrying the function's AWS_SESSION_TOKEN. */
export const EXTENSION_TOKEN_HEADER = 'x-aws-parameters-secrets-token';

export interface FakeSecretsExtension {
  /** For PARAMETERS_SECRETS_EXTENSION_HTTP_PORT. */
  port: number;
  /** Every request, in order, with the status it was answered with. */
  requests: { secretId: string | null; token: string | undefined; status: number }[];
  close(): Promise<void>;
}

/**
 * A stand-in for the AWS Parameters and Secrets Lambda Extension on 127.0.0.1: `GET
 * /secretsmanager/get?secretId=…` answers the GetSecretValue JSON (with `SecretString`) for one
 * secret, only with the session token in `X-Aws-Parameters-Secrets-Token`. `notReadyFor`
 * answers the first n requests the way an extension that is still starting does, to prove the
 * cold start waits for it.
 * @example const ext = await fakeSecretsExtension(arn, '{"current":1,…}', token); env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String(ext.port);
 */
export async function fakeSecretsExtension(
  arn: string,
  secretString: string,
  token: string,
  { notReadyFor = 0 }: { notReadyFor?: number } = {},
): Promise<FakeSecretsExtension> {
  const requests: FakeSecretsExtension['requests'] = [];
  let notReady = notReadyFor;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const given = req.headers[EXTENSION_TOKEN_HEADER];
    const reply = (status: number, body: unknown) => {
      requests.push({ secretId: url.searchParams.get('secretId'), token: typeof given === 'string' ? given : undefined, status });
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/secretsmanager/get') return reply(404, 'not found');
    if (notReady > 0) {
      notReady--;
      return reply(400, 'not ready to serve traffic, please wait');
    }
    if (given !== token) return reply(401, 'Unauthorized: missing or invalid X-Aws-Parameters-Secrets-Token');
    if (url.searchParams.get('secretId') !== arn)
      return reply(400, 'ResourceNotFoundException: Secrets Manager can’t find the specified secret.');
    return reply(200, {
      ARN: arn,
      CreatedDate: '2026-11-20T12:00:00Z',
      Name: 'pseudonym-key',
      SecretBinary: null,
      SecretString: secretString,
      VersionId: 'v1',
      VersionStages: ['AWSCURRENT'],
      ResultMetadata: {},
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    requests,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export interface LambdaProcess {
  invoke(event: unknown): Promise<HttpApiResult>;
  /** Everything the function printed. */
  output(): string;
  stop(): Promise<void>;
}

/** Imports the bundle and serves invocations over IPC: a fresh Node process, native ESM, like Lambda's. */
const RUNNER = `
const { handler } = await import(process.argv.at(-1));
let n = 0;
process.on('message', async ({ id, event }) => {
  const context = { awsRequestId: 'req-' + ++n, functionName: 'mi-assessments-api', getRemainingTimeInMillis: () => 12000 };
  try { process.send({ id, result: await handler(event, context) }); }
  catch (error) { process.send({ id, error: String(error && error.stack || error) }); }
});
process.send({ ready: true });
`;

/**
 * Starts the bundle in its own Node process with `env` (and the stack's NODE_OPTIONS) and returns
 * once its cold start (top-level await included) has finished.
 * @example const fn = await startLambda('/tmp/…/index.mjs', { TABLE_NAME: 't' }); await fn.invoke(event);
 */
export async function startLambda(bundle: string, env: Record<string, string>): Promise<LambdaProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', RUNNER, pathToFileURL(bundle).href], {
    env: { ...process.env, NODE_OPTIONS: '--enable-source-maps', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const pending = new Map<number, { resolve: (r: HttpApiResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => {
      const error = new Error(`the bundle's process exited with ${code}:\n${out}`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
    });
    child.on('message', (m: { ready?: true; id?: number; result?: HttpApiResult; error?: string }) => {
      if (m.ready) return resolve();
      const waiter = pending.get(m.id!);
      pending.delete(m.id!);
      if (m.error !== undefined) waiter?.reject(new Error(m.error));
      else waiter?.resolve(m.result!);
    });
  });
  return {
    invoke: (event) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve, reject });
        child.send({ id, event });
      }),
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
