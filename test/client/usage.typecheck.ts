/**
 * Compiled by `tsc --noEmit` (npm test), never run: the client's types accept what the API
 * accepts and reject what it does not. Each `@ts-expect-error` fails the type check when the
 * line below it stops being an error.
 */
import { type Assessment, createMiClient, type ExportRow, isInstrument, type ScoredResult } from '../../packages/client';

declare const assessment: Assessment;
declare const row: ExportRow;
declare const result: ScoredResult;

export async function usage(): Promise<void> {
  const mi = createMiClient({ baseUrl: 'http://localhost:3000', apiKey: 'mia_…' });

  const created: Assessment = await mi.createAssessment({
    instrument: 'urica',
    subject: { ref: 'client-1' },
    administeredOn: '2026-11-20',
    responses: { '1': 2, '2': 5 },
  });
  void created;

  await mi.createAssessment({
    instrument: 'readiness-ruler',
    subject: { ref: 'client-1' },
    administeredOn: '2026-11-20',
    // @ts-expect-error: the readiness ruler has no item `urgency`
    responses: { urgency: 7 },
  });

  await mi.createAssessment({
    instrument: 'readiness-ruler',
    // @ts-expect-error: the subject is `{ ref }`, not a bare string
    subject: 'client-1',
    administeredOn: '2026-11-20',
    responses: { importance: 7 },
  });

  // @ts-expect-error: no such instrument
  await mi.score({ instrument: 'phq-9', responses: {} });

  // @ts-expect-error: the history takes a page size, not a filter
  mi.history('sub_1', { instrument: 'urica' });

  // The raw typed client: an unknown path does not compile.
  // @ts-expect-error: no such operation
  await mi.api.GET('/v1/patients');

  // Narrowed by instrument: its own score names and interpretation values.
  if (isInstrument(assessment, 'urica')) {
    const readiness: number | null = assessment.scores.readiness;
    const stage: 'precontemplation' | 'contemplation' | 'action' | null = assessment.interpretation.stage;
    void [readiness, stage];
    // @ts-expect-error: the URICA has no `importance` score
    void assessment.scores.importance;
  }
  if (isInstrument(result, 'socrates-8a')) {
    // @ts-expect-error: SOCRATES deciles are numbers from its norm table, not labels
    const decile: string | null = result.interpretation.deciles.recognition;
    void decile;
  }

  // Export rows are a true discriminated union on their top-level `instrument`.
  if (row.instrument === 'rcq') {
    const action: number | null = row.scores.action;
    void action;
    // @ts-expect-error: the RCQ has no `readiness` score
    void row.scores.readiness;
  }
}
