import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../packages/api/openapi';

/**
 * The response contract, checked with Ajv against the app's own OpenAPI document: every answer a
 * test receives must have a documented status, documented media type and body, and documented
 * headers with valid values (X-Request-Id always). Unknown paths are not routes and are skipped.
 */

type Json = Record<string, any>;
interface Operation {
  operationId: string;
  responses: Record<string, { headers?: Record<string, Json>; content?: Record<string, { schema: Json }> }>;
}

const doc = openApiDocument() as { paths: Record<string, Record<string, Operation>>; components: Json };
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'openapi', components: doc.components });

const compiled = new Map<string, ValidateFunction>();
function validator(schema: Json): ValidateFunction {
  const text = JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/');
  let v = compiled.get(text);
  if (!v) compiled.set(text, (v = ajv.compile(JSON.parse(text))));
  return v;
}

const routes = Object.entries(doc.paths).map(([path, ops]) => ({
  pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
  ops,
}));

/** Operations and statuses whose answers were checked in this process. */
export const checked = new Set<string>();

const componentHeader = (h: Json): Json => (h.$ref ? doc.components.headers[String(h.$ref).split('/').pop()!] : h);

/**
 * What in this answer the document does not allow; `[]` when it matches (or is not a route's).
 * @example expect(contractViolations('GET', '/v1/instruments', res.status, res.headers, text)).toEqual([])
 */
export function contractViolations(method: string, url: string, status: number, headers: Headers, text: string): string[] {
  const path = new URL(url, 'http://localhost').pathname;
  const route = routes.find((r) => r.pattern.test(path));
  const op = route?.ops[method.toLowerCase()];
  if (!op) return [];
  const at = `${op.operationId} ${status}`;
  const response = op.responses[String(status)];
  if (!response) return [`${at}: status ${status} is not documented`];
  checked.add(at);
  const out: string[] = [];
  if (!headers.get('x-request-id')) out.push(`${at}: no X-Request-Id`);
  for (const [name, spec] of Object.entries(response.headers ?? {})) {
    const value = headers.get(name);
    const schema = componentHeader(spec).schema as Json | undefined;
    if (value === null || !schema) continue;
    const typed = schema.type === 'integer' ? Number(value) : value;
    if (!validator(schema)(typed)) out.push(`${at}: header ${name}=${value} does not match its schema`);
  }
  if (status === 204) return response.content ? [...out, `${at}: documented body is missing`] : out;
  // An empty body is a page of no rows for the line formats (NDJSON, CSV); JSON must have one.
  if (!text) return response.content?.['application/json'] ? [...out, `${at}: documented body is missing`] : out;
  const media = (headers.get('content-type') ?? '').split(';')[0]!.trim();
  const content = response.content?.[media];
  if (!content) return [...out, `${at}: media type ${media} is not documented`];
  if (!/json$/.test(media) && media !== 'application/x-ndjson') return out;
  const values =
    media === 'application/x-ndjson'
      ? text
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
      : [JSON.parse(text)];
  const validate = validator(content.schema);
  for (const value of values) {
    if (!validate(value)) out.push(`${at}: body does not match: ${ajv.errorsText(validate.errors, { dataVar: 'body' }).slice(0, 500)}`);
  }
  return out;
}
