import fc from 'fast-check';
import { NOW } from '../support/api';
import type { Json } from './json-text';
import { canary } from './junk';

/**
 * Valid requests, read from the app's own OpenAPI document: its operations, their parameters
 * and request schemas. Bodies come from the schemas; parameters are plain strings in the
 * document, so their good values live in a table per operation (`goodParams`), which a test
 * checks against the document (a new operation or parameter cannot be skipped silently).
 */

export interface Schema {
  $ref?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  const?: Json;
  enum?: Json[];
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
}

export interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: any; security?: unknown[] }>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  /** `post /v1/assessments`: the method and the documented path. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  body?: Schema;
  secured: boolean;
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (where: string) => (op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
      return {
        key: `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params('path'),
        queryParams: params('query'),
        headerParams: params('header'),
        body: op.requestBody?.content?.['application/json']?.schema,
        secured: (op.security ?? []).length > 0,
      };
    }),
  );
}

/** What the test table holds before the fuzzing starts; see the test file's beforeAll. */
export interface Fixtures {
  instruments: string[];
  /** The instrument of the stored assessments: analytics of it have rows and next pages. */
  storedInstrument: string;
  assessmentIds: string[];
  subjectIds: string[];
  /** Refs of stored subjects: canaries too, so no answer may show them. */
  refs: string[];
  /** Real `next` cursors handed out by each paged operation. */
  cursors: Record<string, string[]>;
}

const DAY_MS = 86_400_000;
/** A day in the year before the test clock's today. */
export const pastDay = fc.integer({ min: 0, max: 364 }).map((d) => new Date(NOW.getTime() - d * DAY_MS).toISOString().slice(0, 10));
const pastMonth = fc.integer({ min: 0, max: 23 }).map((m) => {
  const d = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - m, 1));
  return d.toISOString().slice(0, 7);
});
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const padded = (length: number) =>
  fc.tuple(canary, fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: length - 9, maxLength: length - 9 })).map(([c, s]) => c + s);
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const some = <T>(values: T[]) => (values.length ? fc.constantFrom(...values) : fc.constant(undefined));

/**
 * Good values of every documented parameter (path, query, header), per operation; `undefined`
 * leaves an optional one out.
 */
export function goodParams(f: Fixtures): Record<string, Record<string, fc.Arbitrary<string | undefined>>> {
  const instrument = fc.constantFrom(...f.instruments);
  const analysed = fc.oneof(fc.constant(f.storedInstrument), instrument);
  const assessmentId = fc.oneof(
    fc.constantFrom(...f.assessmentIds),
    padded(22).map((s) => `asm_${s}`),
  );
  const subjectId = fc.oneof(
    fc.constantFrom(...f.subjectIds),
    padded(43).map((s) => `sub_1_${s}`),
  );
  const cursor = (op: string) => sometimes(some(f.cursors[op] ?? []));
  const pageLimit = sometimes(fc.integer({ min: 1, max: 100 }).map(String));
  return {
    'get /health': {},
    'get /health/ready': {},
    'get /openapi.json': {},
    'get /v1/keys/current': {},
    'get /v1/instruments': {},
    'get /v1/instruments/{id}': { id: instrument },
    'get /v1/guidance': {},
    'post /v1/score': {},
    'post /v1/assessments': { 'Idempotency-Key': canary },
    'post /v1/assessments/batch': {},
    'get /v1/assessments/{id}': { id: assessmentId },
    'delete /v1/assessments/{id}': { id: assessmentId },
    'post /v1/subjects/search': {},
    'get /v1/subjects/{subjectId}/assessments': {
      subjectId,
      limit: pageLimit,
      cursor: cursor('get /v1/subjects/{subjectId}/assessments'),
    },
    'get /v1/analytics/aggregates': {
      instrument: analysed,
      from: sometimes(pastMonth),
      to: sometimes(pastMonth),
      groupBy: sometimes(fc.constantFrom('month', 'quarter')),
      clinic: sometimes(fc.constant('fuzz-clinic')),
    },
    'get /v1/analytics/export': {
      instrument: analysed,
      from: sometimes(pastDay),
      to: sometimes(pastDay),
      format: sometimes(fc.constantFrom('ndjson', 'csv')),
      limit: sometimes(fc.oneof(fc.constantFrom('1', '2'), fc.integer({ min: 1, max: 5000 }).map(String))),
      cursor: cursor('get /v1/analytics/export'),
    },
    'get /v1/analytics/audit': { limit: pageLimit, cursor: cursor('get /v1/analytics/audit') },
    'get /v1/subjects/{subjectId}/trajectory': { subjectId },
  };
}

/**
 * A valid value of `schema` (the subset of JSON Schema that zod's `toJSONSchema` writes for the
 * request bodies). Strings carry canaries; dates are days of the past year; `named` gives values
 * by property name where the schema alone cannot (a batch item's open `assessment` record).
 * @example validValue(doc.components.schemas.SubjectSearchRequest, doc, {}) // { ref: 'zqx…' }
 */
export function validValue(schema: Schema, doc: OpenApi, named: Record<string, fc.Arbitrary<Json>>): fc.Arbitrary<Json> {
  const value = (s: Schema, name?: string): fc.Arbitrary<Json> => {
    if (name !== undefined && named[name]) return named[name];
    if (s.$ref) return value(doc.components.schemas[s.$ref.split('/').pop()!]!);
    const options = s.oneOf ?? s.anyOf;
    if (options) return fc.oneof(...options.map((o) => value(o)));
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    switch (s.type) {
      case 'object': {
        const shape = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, p]) => [k, value(p, k)]));
        return fc.record(shape, { requiredKeys: s.required ?? [] }) as fc.Arbitrary<Json>;
      }
      case 'array':
        return fc.array(value(s.items ?? {}), {
          minLength: s.minItems ?? 0,
          maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
        });
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 });
      case 'boolean':
        return fc.boolean();
      case 'string':
        if (s.format === 'date') return pastDay;
        return canary.map((c) => c.padEnd(s.minLength ?? 0, 'x').slice(0, Math.max(s.maxLength ?? 128, s.minLength ?? 0)));
    }
    throw new Error(`validValue: no generator for ${JSON.stringify(s).slice(0, 200)}`);
  };
  return value(schema);
}

/** Valid bodies of an operation, from its request schema; `undefined` when it takes none. */
export function validBody(op: Operation, doc: OpenApi, f: Fixtures): fc.Arbitrary<Json> | undefined {
  if (!op.body) return undefined;
  const search = f.cursors['post /v1/subjects/search'] ?? [];
  const named: Record<string, fc.Arbitrary<Json>> = {
    ref: fc.oneof(canary, some(f.refs) as fc.Arbitrary<Json>),
    cursor: some(search) as fc.Arbitrary<Json>,
  };
  named.assessment = validValue(doc.components.schemas.AssessmentRequest!, doc, named);
  return validValue(op.body, doc, named).map((body) => JSON.parse(JSON.stringify(body)) as Json);
}
