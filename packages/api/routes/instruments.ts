import { NotFound } from '../../domain/errors';
import { getInstrument, instruments, listCatalog } from '../../instruments';
import { scoreOnly } from '../assessments';
import { AUTH_ERRORS, BODY_ERRORS } from '../problem';
import { defineRoute } from '../route';
import { parseScoreRequest, scoreRequest } from '../schemas';

/** The catalog, and scoring without storing (any valid key). */
export const instrumentRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/instruments',
    summary: 'Instrument catalog',
    errors: AUTH_ERRORS,
    handle: (c) => c.json({ items: listCatalog() }),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/instruments/{id}',
    summary: 'One instrument: items, scales, scoring rules, licence, sources',
    params: { id: 'Instrument id, e.g. `readiness-ruler`' },
    errors: [...AUTH_ERRORS, 'not-found'],
    handle(c, { params }) {
      const instrument = getInstrument(params['id'] ?? '');
      if (!instrument) throw new NotFound('No instrument with this id.');
      return c.json(instrument.catalog);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/score',
    summary: 'Score without storing (any valid key)',
    body: { schema: scoreRequest, parse: parseScoreRequest },
    response: 'scoredResult',
    errors: [...AUTH_ERRORS, ...BODY_ERRORS, 'unprocessable-responses'],
    handle: (c, { body }) => c.json(scoreOnly(body)),
  }),
];

export { instruments };
