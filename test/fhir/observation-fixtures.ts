import { getInstrument } from '../../packages/instruments/index';

/** An assessment id as stored (its FHIR id is `asm.Ab-d.fGhIjKlMnOpQrSt9.`). */
export const ID = 'asm_Ab-d_fGhIjKlMnOpQrSt9_';
/** Our CodeSystem: instruments, scores, interpretations and their values. */
export const CS = 'https://mi-assessments.example/fhir/CodeSystem/mi-instruments';
/** The security labels of a 42 CFR Part 2 clinic's Observations. */
export const PART2 = [
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2', display: '42 CFR Part2' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'SUD', display: 'substance use disorder information sensitivity' },
];

/**
 * The view of `responses` scored by `instrumentId`, as `/v1` would store it (guidance left out).
 * @example viewOf('contemplation-ladder', { rung: 5 }).scores // { rung: 5 }
 */
export function viewOf(instrumentId: string, responses: Record<string, unknown>, administeredOn = '2026-03-02') {
  const { guidance: _g, ...result } = getInstrument(instrumentId)!.score({ instrument: instrumentId, responses });
  return { ...result, administeredOn };
}
