import * as z from '../instruments/zod';
import { examples } from './examples';
import { GUIDE } from './guide';
import { PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemType } from './problem';
import { responseSchemas } from './response-schemas';
import type { RouteDef, SchemaName } from './route';
import { ROUTE_MODULES } from './routes';
import * as schemas from './schemas';

type Json = Record<string, unknown>;

/** JSON Schema of a zod schema, as OpenAPI 3.1 embeds it: no `$schema`, no `$id`. */
function jsonSchema(schema: z.ZodMiniType): Json {
  const { $schema: _s, $id: _i, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/** A route's request schema, by its name in schemas.ts. */
// biome-ignore lint/performance/noDynamicNamespaceImportAccess: every request schema is documented, so none could be shaken off anyway.
const named = (name: SchemaName): z.ZodMiniType => schemas[name] as z.ZodMiniType;

const unlazy = (schema: z.ZodMiniType): z.ZodMiniType =>
  schema instanceof z.ZodMiniLazy ? (schema._zod.innerType as z.ZodMiniType) : schema;

/** A `$ref` to a named schema's component, or the schema inline; lazy schemas are built here. */
function ref(schema: z.ZodMiniType): Json {
  const built = unlazy(schema);
  const id = z.globalRegistry.get(built)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : jsonSchema(built);
}

const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** Headers on every answer (`/v1`: the rate limit too). */
const commonHeaders = (r: RouteDef) => ({
  'X-Request-Id': header('XRequestId'),
  ...(r.path.startsWith('/v1/') ? { RateLimit: header('RateLimit'), 'RateLimit-Policy': header('RateLimitPolicy') } : {}),
});

/** The query's fields as parameters: typed, bounded and defaulted by the schema the route validates with. */
function queryParameters(r: RouteDef): Json[] {
  if (!r.query) return [];
  const object = unlazy(named(r.query)) as z.ZodMiniObject;
  return Object.entries(object._zod.def.shape).map(([name, field]) => {
    const schema = field as z.ZodMiniType;
    const { description, ...rest } = jsonSchema(schema);
    return {
      name,
      in: 'query',
      // A defaulted field may be left out: the server fills it in.
      required: schema._zod.optin !== 'optional' && rest.default === undefined,
      description: description ?? z.globalRegistry.get(schema)?.description ?? '',
      schema: rest,
    };
  });
}

function parameters(r: RouteDef): Json[] {
  return [
    ...Object.entries(r.params ?? {}).map(([name, p]) => ({
      name,
      in: 'path',
      required: true,
      description: p.description,
      schema: { type: 'string', pattern: p.pattern.source },
    })),
    ...queryParameters(r),
    ...(r.header
      ? [
          {
            name: r.header.name,
            in: 'header',
            required: true,
            description: r.header.description,
            schema: jsonSchema(named(r.header.schema)),
          },
        ]
      : []),
  ];
}

const problemExample = (type: ProblemType) => ({
  type: `/problems/${type}`,
  title: PROBLEMS[type].title,
  status: PROBLEMS[type].status,
  detail: PROBLEMS[type].example,
  instance: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
  ...(type === 'validation-error' ? { errors: [{ path: 'subject.ref', message: 'Invalid input: expected string, received number' }] } : {}),
  ...(type === 'unprocessable-responses'
    ? { errors: [{ path: 'responses.importance', message: 'Too big: expected number to be <=10' }] }
    : {}),
});

/** Every status a route can answer besides success, one response each, its problem types as examples. */
function problemResponses(r: RouteDef): Record<string, Json> {
  const byStatus = new Map<number, ProblemType[]>();
  for (const type of r.errors) byStatus.set(PROBLEMS[type].status, [...(byStatus.get(PROBLEMS[type].status) ?? []), type]);
  return Object.fromEntries(
    [...byStatus].map(([status, types]) => [
      String(status),
      {
        description: types.map((t) => PROBLEMS[t].title).join('; '),
        headers: { ...commonHeaders(r), ...([409, 429, 503].includes(status) ? { 'Retry-After': header('RetryAfter') } : {}) },
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { $ref: '#/components/schemas/Problem' },
            examples: Object.fromEntries(types.map((t) => [t, { summary: PROBLEMS[t].title, value: problemExample(t) }])),
          },
        },
      },
    ]),
  );
}

function successResponse(r: RouteDef): Json {
  const shapes = responseSchemas();
  const headers = {
    ...commonHeaders(r),
    ...Object.fromEntries(
      Object.entries(r.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
    ),
  };
  const bodyExamples = r.examples ? { examples: examples()[r.examples] } : {};
  const content = r.content
    ? Object.fromEntries(
        Object.entries(r.content).map(([type, schema]) => [type, { schema: typeof schema === 'string' ? ref(shapes[schema]) : schema }]),
      )
    : r.response && { 'application/json': { schema: ref(shapes[r.response]), ...bodyExamples } };
  const status = r.status ?? 200;
  return { [String(status)]: { description: status === 204 ? 'Done; no body.' : 'Success', headers, ...(content ? { content } : {}) } };
}

const access = (r: RouteDef) =>
  r.scope ? `Requires scope \`${r.scope}\`.` : r.path.startsWith('/v1/') ? 'Any valid API key.' : 'No API key needed.';

function operation(r: RouteDef, tag: string): Json {
  const params = parameters(r);
  return {
    operationId: r.operationId,
    tags: [tag],
    summary: r.summary,
    description: `${r.description}\n\n${access(r)}`,
    security: r.path.startsWith('/v1/') ? [{ bearer: [] }] : [],
    ...(params.length ? { parameters: params } : {}),
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: ref(named(r.body.schema)),
                ...(r.body.examples ? { examples: examples()[r.body.examples] } : {}),
              },
            },
          },
        }
      : {}),
    responses: { ...successResponse(r), ...problemResponses(r) },
  };
}

/** The document's components: every named schema, stripped of the `$id` zod adds (JSON Schema 2020-12 in OpenAPI forbids it). */
function components(): Json {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as {
    schemas: Record<string, Json>;
  };
  const clean = Object.fromEntries(Object.entries(schemas).map(([id, { $id: _i, $schema: _s, ...schema }]) => [id, schema]));
  return {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A clinic API key (`mia_…`).' } },
    headers: {
      XRequestId: {
        description: 'This request’s id (a UUID): yours when you sent one as `X-Request-Id` or `traceparent`, else new.',
        schema: { type: 'string', format: 'uuid' },
      },
      RateLimit: {
        description: 'The key’s bucket now: `"per-key";r=<requests left>;t=<seconds until full>` (draft-ietf-httpapi-ratelimit-headers).',
        schema: { type: 'string' },
      },
      RateLimitPolicy: { description: 'The bucket: `"per-key";q=<burst>;w=<seconds to refill>`.', schema: { type: 'string' } },
      RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } },
    },
    schemas: clean,
  };
}

let cached: Json | undefined;

/**
 * The OpenAPI 3.1 document, generated from the route definitions and the same zod schemas the
 * routes validate with; built on its first request.
 * @example openApiDocument().paths['/v1/score'].post.operationId // 'scoreAnswers'
 */
export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const { tag, routes } of ROUTE_MODULES) for (const r of routes) (paths[r.path] ??= {})[r.method] = operation(r, tag);
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'MI Assessments API',
      version: '1.0.0',
      description: GUIDE,
      contact: { name: 'MI Assessments API maintainers' },
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'This deployment (same origin)' }],
    security: [{ bearer: [] }],
    tags: ROUTE_MODULES.map(({ tag, description }) => ({ name: tag, description })),
    paths,
    components: components(),
  };
  return cached;
}
