import { api } from './api';

/** Which score measures change and which way is better, as `GET /v1/instruments/{id}` states it. */
export interface Outcome {
  score: string;
  better: 'higher' | 'lower';
}

const outcomes = new Map<string, Promise<Outcome>>();

/**
 * The instrument's outcome score from its catalog entry (the public API), fetched once per page:
 * charts of means and trajectories follow the score the instrument itself names, not a guess
 * from score names (docs/scoring.md, "outcome").
 * @example (await instrumentOutcome('rcq')).score // 'action'
 */
export function instrumentOutcome(id: string): Promise<Outcome> {
  let found = outcomes.get(id);
  if (!found) {
    found = api<{ outcome: Outcome }>(`/v1/instruments/${encodeURIComponent(id)}`).then((c) => c.outcome);
    // why: fetched ahead of need; a failure is reported by whoever awaits it, or tried again.
    found.catch(() => outcomes.delete(id));
    outcomes.set(id, found);
  }
  return found;
}
