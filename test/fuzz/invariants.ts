import { contractViolations } from '../support/contract';
import type { Observation } from './harness';
import { CANARY, NUMBER_CANARY } from './junk';
import type { FuzzRequest } from './requests';

/**
 * What every answer must satisfy, whatever was sent (docs/privacy.md, "Errors": problem+json errors without
 * the submitted values, 500 only for true bugs). `violations` names each broken rule; an empty
 * list is a pass.
 */

/**
 * Generous on purpose: it catches stalls and runaway work (an answer that grows with the square
 * of the input), not speed, with DynamoDB Local shared by the other test files.
 */
export const TIME_BOUND_MS = 2_000;
/** A problem names a type, a title, a detail and at most a short list of fields. */
export const MAX_PROBLEM_BYTES = 4 * 1024;
const PROBLEM_TYPE = /^application\/problem\+json(;|$)/;
const STACK_FRAME = /\bat .*\.(ts|js|mjs|cjs):\d+/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}-Q[1-4]$/;
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** Every canary the request carries, anywhere: URL, headers, body text. */
export function canariesOf(request: FuzzRequest): { free: string[]; ids: string[] } {
  const text = [request.url, ...request.headers.flat(), request.text].join('\n');
  const found = [...new Set([...text.matchAll(CANARY), ...text.matchAll(NUMBER_CANARY)].map((m) => m[0]))];
  return { free: found.filter((c) => !c.startsWith('zqk')), ids: found.filter((c) => c.startsWith('zqk')) };
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

function problemViolations(body: unknown, status: number, where: string): string[] {
  const p = body as { type?: unknown; title?: unknown; status?: unknown; detail?: unknown; errors?: unknown } | undefined;
  if (!p || typeof p !== 'object') return [`${where}: not a JSON object`];
  const out: string[] = [];
  if (typeof p.type !== 'string' || !p.type.startsWith('/problems/')) out.push(`${where}: type ${JSON.stringify(p.type)}`);
  if (typeof p.title !== 'string') out.push(`${where}: no title`);
  if (typeof p.detail !== 'string') out.push(`${where}: no detail`);
  if (p.status !== status) out.push(`${where}: status ${JSON.stringify(p.status)} in a ${status} answer`);
  const errors = p.errors;
  if (
    errors !== undefined &&
    !(Array.isArray(errors) && errors.every((e) => typeof e?.path === 'string' && typeof e?.message === 'string'))
  ) {
    out.push(`${where}: errors is not a list of { path, message }`);
  }
  return out;
}

/** Nesting beyond this is never accepted or scored: the request is malformed (a 400). */
export const MAX_ACCEPTED_DEPTH = 1_000;

/** How deep the brackets of a JSON text go, strings skipped. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if (ch === ']' || ch === '}') depth -= 1;
  }
  return deepest;
}

/**
 * What of a success may carry a canary because the API documents it as the request's own:
 * the subject routes answer with the `subjectId` of their path.
 */
const withoutDocumentedEchoes = (body: unknown) => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const { subjectId: _, ...rest } = body as Record<string, unknown>;
  return rest;
};

/** The body with every validation error's `path` blanked: where id-like canary keys may be named. */
function withoutErrorPaths(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutErrorPaths);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) =>
      k === 'errors' && Array.isArray(v) ? [k, v.map((e) => ({ ...e, path: '' }))] : [k, withoutErrorPaths(v)],
    ),
  );
}

