import { NotFound, ValidationError } from '../../domain/errors';
import { ASSESSMENT_ID_PATTERN } from '../ids';
import { lazyImport } from '../lazy';
import { AUTH_ERRORS, BODY_ERRORS } from '../problem';
import { defineRoute } from '../route';

// why: the use cases (and with them the instruments) load on their route's first request (docs/architecture.md, "Cold start").
const useCases = lazyImport(() => import('../assessments'));

const ID = { id: { description: 'Assessment id (`asm_…`)', pattern: ASSESSMENT_ID_PATTERN } };

/** Stored assessments: create (one or a batch), read, delete. */
export const assessmentRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/assessments',
    operationId: 'createAssessment',
    summary: 'Score and store one assessment',
    description:
      'Scores the answers with the instrument’s current definition and stores the result under the client’s pseudonym (only the keyed HMAC of `subject.ref` is kept). `Idempotency-Key` is required: the same key with the same body answers the first response again with `Idempotent-Replayed: true`; with another body, 422; while the first is still being written, 409. Unknown fields, unknown item ids and out-of-range answers are refused, never stored.',
    scope: 'assessments:write',
    body: { schema: 'assessmentRequest', parse: 'parseAssessmentRequest', examples: 'assessmentRequest' },
    header: {
      name: 'Idempotency-Key',
      schema: 'idempotencyKey',
      description: '1–255 characters, unique per request, kept ≥ 24 h',
      message: 'Required, 1 to 255 characters.',
    },
    status: 201,
    response: 'assessmentView',
    examples: 'assessmentView',
    headers: {
      Location: 'The stored assessment: `/v1/assessments/{id}`.',
      'Idempotent-Replayed': '`true` when this answers a retry of an earlier request with the same key and body.',
    },
    errors: [...AUTH_ERRORS, ...BODY_ERRORS, 'unprocessable-responses', 'idempotency-key-reused', 'idempotency-in-flight'],
    async handle(c, { body, header }, ctx) {
      const { createAssessment } = await useCases();
      const out = await createAssessment(ctx.assessments, c.get('auth').clinicId, header, body);
      const view = out.body as { id?: string };
      if (out.replayed) c.header('idempotent-replayed', 'true');
      if (out.status === 201 && view.id) c.header('location', `/v1/assessments/${view.id}`);
      return c.json(out.body as object, out.status as 201);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/assessments/batch',
    operationId: 'createAssessmentBatch',
    summary: 'Score and store up to 25 assessments',
    description:
      'Each item is handled as if posted alone to `POST /v1/assessments` under its own `idempotencyKey`: one result per item, in request order, each with the status and body that request would have had. One bad item does not stop the others. Keys repeated inside one batch are refused (400) before anything is stored.',
    scope: 'assessments:write',
    body: { schema: 'batchRequest', examples: 'batchRequest' },
    response: 'batchResponse',
    errors: [...AUTH_ERRORS, ...BODY_ERRORS],
    async handle(c, { body }, ctx) {
      const seen = new Set<string>();
      const duplicates = body.items.flatMap((item, index) => {
        const dup = seen.has(item.idempotencyKey);
        seen.add(item.idempotencyKey);
        return dup ? [{ path: `items.${index}.idempotencyKey`, message: 'Repeats an earlier item’s key.' }] : [];
      });
      if (duplicates.length > 0) throw new ValidationError(duplicates, 'malformed');
      const { createBatch } = await useCases();
      return c.json({ results: await createBatch(ctx.assessments, c.get('auth').clinicId, body.items, ctx.log) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/assessments/{id}',
    operationId: 'getAssessment',
    summary: 'One stored assessment',
    description:
      'The result exactly as it was scored and stored, with any later re-scorings (under newer definitions) beside it in `rescores`. Another clinic’s id answers 404, like an id that does not exist.',
    scope: 'assessments:read',
    params: ID,
    response: 'assessmentView',
    examples: 'assessmentView',
    errors: [...AUTH_ERRORS, 'not-found'],
    async handle(c, { params }, { store }) {
      const { id = '' } = params;
      const found = ASSESSMENT_ID_PATTERN.test(id) ? await store.getAssessment(c.get('auth').clinicId, id) : undefined;
      if (!found) throw new NotFound('No assessment with this id.');
      // The stored result is returned as scored; later re-scorings ride beside it, never over it.
      return c.json(found.rescores ? { ...found.view, rescores: found.rescores } : found.view);
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/assessments/{id}',
    operationId: 'deleteAssessment',
    summary: 'Delete one assessment',
    description:
      'Removes the assessment and its share of the aggregates in one transaction. To correct an assessment, delete it and post the corrected answers under a new `Idempotency-Key`.',
    scope: 'assessments:write',
    params: ID,
    status: 204,
    errors: [...AUTH_ERRORS, 'not-found'],
    async handle(c, { params }, { store }) {
      const { id = '' } = params;
      if (!ASSESSMENT_ID_PATTERN.test(id)) throw new NotFound('No assessment with this id.');
      // Removes the assessment and its share of the aggregates in one transaction.
      await store.deleteAssessment(c.get('auth').clinicId, id);
      return c.body(null, 204);
    },
  }),
];
