import { stream } from 'hono/streaming';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS } from '../../domain/records';
import { lazyImport } from '../lazy';
import { DEFAULT_EXPORT_LIMIT, DEFAULT_PAGE_SIZE } from '../limits';
import { AUTH_ERRORS } from '../problem';
import { defineRoute } from '../route';

// why: the use cases load on their route's first request, not with the app (docs/architecture.md, "Cold start").
const aggregates = lazyImport(() => import('../aggregates'));
const exports = lazyImport(() => import('../export'));

/** Analyst outcomes: disclosure-controlled aggregates, de-identified exports and their audit trail. */
export const analyticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/analytics/aggregates',
    operationId: 'getAggregates',
    summary: 'Outcomes per month or quarter, small cells suppressed',
    description:
      'For the key’s clinic (or, with the operator-granted `analytics:network` scope, another clinic or the whole network): subjects, assessments, mean and sd of every score, the distribution of each interpretation category over subjects’ latest assessment, and change from each subject’s first to latest assessment in the period. Any figure resting on 1 to the threshold (10 or more) subjects is `{ "value": null, "suppressed": true }`, with complementary suppression so that no hidden figure can be derived from the published ones. Zero is published as 0.',
    scope: 'analytics:read',
    query: 'aggregatesQuery',
    response: 'aggregatesResponse',
    errors: [...AUTH_ERRORS, 'validation-error', 'unprocessable-responses'],
    handle: async (c, { query }, { store, now, policy }) =>
      c.json(await (await aggregates()).aggregatesReport(store, c.get('auth'), query, now(), policy)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/analytics/export',
    operationId: 'exportRows',
    summary: 'De-identified rows, one per assessment',
    description:
      'The key’s clinic’s assessments of one instrument, oldest first, as NDJSON or CSV: answers, scores and interpretation with a pseudonym re-keyed per export (`exportSubject`: two exports cannot be joined), the year and the days since the client’s first assessment — no ref, subject id, assessment id or date. Follow `Export-Next-Cursor` (or the `Link` header) until it is absent. Every page is written to the audit trail before it is sent.',
    scope: 'analytics:read',
    query: 'exportQuery',
    content: Object.fromEntries(
      EXPORT_FORMAT_IDS.map((id) => [EXPORT_FORMATS[id].mediaType, EXPORT_FORMATS[id].body === 'rows' ? 'exportRow' : { type: 'string' }]),
    ),
    headers: {
      'Export-Id': 'The export’s id, as listed by GET /v1/analytics/audit',
      'Export-Next-Cursor': 'Pass as `cursor` for the next page (same filters); absent on the last page',
      Link: '`<next page URL>; rel="next"`; absent on the last page',
    },
    errors: [...AUTH_ERRORS, 'validation-error', 'unprocessable-responses'],
    async handle(c, { query }, ctx) {
      const { exportPage } = await exports();
      const page = await exportPage(ctx.exports, c.get('auth'), {
        ...query,
        format: query.format ?? EXPORT_FORMAT_IDS[0],
        limit: query.limit ?? DEFAULT_EXPORT_LIMIT,
      });
      c.header('content-type', page.contentType);
      c.header('export-id', page.exportId);
      if (page.next) {
        // why: a relative reference; building it from the request URL would reflect its Host header.
        const next = new URLSearchParams(new URL(c.req.url).search);
        next.set('cursor', page.next);
        c.header('export-next-cursor', page.next);
        c.header('link', `<${c.req.path}?${next}>; rel="next"`);
      }
      // The page is already read and audited: the stream only writes it out, chunk by chunk.
      return stream(c, async (out) => {
        for (const chunk of page.chunks()) await out.write(chunk);
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/analytics/audit',
    operationId: 'listExportAudits',
    summary: 'The export audit trail',
    description:
      'The key’s clinic’s exports, newest first: which key (or the operator CLI) exported what, when, with which filters, and how many rows were released.',
    scope: 'analytics:read',
    query: 'pageQuery',
    response: 'exportAuditPage',
    errors: [...AUTH_ERRORS, 'validation-error'],
    async handle(c, { query }, { store, cursors }) {
      const { limit, cursor } = query;
      const clinicId = c.get('auth').clinicId;
      const page = await store.listExportAudits(clinicId, {
        limit: limit ?? DEFAULT_PAGE_SIZE,
        ...(cursor ? { cursor: cursors.open<string>('audit', clinicId, cursor) } : {}),
      });
      return c.json({
        items: page.items.map(({ clinicId: _, ...audit }) => audit),
        ...(page.cursor ? { next: cursors.seal('audit', clinicId, page.cursor) } : {}),
      });
    },
  }),
];