/** Broken rules of one observation; `[]` when it passes. */
export function violations(o: Observation): string[] {
  const { request, answer } = o;
  const out: string[] = [];
  const header = (name: string) => answer.headers.find(([n]) => n === name)?.[1] ?? '';
  const body = parse(answer.text);
  const head = request.method.toUpperCase() === 'HEAD';

  if (answer.status >= 500) out.push(`status ${answer.status}`);
  // The OpenAPI contract holds for fuzzed answers too (a HEAD has no body to check).
  if (!answer.truncated && !head)
    out.push(...contractViolations(request.method, request.url, answer.status, new Headers(answer.headers), answer.text));
  if (answer.ms > TIME_BOUND_MS) out.push(`answered in ${Math.round(answer.ms)} ms (bound ${TIME_BOUND_MS} ms)`);
  if (answer.status >= 400 && !head) {
    if (!PROBLEM_TYPE.test(header('content-type')))
      out.push(`content-type ${JSON.stringify(header('content-type'))} on a ${answer.status}`);
    if (answer.bytes > MAX_PROBLEM_BYTES) out.push(`problem of ${answer.truncated ? 'more than ' : ''}${answer.bytes} bytes`);
    else out.push(...problemViolations(body, answer.status, 'problem'));
  }
  if ((answer.status < 300 || answer.status === 422) && nestingDepth(request.text) > MAX_ACCEPTED_DEPTH) {
    out.push(`a body nested ${nestingDepth(request.text)} deep answered ${answer.status}, not 400`);
  }
  if (answer.status >= 400 && o.itemsAfter !== o.itemsBefore)
    out.push(`rejected, yet the table went from ${o.itemsBefore} to ${o.itemsAfter} items`);

  const results =
    answer.status === 200 && request.operation === 'post /v1/assessments/batch' ? (body as { results?: any[] })?.results : undefined;
  if (results) {
    for (const r of results.filter((r) => r?.status >= 400)) {
      const size = Buffer.byteLength(JSON.stringify(r.body));
      if (size > MAX_PROBLEM_BYTES) out.push(`batch item ${r.index}: problem of ${size} bytes`);
      else out.push(...problemViolations(r.body, r.status, `batch item ${r.index}`));
    }
    if (results.every((r) => r?.status >= 400) && o.itemsAfter !== o.itemsBefore) {
      out.push(`every batch item rejected, yet the table went from ${o.itemsBefore} to ${o.itemsAfter} items`);
    }
  }
  if (answer.status === 200 && request.operation === 'get /v1/analytics/aggregates' && body) {
    const a = body as { from?: string; to?: string; groups?: { period?: string }[] };
    const periods = [a.from, a.to, ...(a.groups ?? []).map((g) => g.period)];
    const odd = periods.filter((p) => typeof p !== 'string' || !(MONTH.test(p) || QUARTER.test(p)));
    if (odd.length) out.push(`aggregates with periods ${JSON.stringify(odd.slice(0, 3))}`);
  }

  const { free, ids } = canariesOf(request);
  if (free.length + ids.length > 0) {
    const scanned = body === undefined ? answer.text : JSON.stringify(answer.status < 300 ? withoutDocumentedEchoes(body) : body);
    const outsidePaths = body === undefined ? answer.text : JSON.stringify(withoutErrorPaths(JSON.parse(scanned)));
    const headers = answer.headers.map(([n, v]) => `${n}: ${v}`).join('\n');
    const logs = JSON.stringify(o.logs);
    for (const c of free) {
      if (scanned.includes(c)) out.push(`echoes ${c} in the body`);
      if (headers.includes(c)) out.push(`echoes ${c} in a header`);
      if (logs.includes(c)) out.push(`logs ${c}`);
    }
    for (const c of ids) {
      if (outsidePaths.includes(c)) out.push(`echoes key ${c} in the body outside an error path`);
      if (headers.includes(c)) out.push(`echoes key ${c} in a header`);
      if (logs.includes(c)) out.push(`logs key ${c}`);
    }
  }
  if (answer.headers.some(([, v]) => v.includes('evil.example'))) out.push('a header points at the Host sent (evil.example)');
  if (STACK_FRAME.test(answer.text)) out.push('a stack frame in the body');
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTOTYPE_NAMES) out.push('Object.prototype was changed');
  return out;
}

/** One line per fact a reader needs next to the violations. */
export function summary(o: Observation): string {
  const type = o.answer.headers.find(([n]) => n === 'content-type')?.[1];
  const excerpt = o.answer.text.length > 400 ? `${o.answer.text.slice(0, 400)}…` : o.answer.text;
  return `answer: ${o.answer.status} ${type ?? '(no content-type)'}, ${o.answer.bytes} bytes, ${Math.round(o.answer.ms)} ms\n  ${excerpt}`;
}
