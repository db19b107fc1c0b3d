import * as z from '../instruments/zod';
import { PROBLEM_CONTENT_TYPE, PROBLEMS } from './problem';
import { type ResponseSchemas, responseSchemas } from './response-schemas';
import { assessmentRequest, batchRequest, scoreRequest, subjectSearchRequest } from './schemas';

type Method = 'get' | 'post' | 'delete';
interface RouteDoc {
  method: Method;
  path: string;
  summary: string;
  scope?: string;
  request?: z.ZodMiniType;
  /** A response shape, by name in `responseSchemas()`. */
  response?: keyof ResponseSchemas;
  /** Non-JSON success bodies by media type (the export's NDJSON and CSV). */
  content?: Record<string, keyof ResponseSchemas | { type: 'string' }>;
  /** Success response headers. */
  headers?: Record<string, string>;
  status?: number;
  idempotent?: boolean;
  params?: { name: string; in: 'path' | 'query'; description: string }[];
  errors: (keyof typeof PROBLEMS)[];
}

const auth: (keyof typeof PROBLEMS)[] = ['unauthenticated', 'forbidden', 'storage-unavailable'];
const body: (keyof typeof PROBLEMS)[] = ['malformed-request', 'validation-error', 'payload-too-large', 'unsupported-media-type'];
const page = [
  { name: 'limit', in: 'query' as const, description: '1–100, default 20' },
  { name: 'cursor', in: 'query' as const, description: 'The `next` value of the previous page' },
];

/** Every route of the app, in the order of the docs page. A test checks this against the router. */
export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/health', summary: 'Liveness', errors: [] },
  {
    method: 'get',
    path: '/health/ready',
    summary: 'Readiness: 503 with Retry-After while storage does not answer within a second',
    errors: ['storage-unavailable'],
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', errors: [] },
  { method: 'get', path: '/docs', summary: 'Human-readable documentation', errors: [] },
  { method: 'get', path: '/v1/instruments', summary: 'Instrument catalog', errors: auth },
  {
    method: 'get',
    path: '/v1/instruments/{id}',
    summary: 'One instrument: items, scales, scoring rules, licence, sources',
    params: [{ name: 'id', in: 'path', description: 'Instrument id, e.g. `readiness-ruler`' }],
    errors: [...auth, 'not-found'],
  },
  {
    method: 'post',
    path: '/v1/score',
    summary: 'Score without storing (any valid key)',
    request: scoreRequest,
    response: 'scoredResult',
    errors: [...auth, ...body, 'unprocessable-responses'],
  },
  {
    method: 'post',
    path: '/v1/assessments',
    summary: 'Score and store one assessment',
    scope: 'assessments:write',
    request: assessmentRequest,
    response: 'assessmentView',
    status: 201,
    idempotent: true,
    errors: [...auth, ...body, 'unprocessable-responses', 'idempotency-key-reused', 'idempotency-in-flight'],
  },
  {
    method: 'post',
    path: '/v1/assessments/batch',
    summary: 'Score and store up to 25 assessments; one result per item, each with its own idempotency key',
    scope: 'assessments:write',
    request: batchRequest,
    response: 'batchResponse',
    errors: [...auth, ...body],
  },
  {
    method: 'get',
    path: '/v1/assessments/{id}',
    summary: 'One stored assessment',
    scope: 'assessments:read',
    response: 'assessmentView',
    params: [{ name: 'id', in: 'path', description: 'Assessment id (`asm_…`)' }],
    errors: [...auth, 'not-found'],
  },
  {
    method: 'delete',
    path: '/v1/assessments/{id}',
    summary: 'Delete one assessment (and its share of the aggregates); correct one by deleting and posting anew',
    scope: 'assessments:write',
    status: 204,
    params: [{ name: 'id', in: 'path', description: 'Assessment id (`asm_…`)' }],
    errors: [...auth, 'not-found'],
  },
  {
    method: 'post',
    path: '/v1/subjects/search',
    summary: 'A client’s subjectId and assessments, newest first, by clinic ref (kept out of URLs)',
    scope: 'assessments:read',
    request: subjectSearchRequest,
    response: 'assessmentPage',
    errors: [...auth, ...body],
  },
  {
    method: 'get',
    path: '/v1/subjects/{subjectId}/assessments',
    summary: 'A client’s assessments by pseudonymous id, newest first',
    scope: 'assessments:read',
    response: 'assessmentPage',
    params: [{ name: 'subjectId', in: 'path', description: 'Pseudonymous subject id (`sub_…`)' }, ...page],
    errors: [...auth, 'not-found', 'validation-error'],
  },
  {
    method: 'get',
    path: '/v1/analytics/aggregates',
    summary:
      'Outcomes per month or quarter for the key’s clinic: subjects, assessments, means/sds, category shares, change first → latest; small cells suppressed',
    scope: 'analytics:read',
    response: 'aggregatesResponse',
    params: [
      { name: 'instrument', in: 'query', description: 'Instrument id (required)' },
      { name: 'from', in: 'query', description: 'First month, YYYY-MM (default: 11 months before `to`)' },
      { name: 'to', in: 'query', description: 'Last month, YYYY-MM (default: this month)' },
      { name: 'groupBy', in: 'query', description: '`month` (default) or `quarter`' },
      {
        name: 'clinic',
        in: 'query',
        description: 'Another clinic id, or `*` for the network: needs the operator-granted `analytics:network` scope',
      },
    ],
    errors: [...auth, 'validation-error', 'unprocessable-responses'],
  },
  {
    method: 'get',
    path: '/v1/analytics/export',
    summary:
      'De-identified rows of the key’s clinic, one per assessment, oldest first: pseudonyms re-keyed per export, year plus days since the client’s first assessment. Follow `Export-Next-Cursor` until it is absent; every export is audited',
    scope: 'analytics:read',
    content: { 'application/x-ndjson': 'exportRow', 'text/csv': { type: 'string' } },
    headers: {
      'Export-Id': 'The export’s id, as listed by GET /v1/analytics/audit',
      'Export-Next-Cursor': 'Pass as `cursor` for the next page (same filters); absent on the last page',
      Link: '`<next page URL>; rel="next"`; absent on the last page',
    },
    params: [
      { name: 'instrument', in: 'query', description: 'Instrument id (required)' },
      { name: 'from', in: 'query', description: 'First day administered, YYYY-MM-DD (inclusive)' },
      { name: 'to', in: 'query', description: 'Last day administered, YYYY-MM-DD (inclusive)' },
      { name: 'format', in: 'query', description: '`ndjson` (default) or `csv` (header on the first page only)' },
      { name: 'limit', in: 'query', description: 'Rows per page, 1–5000, default 1000' },
      { name: 'cursor', in: 'query', description: 'The previous page’s `Export-Next-Cursor`' },
    ],
    errors: [...auth, 'validation-error', 'unprocessable-responses'],
  },
  {
    method: 'get',
    path: '/v1/analytics/audit',
    summary: 'The clinic’s export audit trail, newest first: who, when, filters, rows released',
    scope: 'analytics:read',
    response: 'exportAuditPage',
    params: page,
    errors: [...auth, 'validation-error'],
  },
  {
    method: 'get',
    path: '/v1/subjects/{subjectId}/trajectory',
    summary: 'Stage and score changes over time, per instrument, oldest first; backward moves out of maintenance flagged',
    scope: 'assessments:read',
    response: 'trajectoryResponse',
    params: [{ name: 'subjectId', in: 'path', description: 'Pseudonymous subject id (`sub_…`)' }],
    errors: [...auth, 'not-found'],
  },
];

