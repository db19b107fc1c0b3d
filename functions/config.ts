import { ORIGIN, ORIGIN_RULE, splitOrigins } from '../packages/api/web';

/**
 * The one place that reads the environment. Parsed once at start; bad values fail fast with the
 * variable's name and what is wrong (never its value, which may be a secret).
 *
 * Plain rules rather than a zod schema: this runs at every Lambda cold start, before the first
 * request, and building and running a zod schema there cost about 7 ms (`npm run bench:coldstart`).
 */

/** One variable: how to read its text (throwing `Invalid` with what is wrong) and its default. */
interface Variable<T, D extends T | undefined> {
  read: (raw: string) => T;
  fallback: D;
}

class Invalid extends Error {}

const check = <T>(ok: boolean, value: T, why: string): T => {
  if (!ok) throw new Invalid(why);
  return value;
};

const int =
  (min: number, max: number, tooSmall = `At least ${min}.`) =>
  (raw: string) => {
    const n = Number(raw);
    check(Number.isInteger(n), n, 'An integer.');
    check(n >= min, n, tooSmall);
    return check(n <= max, n, `At most ${max}.`);
  };

const text =
  (ok: (raw: string) => boolean = () => true, why = 'Not valid.') =>
  (raw: string) =>
    check(ok(raw), raw, why);

const canParseUrl = (raw: string) => {
  try {
    return Boolean(new URL(raw));
  } catch {
    return false;
  }
};

const origins = (raw: string): readonly string[] => Object.freeze(splitOrigins(raw).map((o) => check(ORIGIN.test(o), o, ORIGIN_RULE)));

const withDefault = <T>(read: (raw: string) => T, fallback: T): Variable<T, T> => ({ read, fallback });
const optional = <T>(read: (raw: string) => T): Variable<T, undefined> => ({ read, fallback: undefined });

const VARIABLES = {
  PORT: withDefault(int(1, 65535), 3000),
  TABLE_NAME: withDefault(
    text((raw) => /^[A-Za-z0-9_.-]{3,255}$/.test(raw), '3–255 of A-Z a-z 0-9 _ . -'),
    'mi-assessments',
  ),
  DYNAMODB_ENDPOINT: optional(text(canParseUrl, 'A URL.')),
  /** Unset: the embedded DynamoDB Local takes a free port, recorded in DATA_DIR/dynamodb-local.json. */
  DYNAMODB_LOCAL_PORT: optional(int(1, 65535)),
  DATA_DIR: withDefault(text(), '.data'),
  AWS_REGION: withDefault(text(), 'us-east-1'),
  AUTH_CACHE_SECONDS: withDefault(int(0, 300), 30),
  RATE_LIMIT_PER_SECOND: withDefault((raw: string) => {
    const n = Number(raw);
    check(Number.isFinite(n) && n > 0, n, 'A number above 0.');
    return check(n <= 100_000, n, 'At most 100000.');
  }, 50),
  RATE_LIMIT_BURST: withDefault(int(1, 100_000), 100),
  // why: CMS suppresses cells of 1–10; a deployment may only be stricter.
  SUPPRESSION_THRESHOLD: withDefault(int(10, 1000, 'At least 10 (CMS cell-size rule).'), 10),
  /** Browser origins allowed to call the API (CORS), comma-separated `https://host[:port]`; none by default. */
  CORS_ALLOWED_ORIGINS: withDefault(origins, [] as readonly string[]),
  PSEUDONYM_KEY_SECRET_ARN: optional(text((raw) => raw.startsWith('arn:'), 'An ARN (arn:…).')),
  /** Set by the AWS Parameters and Secrets Lambda Extension layer's configuration (the stack); its default is 2773. */
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: optional(int(1, 65535)),
  /** Set by the Lambda runtime; the extension accepts it as the caller's proof of being this function. */
  AWS_SESSION_TOKEN: optional(text()),
};

type Variables = typeof VARIABLES;

export type Config = {
  readonly [K in keyof Variables]: Variables[K] extends Variable<infer T, infer D> ? T | D : never;
};

/**
 * Unset and empty variables take their default; unknown variables are ignored.
 * @example parseConfig({ PORT: '8080' }).PORT // 8080
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(VARIABLES) as [string, Variable<unknown, unknown>][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (variable.fallback !== undefined) values[name] = variable.fallback;
      continue;
    }
    try {
      values[name] = variable.read(raw);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      problems.push(`  ${name}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  return Object.freeze(values) as Config;
}

let loaded: Config | undefined;

/** The process configuration, parsed on first use and frozen. */
export function config(): Config {
  return (loaded ??= parseConfig(process.env));
}
