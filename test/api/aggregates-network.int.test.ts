import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api';
import { determined } from '../support/linear';

/**
 * What a network key can put together from everything it may ask: every clinic and the network,
 * by month and by quarter. Clinic Z has two small months (5 and 8 clients); suppressing each
 * table on its own (the rule before 2026-11-26) let the published figures determine four hidden
 * ones, Z's among them (found by the same check as the last test here).
 */
describe('network aggregates, suppressed together across clinics, months and quarters', () => {
  const api = useTestApi();
  let network: string;
  const published = new Map<string, number | null>();

  beforeAll(async () => {
    network = await api.keyFor('clinic-n', ['analytics:read', 'analytics:network']);
    const seed = async (clinic: string, month: string, subjects: number) => {
      const writer = await api.keyFor(clinic, ['assessments:write']);
      for (let i = 1; i <= subjects; i += 1) {
        const res = await api.call('POST', '/v1/assessments', {
          key: writer,
          body: {
            instrument: 'readiness-ruler',
            subject: { ref: `${clinic}-${month}-${i}` },
            administeredOn: `${month}-10`,
            responses: { readiness: 6 },
          },
          headers: { 'idempotency-key': `${clinic}-${month}-${i}` },
        });
        expect(res.status).toBe(201);
      }
    };
    const counts = { 'clinic-x': [0, 15, 22], 'clinic-y': [34, 39, 21], 'clinic-z': [5, 8, 48] };
    for (const [clinic, months] of Object.entries(counts)) {
      for (const [i, subjects] of months.entries()) await seed(clinic, `2025-1${i}`, subjects);
    }

    for (const clinic of ['clinic-x', 'clinic-y', 'clinic-z', '*']) {
      for (const groupBy of ['month', 'quarter']) {
        const res = await api.call(
          'GET',
          `/v1/analytics/aggregates?instrument=readiness-ruler&clinic=${encodeURIComponent(clinic)}&from=2025-10&to=2025-12&groupBy=${groupBy}`,
          { key: network },
        );
        expect(res.status).toBe(200);
        for (const g of res.body.groups as { period: string; assessments: { value: number | null } }[]) {
          published.set(`${clinic}|${g.period}`, g.assessments.value);
        }
      }
    }
  });

  it('hides Z’s small months and enough of the others that every sum holds two or more unknowns', () => {
    // The hidden cells form one cycle through the sums (X's and Z's November, Z's and Y's October,
    // Y's and X's December): each sum gives only the total of two of them.
    expect(Object.fromEntries(published)).toEqual({
      'clinic-x|2025-10': 0,
      'clinic-x|2025-11': null,
      'clinic-x|2025-12': null,
      'clinic-x|2025-Q4': 37,
      'clinic-y|2025-10': null,
      'clinic-y|2025-11': 39,
      'clinic-y|2025-12': null,
      'clinic-y|2025-Q4': 94,
      'clinic-z|2025-10': null,
      'clinic-z|2025-11': null,
      'clinic-z|2025-12': 48,
      'clinic-z|2025-Q4': 61,
      '*|2025-10': 39,
      '*|2025-11': 62,
      '*|2025-12': 91,
      '*|2025-Q4': 192,
    });
  });

  it('leaves no hidden figure that the published ones determine', () => {
    const owners = ['clinic-x', 'clinic-y', 'clinic-z', '*'];
    const months = ['2025-10', '2025-11', '2025-12'];
    const relations = [
      ...owners.map((o) => [`${o}|2025-Q4`, ...months.map((m) => `${o}|${m}`)]),
      ...[...months, '2025-Q4'].map((p) => [`*|${p}`, `clinic-x|${p}`, `clinic-y|${p}`, `clinic-z|${p}`]),
    ];
    const hidden = new Set([...published].filter(([, v]) => v === null).map(([k]) => k));

    expect(hidden.size).toBeGreaterThan(0);
    expect(determined(relations, hidden)).toEqual([]);
  });

  it('gives a key without the network scope its own clinic as before (months complemented within the quarter)', async () => {
    const own = await api.keyFor('clinic-z', ['analytics:read']);
    const res = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&from=2025-10&to=2025-12', { key: own });

    expect(res.body.groups.map((g: { assessments: { value: number | null } }) => g.assessments.value)).toEqual([null, null, 48]);
  });
});
