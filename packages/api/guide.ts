import { MAX_BATCH } from './limits';
import { PROBLEMS, type ProblemType } from './problem';

/**
 * The guide text of the reference (OpenAPI `info.description`, Markdown): what an integrator
 * needs before the first request, then one section per problem type (`PROBLEM_GUIDE`), where
 * the `type` URIs of problem bodies (`/problems/<type>`) lead.
 */
export const GUIDE_TEXT = `Scores Motivational Interviewing assessments (readiness rulers, decisional-balance forms, URICA,
SOCRATES, RCQ), keeps the results pseudonymized, and serves scores, MI guidance, trajectories and
disclosure-controlled analytics.

## Authentication
Every \`/v1\` request carries \`Authorization: Bearer <api key>\`. A key (\`mia_…\`) belongs to one clinic and
holds scopes: \`assessments:write\` (post, delete), \`assessments:read\` (fetch, history, trajectory),
\`analytics:read\` (aggregates, exports, audit); \`POST /v1/score\`, the catalog and \`GET /v1/keys/current\` (the
key's own clinic and scopes, so a client can offer only what the key may do) need any valid key.
\`analytics:network\` (other clinics, the whole network) is granted only by an operator. The clinic comes
only from the key: another clinic's ids answer 404, like ids that do not exist. Repeated failed
authentications from one address answer 429.

## Idempotency
\`POST /v1/assessments\` requires an \`Idempotency-Key\` header (1–255 characters, unique per assessment,
kept at least 24 hours). A retry with the same key and body answers the first status and body again,
with \`Idempotent-Replayed: true\`; the same key with another body is a 422; while the first request is
still being written, 409 with \`Retry-After\`. Each item of \`POST /v1/assessments/batch\` (up to ${MAX_BATCH})
carries its own \`idempotencyKey\`. However often a request is retried, one assessment is stored and
aggregates count it once.

## Pagination
Lists answer a page and, when more follow, \`next\`: pass it as \`cursor\` (same filters) for the next page;
it is absent on the last page. Exports give the cursor in the \`Export-Next-Cursor\` header (and \`Link\`).
Cursors are sealed: opaque, bound to the clinic and list they came from, and refused when edited.

## Errors
Errors are RFC 9457 \`application/problem+json\` with \`type\`, \`title\`, \`status\`, \`detail\` and \`instance\`
(\`urn:uuid:<request id>\`, the \`X-Request-Id\` of the answer). Validation problems add \`errors\`
(\`path\`, \`message\`; at most 20, \`errorsOmitted\` counts the rest). No problem ever carries a submitted
value or an unknown field's name. 429 and 503 carry \`Retry-After\`; retry after that many seconds.

## Rate limits
Each key has a token bucket; every answer announces it with the IETF \`RateLimit-Policy\` and \`RateLimit\`
headers (\`r\`: requests left, \`t\`: seconds until the bucket is full). Beyond it: 429 with \`Retry-After\`.

## Privacy
Only \`subjectId = HMAC(pseudonym key, clinic, ref)\` is stored: the clinic's ref never reaches storage,
logs or answers, and identifiers travel in bodies, never in URLs (hence \`POST /v1/subjects/search\`).
Request schemas are closed (unknown fields are refused), \`targetBehavior\` is a closed list, and
free text (worksheet labels) is scored and dropped. Answers carry \`Cache-Control: no-store\`.

## Suppression
Aggregates suppress any figure resting on 1 to the threshold (10 or more) subjects — \`{ "value": null,
"suppressed": true }\`, never 0 — with complementary suppression so that no hidden figure can be derived
from published totals or other cells. Exports are de-identified further: pseudonyms re-keyed per
export, the year and days since the client's first assessment instead of dates.

## Browsers
Browser clients are allowed only from the origins a deployment configures (CORS); the custom headers
above are exposed to them.`;

/** What to do about each problem type; typed by the list, so a new type cannot go unexplained. */
const WHAT_TO_DO: Record<ProblemType, string> = {
  'malformed-request': 'The body is not JSON in UTF-8 (or a header is malformed). Fix the client; retrying the same request fails again.',
  'validation-error':
    'The request breaks its schema; `errors` names each place (`body.`, `query.`, `path.`, `header.` and the field path) and what is wrong. Fix those fields.',
  unauthenticated:
    'Send `Authorization: Bearer <api key>` with a key that exists and is not revoked. Repeated failures from one address are answered 429.',
  forbidden: 'The key is valid but lacks the scope the operation names; ask the operator for a key with that scope.',
  'not-found': "No such route, or no such resource for this clinic (another clinic's ids answer the same way).",
  'method-not-allowed': 'The path exists but not with this method; the `Allow` header lists the methods it answers.',
  'idempotency-in-flight':
    'The first request with this `Idempotency-Key` is still being written; retry the same request after `Retry-After` seconds.',
  conflict: 'The request collides with stored state (e.g. an id that already exists); read the current state before retrying.',
  'payload-too-large': 'The body exceeds the limit in `detail`; send fewer items (batches take at most the documented number).',
  'rate-limited':
    'The key (or, for failed authentications, the address) used up its bucket; wait `Retry-After` seconds. The `RateLimit` headers show the budget before it runs out.',
  'unsupported-media-type': 'Send the body as `Content-Type: application/json`, UTF-8, with no content encoding.',
  'unprocessable-responses':
    'The body is well formed but the answers cannot be scored (out of range, missing items); `errors` names each one.',
  'idempotency-key-reused': 'This `Idempotency-Key` was used with a different body; use a new key for a new assessment.',
  'storage-unavailable': 'Storage did not answer in time; retry after `Retry-After` seconds. Nothing was stored by the failed request.',
  'internal-error': 'An unexpected error; the answer carries no detail. Quote the `instance` (the request id) when reporting it.',
};

/**
 * One section per problem type (title, status, when it happens, what to do), generated from the
 * list the API answers with; `/problems/<type>` redirects to its heading.
 * @example PROBLEM_GUIDE.includes('## Problem not-found') // true
 */
export const PROBLEM_GUIDE = `## Problem types
Every problem body's \`type\` is one of these URIs; each leads here.
${Object.entries(PROBLEMS)
  .map(
    ([type, p]) =>
      `\n## Problem ${type}\n\`/problems/${type}\` — **${p.status} ${p.title}**. Example \`detail\`: “${p.example}”\n\n${WHAT_TO_DO[type as ProblemType]}`,
  )
  .join('\n')}`;

/** The whole guide: the document's `info.description`. */
export const GUIDE = `${GUIDE_TEXT}\n\n${PROBLEM_GUIDE}`;
