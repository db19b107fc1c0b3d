import type { Context } from 'hono';
import { scoreOnly } from '../api/assessments';
import type { AuthEnv } from '../api/auth';
import type { AppContext } from '../api/context';
import { parseScoreRequest, type ScoreRequest, toValidationError } from '../api/schemas';
import { ValidationError } from '../domain/errors';
import { FHIR_BASE_PATH } from './canonical';
import type { ObservationSource } from './observation';
import { observationId } from './observation-id';
import { observationBundleJson } from './observation-json';
import { baseOf, fhirText } from './outcome';
import { type ParsedResponse, parseQuestionnaireResponse } from './questionnaire-response';
import { qrIdempotencyKey, storeQuestionnaireResponse } from './store-response';

/** The QuestionnaireResponse interactions: `$extract` (scores, stores nothing) and create (scores and stores). */
export interface ResponseHandlers {
  extractQuestionnaireResponse(c: Context): Promise<Response>;
  createQuestionnaireResponse(c: Context): Promise<Response>;
}

type Authed = Context<AuthEnv>;

/** Reads and checks the posted response against the caller's clinic (its form maps). */
async function parsed(c: Authed, ctx: AppContext, parameters: boolean): Promise<ParsedResponse> {
  const { clinicId } = c.get('auth');
  return parseQuestionnaireResponse(await c.req.json(), {
    parameters,
    formMap: (url) => ctx.store.getFormMap(clinicId, url),
    now: ctx.now(),
  });
}

/** The input validated as a `/v1/score` body is; its errors are the same. */
function scoreRequestOf(input: ParsedResponse['input']): ScoreRequest {
  const request = parseScoreRequest(input);
  if (!request.success) throw toValidationError(request.error);
  return request.data as ScoreRequest;
}

/**
 * Runs a use case, turning its `/v1`-placed validation errors into places in the resource; a
 * synchronous one (scoring) stays synchronous.
 */
function located<T>(response: ParsedResponse, run: () => T): T {
  const relocate = (error: unknown): never => {
    throw error instanceof ValidationError ? response.locate(error) : error;
  };
  try {
    const result = run();
    return (result instanceof Promise ? result.catch(relocate) : result) as T;
  } catch (error) {
    return relocate(error);
  }
}

/** The answer's Bundle (as JSON text): the result's Observations about the subject as sent, derived from the response's identifier. */
function bundleOf(response: ParsedResponse, view: ObservationSource['view'], part2: boolean, base?: string) {
  const source: ObservationSource = { view, subject: response.subject, part2 };
  if (response.identifier) source.derivedFrom = response.identifier;
  if (base) source.base = base;
  return observationBundleJson(source);
}

/**
 * The handlers over the app's context (docs/fhir-store.md, "In" and "Out"). The answer's subject
 * is the one the EHR sent, so it can write the Observations back; the Part 2 labels follow the
 * clinic's settings.
 * @example const h = responseHandlers(ctx); await h.extractQuestionnaireResponse(c);
 */
export function responseHandlers(ctx: AppContext, part2: (clinicId: string) => Promise<boolean>): ResponseHandlers {
  return {
    // why: the twin of POST /v1/score, which any valid key may call; nothing is stored.
    async extractQuestionnaireResponse(c) {
      const a = c as Authed;
      const response = await parsed(a, ctx, true);
      const result = located(response, () => {
        // why: Observations carry no guidance, so none is rendered only to be dropped.
        return scoreOnly(response.scoreRequest ?? scoreRequestOf(response.input), { guidance: false });
      });
      return fhirText(c, bundleOf(response, { ...result, administeredOn: response.administeredOn }, await part2(a.get('auth').clinicId)));
    },

    // Stores exactly as POST /v1/assessments does; its route demands the same scope (app.ts).
    async createQuestionnaireResponse(c) {
      const a = c as Authed;
      const { clinicId } = a.get('auth');
      const response = await parsed(a, ctx, false);
      const key = qrIdempotencyKey(c.req.header('idempotency-key'), response.identifier);
      const { view, replayed } = await located(response, () =>
        storeQuestionnaireResponse(ctx.assessments, clinicId, key, {
          input: response.input,
          ref: response.ref,
          administeredOn: response.administeredOn,
        }),
      );
      // why: stored Observations have ids, so their entries get absolute fullUrls, as a search's do.
      const bundle = bundleOf(response, view, await part2(clinicId), baseOf(c));
      // A replay answers as POST /v1/assessments does: the first status, marked as a replay.
      const headers: Record<string, string> = { location: `${FHIR_BASE_PATH}/Observation/${observationId(view.id)}` };
      if (replayed) headers['idempotent-replayed'] = 'true';
      return fhirText(c, bundle, 201, headers);
    },
  };
}
