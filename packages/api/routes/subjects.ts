import { NotFound } from '../../domain/errors';
import { AUTH_ERRORS, BODY_ERRORS } from '../problem';
import { defineRoute } from '../route';
import { DEFAULT_PAGE_SIZE, pageQuery, SUBJECT_ID_PATTERN, subjectSearchRequest } from '../schemas';
import { type SearchPosition, searchAcrossVersions } from '../subject-search';
import { subjectTrajectory } from '../trajectory';

const SUBJECT = { subjectId: 'Pseudonymous subject id (`sub_…`)' };

/** A client's history and trajectory, by ref (in the body, never a URL) or by pseudonymous id. */
export const subjectRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/subjects/search',
    summary: 'A client’s subjectId and assessments, newest first, by clinic ref (kept out of URLs)',
    scope: 'assessments:read',
    body: { schema: subjectSearchRequest },
    response: 'assessmentPage',
    errors: [...AUTH_ERRORS, ...BODY_ERRORS],
    async handle(c, { body }, { store, pseudonymizer, cursors }) {
      const { ref, limit, cursor } = body;
      const clinicId = c.get('auth').clinicId;
      const ids = pseudonymizer.subjectIdsAllVersions(clinicId, ref);
      // why: the cursor is scoped to the client it was made for, by its current id.
      const scope = `${clinicId}\u001f${ids[0]}`;
      const from = cursor === undefined ? undefined : cursors.open<SearchPosition>('search', scope, cursor);
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
    summary: 'A client’s assessments by pseudonymous id, newest first',
    scope: 'assessments:read',
    params: SUBJECT,
    query: pageQuery,
    response: 'assessmentPage',
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
    summary: 'Stage and score changes over time, per instrument, oldest first; backward moves out of maintenance flagged',
    scope: 'assessments:read',
    params: SUBJECT,
    response: 'trajectoryResponse',
    errors: [...AUTH_ERRORS, 'not-found'],
    async handle(c, { params }, { store }) {
      const { subjectId = '' } = params;
      if (!SUBJECT_ID_PATTERN.test(subjectId)) throw new NotFound('No subject with this id.');
      return c.json(await subjectTrajectory(store, c.get('auth').clinicId, subjectId));
    },
  }),
];
