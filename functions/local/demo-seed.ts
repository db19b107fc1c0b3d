import { type AssessmentDeps, createBatch } from '../../packages/api/assessments';
import { MAX_BATCH } from '../../packages/api/limits';
import { getInstrument } from '../../packages/instruments/index';

/** The clinic `npm start` gives its development key to. */
export const DEMO_CLINIC = 'demo';
/**
 * The demo client whose RCQ trajectory moves forward to action and then back to contemplation
 * (a backward stage move), printed by `npm run cli -- demo seed` so a clinician can look it up.
 */
export const DEMO_BACKWARD_REF = 'demo-client-backward-01';

/** One assessment the seed posts: its idempotency key and the body, as POST /v1/assessments takes it. */
export interface SeedItem {
  idempotencyKey: string;
  assessment: Record<string, unknown>;
}

export interface SeedReport {
  /** Assessments stored by this run. */
  created: number;
  /** Assessments already stored by an earlier run (the same key and body). */
  replayed: number;
  /** Keys an earlier run used with other dates (a seed from an earlier day): kept as they were. */
  earlier: number;
  /** Anything else, e.g. a day the API refused. */
  failed: number;
  /** The refused items' problem types, counted. */
  refusals: Record<string, number>;
  ms: number;
}

const DAY_MS = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A small deterministic generator (mulberry32): the same data on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(n)));

/**
 * How many clients start in each of the twelve months, oldest first: busy months publish their
 * figures, quiet ones (fewer than 11 clients) are suppressed.
 */
const INTAKES: Record<string, number[]> = {
  'readiness-ruler': [14, 18, 6, 16, 20, 15, 4, 17, 22, 13, 8, 19],
  urica: [12, 4, 13, 3, 12, 5, 14, 2, 12, 6, 13, 4],
  rcq: [13, 12, 5, 14, 3, 12, 13, 4, 12, 3, 13, 12],
  'contemplation-ladder': [2, 0, 3, 1, 0, 2, 1, 0, 2, 1, 0, 2],
};

/** Follow-ups: days after intake, and the share of clients who come back for each. */
const FOLLOW_UPS = [
  { after: 12, share: 0.8 },
  { after: 60, share: 0.45 },
];

/** A client's motivation at each visit, 0 (none) to 1 (ready, acting): a drift that can improve, stall or worsen. */
function course(rand: () => number, visits: number): number[] {
  const start = 0.15 + rand() * 0.55;
  const kind = rand();
  // why: treatment samples show more clients gaining than losing readiness, and some of both.
  const drift = kind < 0.55 ? 0.12 + rand() * 0.15 : kind < 0.8 ? 0 : -(0.08 + rand() * 0.12);
  return Array.from({ length: visits }, (_, i) => Math.max(0, Math.min(1, start + drift * i + (rand() - 0.5) * 0.08)));
}

/** An instrument's scoring key from its registered definition, scale by scale (docs/scoring.md). */
const keyOf = (id: string): Record<string, string[]> =>
  Object.fromEntries(getInstrument(id)!.catalog.scales.map((scale) => [scale.id, scale.items]));
const URICA_KEY = keyOf('urica');
const UNSCORED_URICA = getInstrument('urica')!
  .catalog.items.filter((item) => item.scored === false)
  .map((item) => item.id);
const RCQ_KEY = keyOf('rcq');

/** The answers a client at motivation `m` gives on each instrument (1–5, −2…+2, 0–10). */
function answers(instrument: string, m: number, rand: () => number): Record<string, number> {
  const jitter = () => (rand() - 0.5) * 1.2;
  if (instrument === 'readiness-ruler') {
    return {
      importance: clamp(2 + m * 8 + jitter() * 2, 0, 10),
      confidence: clamp(1 + m * 8 + jitter() * 2, 0, 10),
      readiness: clamp(m * 10 + jitter() * 2, 0, 10),
    };
  }
  if (instrument === 'contemplation-ladder') return { rung: clamp(m * 10 + jitter(), 0, 10) };
  const out: Record<string, number> = {};
  if (instrument === 'urica') {
    const level = { precontemplation: 3 - m * 1.8, contemplation: 4 + m * 0.6, action: 3.5 + m * 1.5, maintenance: 3.5 + m * 1.3 };
    for (const [scale, items] of Object.entries(URICA_KEY)) {
      for (const item of items) out[item] = clamp(level[scale as keyof typeof level] + jitter(), 1, 5);
    }
    for (const item of UNSCORED_URICA) out[item] = clamp(3 + jitter(), 1, 5);
    return out;
  }
  // RCQ: precontemplation statements fade as contemplation and then action statements grow.
  const level = { precontemplation: 1.6 - m * 3.4, contemplation: 1.6 - Math.abs(m - 0.45) * 5, action: -2 + m * 4 };
  for (const [scale, items] of Object.entries(RCQ_KEY)) {
    for (const item of items) out[item] = clamp(level[scale as keyof typeof level] + jitter(), -2, 2);
  }
  return out;
}

const TARGET: Record<string, string> = {
  'readiness-ruler': 'alcohol',
  urica: 'alcohol',
  rcq: 'alcohol',
  'contemplation-ladder': 'tobacco',
};

