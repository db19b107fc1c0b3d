import * as z from 'zod';

/**
 * The one place that reads the environment. Parsed once at start; bad values fail fast with the
 * variable's name and what is wrong (never its value, which may be a secret).
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, '3–255 of A-Z a-z 0-9 _ . -')
    .default('mi-assessments'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  DYNAMODB_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(8000),
  DATA_DIR: z.string().min(1).default('.data'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().max(100_000).default(50),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(100),
  // why: CMS suppresses cells of 1–10; a deployment may only be stricter.
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(10, 'At least 10 (CMS cell-size rule).').max(1000).default(10),
  PSEUDONYM_KEY_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** Set by the AWS Parameters and Secrets Lambda Extension layer's configuration (the stack); its default is 2773. */
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Set by the Lambda runtime; the extension accepts it as the caller's proof of being this function. */
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
});

export type Config = Readonly<z.infer<typeof schema>>;

/**
 * @example parseConfig({ PORT: '8080' }).PORT // 8080
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = schema.safeParse(blankless);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}

let loaded: Config | undefined;

/** The process configuration, parsed on first use and frozen. */
export function config(): Config {
  return (loaded ??= parseConfig(process.env));
}