/** A `$ref` to a named schema's component, or the schema inline; lazy schemas are built here. */
const ref = (schema: z.ZodMiniType) => {
  const built = schema instanceof z.ZodMiniLazy ? (schema._zod.innerType as z.ZodMiniType) : schema;
  const id = z.globalRegistry.get(built)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : z.toJSONSchema(built, { io: 'input', unrepresentable: 'any' });
};

const json = (schema: z.ZodMiniType) => ({ 'application/json': { schema: ref(schema) } });

let cached: Record<string, unknown> | undefined;

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
 * @example openApiDocument().paths['/v1/score'].post.requestBody
 */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const shapes = responseSchemas();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const content = r.content
      ? Object.fromEntries(
          Object.entries(r.content).map(([type, schema]) => [type, { schema: typeof schema === 'string' ? ref(shapes[schema]) : schema }]),
        )
      : r.response && json(shapes[r.response]);
    const headers =
      r.headers &&
      Object.fromEntries(Object.entries(r.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]));
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: { description: 'Success', ...(headers ? { headers } : {}), ...(content ? { content } : {}) },
    };
    for (const type of r.errors) {
      const { status, title } = PROBLEMS[type];
      const existing = responses[String(status)] as { description: string } | undefined;
      responses[String(status)] = {
        description: existing ? `${existing.description}; ${title}` : title,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ref(shapes.problemSchema) } },
      };
    }
    const parameters = [
      ...(r.params ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.in === 'path',
        description: p.description,
        schema: { type: 'string' },
      })),
      ...(r.idempotent
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description: '1–255 characters, unique per request, kept ≥ 24 h',
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ]
        : []),
    ];
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      ...(r.scope ? { description: `Requires scope \`${r.scope}\`.` } : {}),
      ...(r.path.startsWith('/v1/') ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.request ? { requestBody: { required: true, content: json(r.request) } } : {}),
      responses,
    };
  }
  const components = z.toJSONSchema(z.globalRegistry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, unknown> };
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'MI Assessments API',
      version: '1.0.0',
      description: 'Scores Motivational Interviewing assessments and keeps anonymized results. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Clinic API key (`mia_…`)' } },
      schemas: components.schemas,
    },
  };
  return cached;
}
