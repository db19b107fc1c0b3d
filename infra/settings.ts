import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';
import { ORIGIN, ORIGIN_RULE, splitOrigins } from '../packages/api/web';

/** Everything that may differ between stages (dev, staging, prod) of one deployment. */
export interface StageSettings {
  /** Lower-case name used in the stack name, log group names and tags. */
  stage: string;
  /** AWS account; omitted = environment-agnostic synth, the CLI's credentials decide. */
  account?: string;
  /** AWS region; omitted = environment-agnostic synth, the CLI's configuration decides. */
  region?: string;
  /** Steady-state requests per second the API stage accepts before answering 429. */
  throttleRateLimit: number;
  /** Burst of requests the stage accepts above the steady rate. */
  throttleBurstLimit: number;
  /** Days to keep the function and access logs. */
  logRetention: RetentionDays;
  /** Concurrent executions reserved for (and capping) the API function. */
  reservedConcurrency: number;
  /** Function memory in MB; CPU scales with it. */
  memorySize: number;
  /** Function timeout in seconds (API Gateway gives up at 30). */
  timeoutSeconds: number;
  /** Seconds a verified API key stays cached in a warm function. */
  authCacheSeconds: number;
  /** 5xx responses, as a percentage of requests in 5 minutes, that raise the alarm. */
  api5xxRatePercent: number;
  /** Where alarm notifications go; omitted = subscribe to the topic yourself. */
  alarmEmail?: string;
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsAllowedOrigins: readonly string[];
}

export const DEFAULT_SETTINGS: StageSettings = {
  stage: 'dev',
  throttleRateLimit: 50,
  throttleBurstLimit: 100,
  logRetention: RetentionDays.ONE_YEAR,
  reservedConcurrency: 10,
  memorySize: 1024,
  timeoutSeconds: 12,
  authCacheSeconds: 30,
  api5xxRatePercent: 5,
  corsAllowedOrigins: [],
};

const retentionDays = new Set<number>(Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const contextSchema = z.object({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/, 'lower-case letters, digits and -, at most 20')
    .optional(),
  account: z
    .string()
    .regex(/^\d{12}$/, '12 digits')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region such as eu-west-1')
    .optional(),
  throttleRateLimit: int(1, 10_000).optional(),
  throttleBurstLimit: int(1, 5_000).optional(),
  logRetentionDays: z.coerce
    .number()
    .refine((d) => retentionDays.has(d), `one of ${[...retentionDays].join(', ')}`)
    .optional(),
  reservedConcurrency: int(1, 1_000).optional(),
  memorySize: int(128, 10_240).optional(),
  timeoutSeconds: int(1, 29).optional(),
  authCacheSeconds: int(0, 300).optional(),
  api5xxRatePercent: z.coerce.number().gt(0).max(100).optional(),
  alarmEmail: z.email().optional(),
  // The same rule as the function's CORS_ALLOWED_ORIGINS, which it is passed on as.
  corsAllowedOrigins: z
    .string()
    .transform(splitOrigins)
    .pipe(z.array(z.string().regex(ORIGIN, ORIGIN_RULE)))
    .optional(),
});

/**
 * Stage settings from CDK context (`-c key=value` or cdk.json), defaults for the rest; a bad
 * value fails the synth with the key and the rule.
 * @example settingsFromContext((k) => app.node.tryGetContext(k)) // { stage: 'dev', ... }
 */
export function settingsFromContext(get: (key: string) => unknown): StageSettings {
  const raw = Object.fromEntries(
    Object.keys(contextSchema.shape)
      .map((k) => [k, get(k)])
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid CDK context:\n${lines.join('\n')}`);
  }
  const { logRetentionDays, ...rest } = parsed.data;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return {
    ...DEFAULT_SETTINGS,
    ...defined,
    ...(logRetentionDays !== undefined ? { logRetention: logRetentionDays as RetentionDays } : {}),
  };
}
