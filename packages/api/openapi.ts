import * as z from '../instruments/zod';
import { PROBLEM_CONTENT_TYPE, PROBLEMS } from './problem';
import { responseSchemas } from './response-schemas';
import type { RouteDef } from './route';
import { ROUTES } from './routes';

/** A `$ref` to a named schema's component, or the schema inline; lazy schemas are built here. */
const ref = (schema: z.ZodMiniType) => {
  const built = schema instanceof z.ZodMiniLazy ? (schema._zod.innerType as z.ZodMiniType) : schema;
  const id = z.globalRegistry.get(built)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : z.toJSONSchema(built, { io: 'input', unrepresentable: 'any' });
};

const json = (schema: z.ZodMiniType) => ({ 'application/json': { schema: ref(schema) } });

/** The query's fields as parameters, in the schema's order, described by their schema's description. */
function queryParameters(r: RouteDef) {
  if (!r.query) return [];
  const object = (r.query instanceof z.ZodMiniLazy ? r.query._zod.innerType : r.query) as z.ZodMiniObject;
  return Object.entries(object._zod.def.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    description: z.globalRegistry.get(schema as z.ZodMiniType)?.description ?? '',
    schema: { type: 'string' },
  }));
}

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
      ...Object.entries(r.params ?? {}).map(([name, description]) => ({
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      ...queryParameters(r),
      ...(r.header
        ? [
            {
              name: r.header.name,
              in: 'header',
              required: true,
              description: r.header.description,
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
      ...(r.body ? { requestBody: { required: true, content: json(r.body.schema) } } : {}),
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
