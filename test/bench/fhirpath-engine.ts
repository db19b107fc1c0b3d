import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { itemQuestionnaire } from '../../packages/fhir/questionnaire';
import { getInstrument } from '../../packages/instruments/index';

/**
 * `npm run bench` (c): our engine versus fhirpath.js evaluating the same Questionnaire's
 * `calculatedExpression`s, on the same complete URICA answers (32 items, five scores), in
 * process, one evaluation at a time. fhirpath.js gets its best case: every expression compiled
 * once, before timing; the engine's figure includes its interpretation and guidance.
 */
export const ENGINE_TARGET = 5;
const INSTRUMENT = 'urica';

export interface EngineRound {
  contender: 'engine' | 'fhirpath';
  seconds: number;
  evaluations: number;
  perSecond: number;
}

function fixtures() {
  const instrument = getInstrument(INSTRUMENT)!;
  const d = instrument.definition!;
  // why: a fixed mix of answers (not one value everywhere) so no scale is a trivial tie.
  const responses = Object.fromEntries(d.items.map((item, i) => [item.id, d.responseScale.min + (i % 5)]));
  const q = itemQuestionnaire(instrument);
  const option = (linkId: string, value: number) =>
    (q.item.find((i) => i.linkId === linkId) as { answerOption: { valueCoding: { system: string; code: string } }[] }).answerOption.find(
      (o) => o.valueCoding.code.endsWith(`/answer/${value}`),
    )!.valueCoding;
  const qr = {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${q.url}|${q.version}`,
    status: 'completed',
    item: Object.entries(responses).map(([linkId, value]) => {
      const { system, code } = option(linkId, value);
      return { linkId, answer: [{ valueCoding: { system, code } }] };
    }),
  };
  const compiled = q.item
    .filter((i) => 'readOnly' in i)
    .map((i) => {
      const expression = (i as unknown as { extension: { valueExpression: { expression: string } }[] }).extension[0]!.valueExpression
        .expression;
      return [i.linkId.replace(/-score$/, ''), fhirpath.compile(expression, r4)] as const;
    });
  const engine = () => instrument.score({ instrument: INSTRUMENT, responses }).scores;
  const viaFhirpath = () =>
    Object.fromEntries(compiled.map(([id, run]) => [id, (run(qr, { resource: qr, questionnaire: q }) as number[])[0] ?? null]));
  return { engine, viaFhirpath };
}

/** Runs `op` back to back for `seconds` (checking the clock every 64 calls) and counts the calls. */
function timed(contender: EngineRound['contender'], op: () => unknown, seconds: number): EngineRound {
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let evaluations = 0;
  let now = t0;
  while (now < end) {
    for (let i = 0; i < 64; i++) op();
    evaluations += 64;
    now = performance.now();
  }
  const elapsed = (now - t0) / 1000;
  return { contender, seconds: elapsed, evaluations, perSecond: evaluations / elapsed };
}

/**
 * Checks that both give the same scores, then measures `rounds` rounds of each, alternated
 * A B B A, after a warm-up of each; the ratio pools each contender's rounds.
 * @example const c = enginesVsFhirpath(5, 2); console.log(c.ratio);
 */
export function enginesVsFhirpath(seconds: number, rounds: number) {
  const { engine, viaFhirpath } = fixtures();
  const ours = engine();
  const theirs = viaFhirpath();
  for (const [id, value] of Object.entries(ours)) {
    if (theirs[id] !== value) throw new Error(`fhirpath.js and the engine disagree on ${INSTRUMENT} ${id}.`);
  }
  timed('engine', engine, Math.min(1, seconds));
  timed('fhirpath', viaFhirpath, Math.min(1, seconds));
  const measured: EngineRound[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['engine', 'fhirpath'] as const) : (['fhirpath', 'engine'] as const);
    for (const c of order) measured.push(timed(c, c === 'engine' ? engine : viaFhirpath, seconds));
  }
  const pooled = (c: EngineRound['contender']) => {
    const mine = measured.filter((r) => r.contender === c);
    return mine.reduce((s, r) => s + r.evaluations, 0) / mine.reduce((s, r) => s + r.seconds, 0);
  };
  const enginePerSecond = pooled('engine');
  const fhirpathPerSecond = pooled('fhirpath');
  return {
    instrument: INSTRUMENT,
    scores: Object.keys(ours).length,
    rounds: measured,
    enginePerSecond,
    fhirpathPerSecond,
    ratio: enginePerSecond / fhirpathPerSecond,
    target: ENGINE_TARGET,
    pass: enginePerSecond / fhirpathPerSecond >= ENGINE_TARGET,
  };
}
