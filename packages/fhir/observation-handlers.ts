import type { Context } from 'hono';
import type { AppContext } from '../api/context';
import { NotFound, ValidationError } from '../domain/errors';
import type { AssessmentView } from '../domain/records';
import { readForm } from './form-body';
import { observationsFor, PART2_SECURITY } from './observation';
import { parseObservationId } from './observation-id';
import { parseObservationSearch, searchObservations } from './observation-search';
import { baseOf, fhirJson } from './outcome';

/** The FHIR base of the server answering `c` (Bundle `fullUrl`s and links are absolute under it). */
const clinicOf = (c: Context) => (c.get('auth') as { clinicId: string }).clinicId;

/** Later reads name the client by the pseudonymous id only (docs/fhir.md, "Out"). */
const storedSource = (view: AssessmentView, part2: boolean, base: string) => ({
  view,
  subject: { pseudonym: view.subjectId },
  part2,
  base,
});

/**
 * `GET /fhir/r4/Observation/{id}` and `POST /fhir/r4/Observation/_search` over the stored results.
 * @example const h = observationHandlers(ctx); await h.readObservation(c);
 */
export function observationHandlers(ctx: AppContext, part2: (clinicId: string) => Promise<boolean>) {
  return {
    /** A panel or one member of a stored assessment of the key's clinic; anything else is a 404 (another clinic's too). */
    async readObservation(c: Context) {
      const id = c.req.param('id') ?? '';
      const parsed = parseObservationId(id);
      if (!parsed) throw new NotFound('No Observation with this id.');
      const clinicId = clinicOf(c);
      const [stored, labelled] = await Promise.all([ctx.store.getAssessment(clinicId, parsed.assessmentId), part2(clinicId)]);
      if (!stored) throw new NotFound('No Observation with this id.');
      // why: the result as first scored (`view` is never rewritten, docs/fhir.md); its ids are stable.
      const { panel, members } = observationsFor(storedSource(stored.view, labelled, baseOf(c)));
      const resource = parsed.member === undefined ? panel : members.find((m) => m.id === id);
      if (!resource) throw new NotFound('No Observation with this id.');
      return fhirJson(c, resource);
    },

    /**
     * The client's results as a searchset: each panel (`match`) followed by its members
     * (`include`), newest first. Parameters come in the form body; the next link carries only
     * the sealed cursor, and a client pages by posting its same form to that link. `total` is on
     * the last page only.
     */
    async searchObservation(c: Context) {
      const form = await readForm(c);
      if (form instanceof Response) return form;
      const query = new URL(c.req.url).searchParams;
      // why: an identifier must never travel in a URL (docs/fhir-store.md): only the opaque cursor may.
      if ([...query.keys()].some((k) => k !== '_cursor') || query.getAll('_cursor').length > 1) {
        throw new ValidationError(
          [{ path: '', message: 'Search parameters go in the form body; the URL may carry only _cursor.' }],
          'malformed',
        );
      }
      const linked = query.get('_cursor');
      if (linked !== null && form.has('_cursor')) {
        throw new ValidationError([{ path: '_cursor', message: 'Send the cursor in the URL or in the form, not both.' }], 'malformed');
      }
      if (linked !== null) form.set('_cursor', linked);
      const search = parseObservationSearch(form);
      const clinicId = clinicOf(c);
      const [found, labelled] = await Promise.all([
        searchObservations({ store: ctx.store, pseudonymizer: ctx.pseudonymizer, cursors: ctx.cursors }, clinicId, search),
        part2(clinicId),
      ]);
      const base = baseOf(c);
      const self = `${base}/Observation/_search`;
      return fhirJson(c, {
        resourceType: 'Bundle',
        ...(labelled ? { meta: { security: PART2_SECURITY.map((s) => ({ ...s })) } } : {}),
        type: 'searchset',
        // why: exact or absent; given by the page that ends the search (observation-search.ts).
        ...(found.total !== undefined ? { total: found.total } : {}),
        link: [
          { relation: 'self', url: self },
          ...(found.next ? [{ relation: 'next', url: `${self}?_cursor=${encodeURIComponent(found.next)}` }] : []),
        ],
        entry: found.items.flatMap((view) =>
          observationsFor(storedSource(view, labelled, base)).entries.map((e, i) => ({
            ...e,
            search: { mode: i === 0 ? 'match' : 'include' },
          })),
        ),
      });
    },
  };
}
