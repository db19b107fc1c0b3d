import { NotFound } from '../../domain/errors';
import { lazyImport } from '../lazy';
import { AUTH_ERRORS, BODY_ERRORS } from '../problem';
import { defineRoute } from '../route';

// why: the instruments and the scoring use case load on their route's first request (docs/architecture.md, "Cold start").
const registry = lazyImport(() => import('../../instruments'));
const useCases = lazyImport(() => import('../assessments'));

/** The instrument and guidance catalogs, and scoring without storing (any valid key). */
export const instrumentRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/instruments',
    operationId: 'listInstruments',
    summary: 'List the instruments',
    description: 'Every instrument the API scores: id, current version, title and licence (whether item wording may be shown).',
    response: 'instrumentList',
    errors: AUTH_ERRORS,
    handle: async (c) => c.json({ items: (await registry()).listCatalog() }),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/instruments/{id}',
    operationId: 'getInstrument',
    summary: 'One instrument’s definition',
    description:
      'Items (with their wording only where the licence allows), response scales, scales and derived scores with their ranges, norms, scoring and interpretation rules, the rules that are our own (`ourRules`), licence, sources and the provenance every result carries.',
    params: { id: { description: 'Instrument id, e.g. `readiness-ruler`', pattern: /^[a-z0-9-]{1,64}$/ } },
    response: 'instrumentCatalog',
    errors: [...AUTH_ERRORS, 'not-found'],
    async handle(c, { params }) {
      const instrument = (await registry()).getInstrument(params['id'] ?? '');
      if (!instrument) throw new NotFound('No instrument with this id.');
      return c.json(instrument.catalog);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/guidance',
    operationId: 'listGuidance',
    summary: 'Every MI prompt the API can give',
    description:
      'For a clinic’s MI trainer to review in one place: each prompt’s wording (with placeholders where it names the behaviour or a score), kind, principle, process (engaging, focusing, evoking, planning), phase, the talk it evokes, its sources, and the rules of each instrument that choose it.',
    response: 'guidanceCatalog',
    examples: 'guidanceCatalog',
    errors: AUTH_ERRORS,
    handle: async (c) => c.json((await registry()).listGuidance()),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/score',
    operationId: 'scoreAnswers',
    summary: 'Score answers without storing them',
    description:
      'The same engine and output as stored assessments, for previews: nothing is stored, and no subject is accepted. Any valid key may call it. Free text (worksheet labels) is scored and dropped.',
    body: { schema: 'scoreRequest', parse: 'parseScoreRequest', examples: 'scoreRequest' },
    response: 'scoredResult',
    examples: 'scoredResult',
    errors: [...AUTH_ERRORS, ...BODY_ERRORS, 'unprocessable-responses'],
    handle: async (c, { body }) => c.json((await useCases()).scoreOnly(body)),
  }),
];
