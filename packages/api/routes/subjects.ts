import { NotFound } from '../../domain/errors';
import { lazyImport } from '../lazy';
import { DEFAULT_PAGE_SIZE } from '../limits';
import { AUTH_ERRORS, BODY_ERRORS } from '../problem';
import { SUBJECT_ID_PATTERN } from '../pseudonymizer';
import { defineRoute } from '../route';
import type { SearchPosition } from '../subject-search';

// why: the use cases (and with them the instruments) load on their route's first request (docs/architecture.md, "Cold start").
const search = lazyImport(() => import('../subject-search'));
const trajectory = lazyImport(() => import('../trajectory'));

const SUBJECT = { subjectId: { description: 'Pseudonymous subject id (`sub_…`)', pattern: SUBJECT_ID_PATTERN } };

/** A client's history and trajectory, by ref (in the body, never a URL) or by pseudonymous id. */
export const subjectRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/subjects/search',
    operationId: 'searchSubject',
    summary: 'Find a client’s history by ref',
    description:
      'The client’s pseudonymous `subjectId` and assessments, newest first, by the clinic’s own ref. The ref travels in the body, never in a URL (URLs end up in access logs). Records made before a pseudonym-key rotation are found too. Follow `next` as `cursor` for the next page.',
    scope: 'assessments:read',
    body: { schema: 'subjectSearchRequest', examples: 'subjectSearchRequest' },
    response: 'assessmentPage',
    examples: 'assessmentPage',
    errors: [...AUTH_ERRORS, ...BODY_ERRORS],
    async handle(c, { body }, { store, pseudonymizer, cursors }) {
      const { ref, limit, cursor } = body;
      const clinicId = c.get('auth').clinicId;
      const ids = pseudonymizer.subjectIdsAllVersions(clinicId, ref);
      // why: the cursor is scoped to the client it was made for, by its current id.
      const scope = `${clinicId}\u001f${ids[0]}`;
      const from = cursor === undefined ? undefined : cursors.open<SearchPosition>('search', scope, cursor);
      const { searchAcrossVersions } = await search();
      const page = await searchAcrossVersions(store, clinicId, ids, limit ?? DEFAULT_PAGE_SIZE, from);
      return c.json({
        subjectId: ids[0]!,
        items: page.items.map((a) => a.view),
        ...(page.next ? { next: cursors.seal('search', scope, page.next) } : {}),
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/subjects/{subjectId}/assessments',
    operationId: 'listSubjectAssessments',
    summary: 'A client’s history by pseudonymous id',
    description:
      'The assessments of one `subjectId`, newest first (by day administered, then by time stored), cursor-paged. A subject without assessments, or another clinic’s, answers 404.',
    scope: 'assessments:read',
    params: SUBJECT,
    query: 'pageQuery',
    response: 'assessmentPage',
    examples: 'assessmentPage',
    errors: [...AUTH_ERRORS, 'not-found', 'validation-error'],
    async handle(c, { query, params }, { store, cursors }) {
      const { subjectId = '' } = params;
      const { limit, cursor } = query;
      if (!SUBJECT_ID_PATTERN.test(subjectId)) throw new NotFound('No subject with this id.');
      const clinicId = c.get('auth').clinicId;
      const scope = `${clinicId}\u001f${subjectId}`;
      const page = await store.listSubjectAssessments(clinicId, subjectId, {
        limit: limit ?? DEFAULT_PAGE_SIZE,
        ...(cursor ? { cursor: cursors.open<string>('history', scope, cursor) } : {}),
      });
      if (page.items.length === 0 && !cursor) throw new NotFound('No subject with this id.');
      return c.json({
        subjectId,
        items: page.items.map((a) => a.view),
        ...(page.cursor ? { next: cursors.seal('history', scope, page.cursor) } : {}),
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/subjects/{subjectId}/trajectory',
    operationId: 'getSubjectTrajectory',
    summary: 'A client’s change over time',
    description:
      'Per instrument, oldest first: scores, stage, change from the previous and from the first assessment, stage moves forward and backward, and the relapse signal (a backward move out of maintenance). Fewer than two assessments of an instrument give `insufficient-data`. At most the latest 1,000 assessments are read (`truncated`).',
    scope: 'assessments:read',
    params: SUBJECT,
    response: 'trajectoryResponse',
    errors: [...AUTH_ERRORS, 'not-found'],
    async handle(c, { params }, { store }) {
      const { subjectId = '' } = params;
      if (!SUBJECT_ID_PATTERN.test(subjectId)) throw new NotFound('No subject with this id.');
      const { subjectTrajectory } = await trajectory();
      return c.json(await subjectTrajectory(store, c.get('auth').clinicId, subjectId));
    },
  }),
];
