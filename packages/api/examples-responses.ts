import { toGroup } from '../analytics/aggregates';
import { toExportRow } from '../analytics/export-rows';
import { addCounters, assessmentCounters, type Counters, subjectCounters, toPoint, withPoint } from '../analytics/rollup';
import { suppressionPolicy } from '../analytics/suppression';
import type { AssessmentView } from '../domain/records';
import { getInstrument, listCatalog, listGuidance } from '../instruments';

import { scoreOnly } from './assessments';
import type { Worked } from './examples';
import type { ScoreRequest } from './schemas';
import { buildTrajectory } from './trajectory';

type View = (request: Record<string, unknown>) => AssessmentView;

/**
 * Examples of the responses that are not one scored assessment: each built with the code that
 * builds the real answer (catalog, batch, trajectory, aggregates, export row) from worked examples.
 * @example responseExamples({ view, worked, subjectId }).trajectoryResponse
 */
export function responseExamples({ view, worked, subjectId }: { view: View; worked: Worked; subjectId: string }) {
  const uricaAnswers = worked['urica']!.request['responses'] as Record<string, number>;
  const first = { ...view(worked['urica']!.request), id: 'asm_Aa1Bb2Cc3Dd4Ee5Ff6Gg7H', administeredOn: '2026-09-01' };
  // Contemplation items raised to 5: readiness 9.29, nearest group mean precontemplation → 9.3.
  const later = view({
    ...worked['urica']!.request,
    responses: { ...uricaAnswers, '8': 5, '12': 5, '15': 5, '19': 5, '21': 5, '24': 5, '2': 5 },
  });
  return {
    instrumentList: { catalog: { summary: 'Every instrument', value: { items: listCatalog() } } },
    instrumentCatalog: { ruler: { summary: 'The readiness ruler', value: getInstrument('readiness-ruler')!.catalog } },
    batchResponse: {
      mixed: {
        summary: 'One item stored, one refused',
        value: {
          results: [
            { index: 0, status: 201, replayed: false, body: view(worked['readinessRuler']!.request) },
            {
              index: 1,
              status: 422,
              replayed: false,
              body: {
                type: '/problems/unprocessable-responses',
                title: 'Responses cannot be scored',
                status: 422,
                detail: 'Some responses cannot be scored.',
                errors: [{ path: 'body.responses.3', message: 'Too big: expected number to be <=5' }],
              },
            },
          ],
        },
      },
    },
    trajectoryResponse: {
      urica: { summary: 'Two URICA assessments', value: { subjectId, truncated: false, instruments: buildTrajectory([later, first]) } },
    },
    aggregatesResponse: { months: { summary: 'Two months: one published, one suppressed', value: aggregatesExample() } },
    exportAuditPage: {
      audit: {
        summary: 'One export',
        value: {
          items: [
            {
              exportId: 'exp_Qm7rT2vX9zB1dF6hJ8mQ3w',
              at: '2026-11-25T12:00:00.000Z',
              keyId: '3f9c0a1b2c3d4e5f',
              filters: { instrument: 'readiness-ruler', format: 'ndjson' },
              rowCount: 1000,
            },
          ],
        },
      },
    },
    exportRow: { row: { summary: 'One NDJSON line', value: exportRowExample(view, worked, subjectId) } },
    guidanceCatalog: { all: { summary: 'The whole guidance catalog', value: listGuidance() } },
    health: { ok: { summary: 'Alive', value: { status: 'ok' } } },
    ready: { ready: { summary: 'Storage answers', value: { status: 'ready' } } },
  };
}

/** Twelve clients in November (published) and three in December (suppressed), through the real counters. */
function aggregatesExample() {
  const policy = suppressionPolicy(10);
  const month = (n: number, day: string): Counters => {
    const out: Counters = {};
    for (let i = 0; i < n; i += 1) {
      const responses = { importance: 3 + (i % 7), confidence: 2 + (i % 5), readiness: 4 + (i % 6) };
      const result = scoreOnly({ instrument: 'readiness-ruler', responses } as ScoreRequest);
      const point = toPoint({ ...result, id: `asm_${i}`, subjectId: `s${i}`, administeredOn: day }, `${day}T10:00:00.000Z`);
      addCounters(out, assessmentCounters(point));
      addCounters(out, subjectCounters(getInstrument('readiness-ruler')!.outcome, withPoint(undefined, point)));
    }
    return out;
  };
  return {
    instrument: 'readiness-ruler',
    clinic: 'demo',
    groupBy: 'month',
    from: '2026-11',
    to: '2026-12',
    suppression: {
      threshold: policy.threshold,
      rule: `Any figure resting on 1–${policy.threshold} subjects is suppressed (value null, suppressed true), with complementary suppression so it cannot be derived from totals or other cells. Zero is shown as 0.`,
    },
    groups: [toGroup('2026-11', month(12, '2026-11-20'), policy), toGroup('2026-12', month(3, '2026-12-02'), policy)],
  };
}

function exportRowExample(view: View, worked: Worked, subjectId: string) {
  const instrument = getInstrument('readiness-ruler')!;
  const request = worked['readinessRuler']!.request as unknown as Parameters<typeof instrument.redact>[0];
  return toExportRow(
    instrument,
    {
      position: 'internal',
      subjectId,
      administeredOn: '2026-11-20',
      instrumentVersion: instrument.version,
      answers: instrument.redact(request) as unknown as Record<string, unknown>,
      view: view(worked['readinessRuler']!.request),
    },
    { exportSubject: 'xs_T2vX9zB1dF6hJ8mQ3wYa5c', firstDay: '2026-09-01' },
  );
}
