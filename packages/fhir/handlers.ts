import type { Context } from 'hono';
import type { AppContext } from '../api/context';
import { NotFound } from '../domain/errors';
import { instruments } from '../instruments/index';
import { CODE_SYSTEM_ID, CONCEPT_MAP_ID, questionnaireUrl } from './canonical';
import { capabilityStatement } from './capability';
import { codeSystem } from './codes';
import { conceptMap } from './concept-map';
import { observationHandlers } from './observation-handlers';
import { fhirJson } from './outcome';
import { part2Lookup } from './part2';
import { itemQuestionnaire } from './questionnaire';
import { type ResponseHandlers, responseHandlers } from './response-handlers';
import { WORKSHEET_ID, worksheetQuestionnaire } from './worksheet-questionnaire';

type Questionnaire = ReturnType<typeof itemQuestionnaire> | ReturnType<typeof worksheetQuestionnaire>;

/** The FHIR route handlers; this module is imported only when a FHIR route is first called (app.ts). */
export interface FhirHandlers extends ResponseHandlers {
  metadata(c: Context): Response | Promise<Response>;
  readCodeSystem(c: Context): Response | Promise<Response>;
  readConceptMap(c: Context): Response | Promise<Response>;
  readQuestionnaire(c: Context): Response | Promise<Response>;
  searchQuestionnaire(c: Context): Response | Promise<Response>;
  readObservation(c: Context): Response | Promise<Response>;
  searchObservation(c: Context): Response | Promise<Response>;
}

/**
 * Builds the handlers over the app's context. The resources are generated once, on first use.
 * @example const handlers = fhirHandlers(ctx); await handlers.metadata(c);
 */
export function fhirHandlers(ctx: AppContext): FhirHandlers {
  let questionnaires: Questionnaire[] | undefined;
  // Every instrument in registry order: the item instruments' generated form, the worksheet's own.
  const all = () =>
    (questionnaires ??= instruments.flatMap((i): Questionnaire[] =>
      i.definition ? [itemQuestionnaire(i)] : i.id === WORKSHEET_ID ? [worksheetQuestionnaire()] : [],
    ));
  let cs: ReturnType<typeof codeSystem> | undefined;
  const part2 = part2Lookup(ctx.store, ctx.now);
  return {
    ...responseHandlers(ctx, part2),
    ...observationHandlers(ctx, part2),
    metadata: (c) => fhirJson(c, capabilityStatement(ctx.now())),
    readCodeSystem(c) {
      if (c.req.param('id') !== CODE_SYSTEM_ID) throw new NotFound('No CodeSystem with this id.');
      return fhirJson(c, (cs ??= codeSystem()));
    },
    readConceptMap(c) {
      if (c.req.param('id') !== CONCEPT_MAP_ID) throw new NotFound('No ConceptMap with this id.');
      return fhirJson(c, conceptMap());
    },
    readQuestionnaire(c) {
      const q = all().find((x) => x.id === c.req.param('id'));
      if (!q) throw new NotFound('No Questionnaire with this id.');
      return fhirJson(c, q);
    },
    searchQuestionnaire(c) {
      // why: `url` may carry `|version`, as a canonical reference does.
      const [url, pinned] = (c.req.query('url') ?? '').split('|');
      const version = c.req.query('version') ?? pinned;
      const hits = all().filter((q) => (!url || q.url === url) && (!version || q.version === version));
      return fhirJson(c, {
        resourceType: 'Bundle',
        type: 'searchset',
        total: hits.length,
        entry: hits.map((q) => ({ fullUrl: questionnaireUrl(q.id), resource: q, search: { mode: 'match' } })),
      });
    },
  };
}
