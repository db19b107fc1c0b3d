import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api';

const hidden = { value: null, suppressed: true };
const shown = (value: number) => ({ value, suppressed: false });

describe('GET /v1/analytics/aggregates', () => {
  const api = useTestApi();
  let analyst: string;
  let writer: string;
  let otherClinic: string;
  const readinessValues: number[] = [];

  beforeAll(async () => {
    writer = await api.keyFor('clinic-a', ['assessments:write']);
    analyst = await api.keyFor('clinic-a', ['analytics:read']);
    otherClinic = await api.keyFor('clinic-b', ['analytics:read']);
    const post = async (ref: string, day: string, readiness: number, idem: string) => {
      readinessValues.push(readiness);
      const res = await api.call('POST', '/v1/assessments', {
        key: writer,
        body: { instrument: 'readiness-ruler', subject: { ref }, administeredOn: day, responses: { readiness } },
        headers: { 'idempotency-key': idem },
      });
      expect(res.status).toBe(201);
    };
    // October: 12 subjects; 11 of them come back two weeks later 4 points more ready.
    for (let i = 1; i <= 12; i += 1) await post(`s${i}`, '2026-10-05', (i % 4) + 2, `oct-a-${i}`);
    for (let i = 1; i <= 11; i += 1) await post(`s${i}`, '2026-10-20', (i % 4) + 6, `oct-b-${i}`);
    // A retry must not count twice.
    await post('s1', '2026-10-20', 7, 'oct-b-1');
    readinessValues.pop();
    // September: 3 subjects, a small cell.
    for (let i = 1; i <= 3; i += 1) await post(`t${i}`, '2026-09-10', 5, `sep-${i}`);
  });

  it('publishes October exactly and suppresses September’s three subjects', async () => {
    const res = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&from=2026-09&to=2026-10', { key: analyst });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ instrument: 'readiness-ruler', groupBy: 'month', from: '2026-09', to: '2026-10' });
    expect(res.body.suppression.threshold).toBe(10);
    const [sep, oct] = res.body.groups;

    expect(sep).toMatchObject({
      period: '2026-09',
      subjects: hidden,
      assessments: hidden,
      scores: { readiness: { mean: hidden, sd: hidden } },
    });

    const october = readinessValues.slice(0, 23);
    const mean = october.reduce((a, b) => a + b, 0) / 23;
    const sd = Math.sqrt(october.reduce((a, b) => a + (b - mean) ** 2, 0) / 22);
    expect(oct.period).toBe('2026-10');
    expect(oct.subjects).toEqual(shown(12));
    expect(oct.assessments).toEqual(shown(23));
    expect(oct.scores.readiness.mean.value).toBeCloseTo(126 / 23, 10);
    expect(mean).toBeCloseTo(126 / 23, 10);
    expect(oct.scores.readiness.sd.value).toBeCloseTo(sd, 10);
    // Latest band per subject: high 9, moderate 2, low 1 — every cell is 1–10, so all are hidden.
    expect(oct.distributions['bands.readiness'].cells).toEqual({ high: hidden, moderate: hidden, low: hidden });
    expect(oct.change.subjects).toEqual(shown(11));
    expect(oct.change.scores.readiness.mean).toEqual(shown(4));
    expect(oct.change.scores.readiness.sd).toEqual(shown(0));
    expect(oct.change.outcome.cells).toEqual({ improved: shown(11), unchanged: shown(0), worse: shown(0) });
  });

  it('groups by quarter and lists empty periods as zeros', async () => {
    const res = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&from=2026-04&to=2026-12&groupBy=quarter', {
      key: analyst,
    });

    expect(res.body.groups.map((g: { period: string; subjects: unknown }) => [g.period, g.subjects])).toEqual([
      ['2026-Q2', shown(0)],
      ['2026-Q3', hidden],
      ['2026-Q4', shown(12)],
    ]);
  });

  it('shows another clinic nothing of this one', async () => {
    const res = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&from=2026-10&to=2026-10', { key: otherClinic });
    expect(res.body.groups[0].subjects).toEqual(shown(0));
  });

  it.each([
    ['no instrument', '', 400],
    ['an unknown instrument', 'instrument=phq-9', 422],
    ['from after to', 'instrument=urica&from=2026-11&to=2026-10', 400],
    ['a bad month', 'instrument=urica&from=2026-13', 400],
    ['more than ten years', 'instrument=urica&from=2010-01&to=2026-10', 400],
    ['an unknown parameter', 'instrument=urica&foo=1', 400],
  ])('rejects %s', async (_, query, status) => {
    const res = await api.call('GET', `/v1/analytics/aggregates?${query}`, { key: analyst });
    expect(res.status).toBe(status);
  });

  describe('network-wide analytics', () => {
    it('refuses another clinic or the network to a key without the operator-granted scope', async () => {
      for (const clinic of ['clinic-b', '*']) {
        const res = await api.call('GET', `/v1/analytics/aggregates?instrument=readiness-ruler&clinic=${encodeURIComponent(clinic)}`, {
          key: analyst,
        });
        expect(res.status).toBe(403);
        expect(res.body.detail).toBe('Other clinics’ aggregates need the `analytics:network` scope, granted by an operator.');
      }
      const own = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&clinic=clinic-a&from=2026-10&to=2026-10', {
        key: analyst,
      });
      expect(own.body.groups[0].subjects).toEqual(shown(12));
    });

    it('sums every clinic for a network key', async () => {
      const network = await api.keyFor('clinic-n', ['analytics:read', 'analytics:network']);
      for (let i = 1; i <= 3; i += 1) {
        await api.call('POST', '/v1/assessments', {
          key: await api.keyFor('clinic-b', ['assessments:write']),
          body: { instrument: 'readiness-ruler', subject: { ref: `b${i}` }, administeredOn: '2026-10-07', responses: { readiness: 5 } },
          headers: { 'idempotency-key': `b-${i}` },
        });
      }

      const b = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&clinic=clinic-b&from=2026-10&to=2026-10', {
        key: network,
      });
      const all = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&clinic=*&from=2026-10&to=2026-10', {
        key: network,
      });

      expect(b.body).toMatchObject({ clinic: 'clinic-b', groups: [{ subjects: hidden }] });
      // The network total minus clinic A would give clinic B's hidden figures away: for a network
      // key, clinic A (the only other non-empty clinic) is hidden as B's complement that month.
      const a = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&clinic=clinic-a&from=2026-10&to=2026-10', {
        key: network,
      });
      expect(a.body).toMatchObject({ clinic: 'clinic-a', groups: [{ subjects: hidden, assessments: hidden }] });
      // The same for a network key of clinic A asking about its own clinic.
      const networkOfA = await api.keyFor('clinic-a', ['analytics:read', 'analytics:network']);
      const own = await api.call('GET', '/v1/analytics/aggregates?instrument=readiness-ruler&from=2026-10&to=2026-10', { key: networkOfA });
      expect(own.body).toMatchObject({ clinic: 'clinic-a', groups: [{ subjects: hidden }] });
      expect(all.body).toMatchObject({ clinic: '*', groups: [{ subjects: shown(15), assessments: shown(26) }] });
    });

    it('cannot be granted through the API: no route creates keys or changes scopes', async () => {
      const doc = await api.call('GET', '/openapi.json');
      // The only key route reads the calling key; nothing writes one.
      const keyOperations = Object.entries(doc.body.paths as Record<string, object>)
        .filter(([p]) => /key|scope|grant/i.test(p))
        .map(([p, item]) => [p, Object.keys(item).filter((m) => m !== 'parameters')]);
      expect(keyOperations).toEqual([['/v1/keys/current', ['get']]]);
      expect((await api.call('POST', '/v1/keys', { key: analyst, body: { scopes: ['analytics:network'] } })).status).toBe(404);
      const put = await api.call('PUT', '/v1/keys/current', { key: analyst, body: { scopes: ['analytics:network'] } });
      expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    });
  });

  it('needs the analytics:read scope', async () => {
    const res = await api.call('GET', '/v1/analytics/aggregates?instrument=urica', { key: writer });
    expect(res.status).toBe(403);
  });
});
