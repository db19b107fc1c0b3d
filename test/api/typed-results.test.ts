import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../packages/api/openapi';
import { getInstrument, instruments } from '../../packages/instruments';
import type { InstrumentInput } from '../../packages/instruments/types';
import { contractViolations } from '../support/contract';

/**
 * The per-instrument result components, as the Ajv response contract applies them: a real result of
 * every instrument passes, and a body whose scores or interpretation belong to another instrument fails.
 */

const headers = (type: string) => new Headers({ 'content-type': type, 'x-request-id': '0f8fad5b-d9cb-469f-a165-70867728950e' });
const scoreViolations = (body: unknown) => contractViolations('POST', '/v1/score', 200, headers('application/json'), JSON.stringify(body));
const exportViolations = (row: unknown) =>
  contractViolations('GET', '/v1/analytics/export', 200, headers('application/x-ndjson'), `${JSON.stringify(row)}\n`);

const URICA_ANSWERS = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [String(i + 1), (i % 5) + 1]));
const RCQ_ANSWERS = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), (i % 5) - 2]));
const urica = getInstrument('urica')!.score({ instrument: 'urica', responses: URICA_ANSWERS });
const rcq = getInstrument('rcq')!.score({ instrument: 'rcq', responses: RCQ_ANSWERS });

const exportRow = {
  exportSubject: 'xs_abc',
  year: 2026,
  dayIndex: 0,
  instrument: 'urica',
  instrumentVersion: urica.instrument.version,
  targetBehavior: null,
  items: URICA_ANSWERS,
  scores: urica.scores,
  interpretation: urica.interpretation,
  complete: true,
  algorithmVersion: urica.provenance.algorithmVersion,
};

describe('typed results in the document', () => {
  it('names one ScoredResult, Assessment and ExportRow component per instrument of the registry', () => {
    const schemas = (openApiDocument() as { components: { schemas: Record<string, { oneOf?: { $ref: string }[] }> } }).components.schemas;
    for (const name of ['ScoredResult', 'Assessment', 'ExportRow']) {
      expect(schemas[name]!.oneOf!.map((o) => o.$ref)).toEqual(instruments.map((i) => `#/components/schemas/${name}.${i.id}`));
    }
    expect(schemas['ExportRow']).toMatchObject({
      discriminator: { propertyName: 'instrument', mapping: { urica: '#/components/schemas/ExportRow.urica' } },
    });
  });

  it.each(instruments.map((i) => [i.id]))('accepts a real %s result, complete or with nothing answered', (id) => {
    const instrument = getInstrument(id)!;
    expect(scoreViolations(instrument.score({ instrument: id, responses: {} } as InstrumentInput))).toEqual([]);
  });

  it('accepts real URICA and RCQ results', () => {
    expect(scoreViolations(urica)).toEqual([]);
    expect(scoreViolations(rcq)).toEqual([]);
  });

  it('rejects a URICA result carrying the RCQ scores', () => {
    expect(scoreViolations({ ...urica, scores: rcq.scores })).toEqual([expect.stringContaining('scoreAnswers 200: body does not match')]);
  });

  it('rejects an RCQ result with a score name the RCQ does not have', () => {
    expect(scoreViolations({ ...rcq, scores: { ...rcq.scores, readiness: 1 } })).toHaveLength(1);
  });

  it('rejects a URICA result whose stage is not one of its group-mean stages', () => {
    expect(scoreViolations({ ...urica, interpretation: { stage: 'maintenance' } })).toHaveLength(1);
  });

  it('rejects a mean where the RCQ has an integer sum', () => {
    expect(scoreViolations({ ...rcq, scores: { ...rcq.scores, action: 1.5 } })).toHaveLength(1);
  });

  it('accepts a URICA export row and rejects one with RCQ scores or an unknown instrument', () => {
    expect(exportViolations(exportRow)).toEqual([]);
    expect(exportViolations({ ...exportRow, scores: rcq.scores })).toEqual([
      expect.stringContaining('exportRows 200: body does not match'),
    ]);
    expect(exportViolations({ ...exportRow, instrument: 'not-an-instrument' })).toHaveLength(1);
  });
});
