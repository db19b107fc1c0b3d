import { zValidator } from '@hono/zod-validator';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { ValidationError } from '../domain/errors';
import type { Scope } from '../domain/records';
import type * as z from '../instruments/zod';
import { type AuthEnv, requireScope } from './auth';
import type { AppContext } from './context';
import type { ExampleName } from './examples';
import { lazyImport } from './lazy';
import type { ProblemType } from './problem';
import type { ResponseSchemas } from './response-schemas';
import type * as Schemas from './schemas';

type ParseResult = { success: true; data: unknown } | { success: false; error: z.core.$ZodError };

/**
 * Routes name their request schemas and parsers by their export name in schemas.ts (as they
 * name response schemas and examples): the names are data, so defining and mounting the routes
 * loads neither zod nor the instruments; schemas.ts is imported on the first request that
 * validates something (docs/architecture.md, "Cold start").
 */
type SchemaModule = typeof Schemas;
export type SchemaName = { [K in keyof SchemaModule]: SchemaModule[K] extends z.ZodMiniType ? K : never }[keyof SchemaModule];
export type ParserName = {
  [K in keyof SchemaModule]: SchemaModule[K] extends (value: unknown) => ParseResult ? K : never;
}[keyof SchemaModule];
type Output<N> = N extends SchemaName ? z.output<SchemaModule[N]> : never;

/** A request header the route requires, validated after the body (its errors name `header.<name>`). */
export interface HeaderDef {
  name: string;
  schema: SchemaName;
  description: string;
  /** The one message of any failure (the header is absent, empty or too long). */
  message: string;
}

/** What a handler is given: the validated body and query, the path parameters, the required header's value. */
export interface RouteInput<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  header: string;
}

/**
 * One route, defined once: how it is registered (scope, validators, handler) and how it is
 * documented (OpenAPI and /docs read the same object). Paths are written the OpenAPI way
 * (`/v1/assessments/{id}`).
 */
export interface RouteDef<B = unknown, Q = unknown> {
  method: 'get' | 'post' | 'delete';
  path: string;
  /** The OpenAPI operationId: a verb and a noun, camelCase (`createAssessment`). */
  operationId: string;
  /** One line. */
  summary: string;
  /** What a reader needs beyond the summary (Markdown). */
  description: string;
  /** The scope a key needs; absent on `/v1` means any valid key, outside `/v1` no key at all. */
  scope?: Scope;
  /**
   * A JSON body and its schema; `parse`, when given, parses in the schema's place (the instrument
   * requests); `examples` names the body's examples in examples.ts.
   */
  body?: { schema: SchemaName; parse?: ParserName; examples?: ExampleName };
  /** The query's schema: a closed object whose fields (with their descriptions) are the documented parameters. */
  query?: SchemaName;
  /** Path parameters: description and pattern (checked by the handler: a malformed id is simply not found). */
  params?: Readonly<Record<string, { description: string; pattern: RegExp }>>;
  header?: HeaderDef;
  /** The success status (default 200) and its body, by name in `responseSchemas()`. */
  status?: number;
  response?: keyof ResponseSchemas;
  /** The success body's examples, by name in examples.ts. */
  examples?: ExampleName;
  /** Non-JSON success bodies by media type (the export's NDJSON and CSV). */
  content?: Readonly<Record<string, keyof ResponseSchemas | { type: 'string' | 'object' }>>;
  /** Success response headers and their descriptions. */
  headers?: Readonly<Record<string, string>>;
  /** Every problem the route can answer besides its success. */
  errors: readonly ProblemType[];
  handle(c: Context<AuthEnv>, input: RouteInput<B, Q>, ctx: AppContext): Response | Promise<Response>;
}

/**
 * A route definition with its body and query types inferred from its schemas.
 * @example export const health = defineRoute({ method: 'get', path: '/health', summary: 'Liveness', errors: [], handle: (c) => c.json({ status: 'ok' }) });
 */
export function defineRoute<B extends SchemaName = never, Q extends SchemaName = never>(
  def: Omit<RouteDef<Output<B>, Output<Q>>, 'body' | 'query'> & {
    body?: { schema: B; parse?: ParserName; examples?: ExampleName };
    query?: Q;
  },
): RouteDef {
  return def as unknown as RouteDef;
}

/** schemas.ts, imported on the first request that validates something. */
const schemas = lazyImport(() => import('./schemas'));

/** zod-validator with our problem+json hook (its default 400 would echo input), built on the route's first request. */
function validator(target: 'json' | 'query', name: SchemaName, parseName?: ParserName): MiddlewareHandler<AuthEnv> {
  let built: MiddlewareHandler<AuthEnv> | undefined;
  return async (c, next) => {
    if (!built) {
      const m = await schemas();
      const parse = parseName && (m[parseName] as (value: unknown) => ParseResult);
      built = zValidator(
        target,
        m[name] as z.ZodMiniType,
        (result) => {
          if (!result.success) throw m.toValidationError(result.error).at(target === 'json' ? 'body' : 'query');
        },
        // why: zod-validator types this result as classic zod's; zod/mini's has the same fields (success, data, error).
        parse && { validationFunction: (_schema, value) => parse(value) as never },
      ) as unknown as MiddlewareHandler<AuthEnv>;
    }
    return built(c, next);
  };
}

/**
 * Registers routes on `app`: scope check, JSON body reader, validators and handler, in that
 * order, each from the route's definition.
 * @example mountRoutes(new Hono<AuthEnv>(), assessmentRoutes, ctx)
 */
export function mountRoutes(app: Hono<AuthEnv>, routes: readonly RouteDef[], ctx: AppContext): Hono<AuthEnv> {
  for (const route of routes) {
    const chain: MiddlewareHandler<AuthEnv>[] = [];
    if (route.scope) chain.push(requireScope(route.scope));
    if (route.body) chain.push(ctx.jsonBody, validator('json', route.body.schema, route.body.parse));
    if (route.query) chain.push(validator('query', route.query));
    const path = route.path.replace(/\{(\w+)\}/g, ':$1');
    const paramNames = Object.keys(route.params ?? {});
    app.on(route.method.toUpperCase(), [path], ...chain, async (c) => {
      const valid = (target: string) => (c.req.valid as (t: string) => unknown).call(c.req, target);
      const params: Record<string, string> = {};
      for (const name of paramNames) params[name] = c.req.param(name) ?? '';
      const input = {
        body: route.body ? valid('json') : undefined,
        query: route.query ? valid('query') : undefined,
        params,
        header: route.header ? await requiredHeader(c, route.header) : '',
      };
      // why: a use case names the field (`cursor`, `administeredOn`); where it was sent is the route's to say.
      const location = route.body ? 'body' : 'query';
      const placed = (error: unknown) => (error instanceof ValidationError ? error.at(location) : error);
      try {
        return await route.handle(c, input, ctx);
      } catch (error) {
        throw placed(error);
      }
    });
  }
  return app;
}

async function requiredHeader(c: Context, header: HeaderDef): Promise<string> {
  const parsed = ((await schemas())[header.schema] as z.ZodMiniType).safeParse(c.req.header(header.name));
  if (!parsed.success) throw new ValidationError([{ path: `header.${header.name}`, message: header.message }], 'malformed');
  return parsed.data as string;
}