/**
 * A year of assessments for the demo clinic, ending `today`: clients of four instruments starting
 * in every month (more in some months than others), with follow-ups that improve, stay or
 * worsen, and one RCQ client ({@link DEMO_BACKWARD_REF}) who reaches action and moves back to
 * contemplation. Idempotency keys name the client and visit only, so a second run stores nothing.
 * @example demoItems(new Date('2026-11-25')).length // 856
 */
export function demoItems(today: Date): SeedItem[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const monthStart = (back: number) => Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1);
  const items: SeedItem[] = [];
  const add = (instrument: string, ref: string, visit: number, on: number, responses: Record<string, number>) => {
    items.push({
      idempotencyKey: `demo-seed:${instrument}:${ref}:${visit}`,
      assessment: { instrument, subject: { ref }, administeredOn: dayOf(on), targetBehavior: TARGET[instrument], responses },
    });
  };
  for (const [instrument, perMonth] of Object.entries(INTAKES)) {
    const rand = random(instrument.length * 7919 + instrument.charCodeAt(0));
    let client = 0;
    perMonth.forEach((count, i) => {
      const start = monthStart(11 - i);
      const days = Math.max(1, Math.min(28, (end - start) / DAY_MS + 1));
      for (let c = 0; c < count; c += 1) {
        client += 1;
        const ref = `demo-${instrument}-${String(client).padStart(3, '0')}`;
        const intake = start + Math.floor(rand() * days) * DAY_MS;
        const visits = [
          intake,
          ...FOLLOW_UPS.filter((f) => rand() < f.share).map((f) => intake + (f.after + Math.floor(rand() * 5)) * DAY_MS),
        ];
        const kept = visits.filter((on) => on <= end);
        const levels = course(rand, kept.length);
        kept.forEach((on, visit) => {
          add(instrument, ref, visit, on, answers(instrument, levels[visit]!, rand));
        });
      }
    });
  }
  // The backward mover: contemplation, then action, then contemplation again, a month apart.
  const rcqAt = (scale: 'precontemplation' | 'contemplation' | 'action') =>
    Object.fromEntries(Object.entries(RCQ_KEY).flatMap(([s, list]) => list.map((item) => [item, s === scale ? 2 : -1])));
  const backward = [
    { back: 100, responses: { ...rcqAt('contemplation'), '2': 1 } },
    { back: 70, responses: rcqAt('action') },
    { back: 40, responses: { ...rcqAt('action'), '3': 2, '4': 2 } },
    { back: 10, responses: { ...rcqAt('contemplation'), '6': 1 } },
  ];
  backward.forEach(({ back, responses }, visit) => {
    add('rcq', DEMO_BACKWARD_REF, visit, end - back * DAY_MS, responses);
  });
  return items;
}

/**
 * Stores the demo year through the batch use case (the path of POST /v1/assessments/batch),
 * `MAX_BATCH` items per batch; each client's visits stay in one batch so that they are written in
 * order.
 * @example const report = await seedDemo(deps, new Date()); // { created: 856, replayed: 0, … }
 */
export async function seedDemo(
  deps: AssessmentDeps,
  today: Date,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<SeedReport> {
  const started = performance.now();
  const items = demoItems(today);
  const byClient = new Map<string, SeedItem[]>();
  for (const item of items) {
    const client = item.idempotencyKey.split(':').slice(0, 3).join(':');
    byClient.set(client, [...(byClient.get(client) ?? []), item]);
  }
  // why: clients of one instrument and month share counter items; taking them in turn from
  // every instrument and month keeps a batch's parallel writes off each other's counters.
  const queues = new Map<string, SeedItem[][]>();
  for (const [client, visits] of byClient) {
    const lane = `${client.split(':')[1]}:${String(visits[0]!.assessment['administeredOn']).slice(0, 7)}`;
    queues.set(lane, [...(queues.get(lane) ?? []), visits]);
  }
  const clients: SeedItem[][] = [];
  for (let round = 0; clients.length < byClient.size; round += 1) {
    for (const queue of queues.values()) if (queue[round]) clients.push(queue[round]!);
  }
  const batches: SeedItem[][] = [[]];
  for (const visits of clients) {
    if (batches.at(-1)!.length + visits.length > MAX_BATCH) batches.push([]);
    batches.at(-1)!.push(...visits);
  }
  const report: SeedReport = { created: 0, replayed: 0, earlier: 0, failed: 0, refusals: {}, ms: 0 };
  const log = () => {};
  let done = 0;
  for (const batch of batches) {
    let pending = batch;
    // A write that kept losing races answers 503 with Retry-After: the seed retries it, as a client would.
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const results = await createBatch(deps, DEMO_CLINIC, pending, log);
      const retry = results.filter((r) => r.status === 503 && attempt < 5).map((r) => pending[r.index]!);
      for (const result of results) {
        if (result.status === 503 && attempt < 5) continue;
        if (result.status === 201 && !result.replayed) report.created += 1;
        else if (result.status === 201) report.replayed += 1;
        else if (result.status === 422 && (result.body as { type?: string }).type === '/problems/idempotency-key-reused')
          report.earlier += 1;
        else {
          report.failed += 1;
          const type = String((result.body as { type?: string }).type ?? result.status);
          report.refusals[type] = (report.refusals[type] ?? 0) + 1;
        }
      }
      pending = retry;
    }
    done += batch.length;
    options.onProgress?.(done, items.length);
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}
