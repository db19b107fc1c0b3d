import { beforeAll, describe, expect, it } from 'vitest';
import { smokingShort, type TestApi, useTestApi } from '../support/api';

/**
 * Drives every write and read path with distinctive refs, labels and keys, then reads back
 * everything stored, logged and answered: none of them may appear anywhere.
 */
describe('privacy: nothing identifying is stored, logged or echoed', () => {
  const api = useTestApi();
  let key: string;
  const refs = ['PRIVACY-REF-alpha-91', 'PRIVACY-REF-beta-92', 'PRIVACY-REF-gamma-93'];
  const label = 'PRIVACY-LABEL-my-daughter-Emma';
  const idemKeys = ['PRIVACY-IDEM-1', 'PRIVACY-IDEM-2', 'PRIVACY-IDEM-3'];
  const answers: string[] = [];

  beforeAll(async () => {
    key = await api.keyFor('clinic-a');
    const send = async (...args: Parameters<TestApi['call']>) => {
      const res = await api.call(...args);
      answers.push(res.text, JSON.stringify([...res.headers.entries()]));
      return res;
    };
    const worksheet = {
      instrument: 'decisional-balance',
      subject: { ref: refs[2] },
      administeredOn: '2026-11-02',
      responses: {
        benefitsOfChange: [{ label, weight: 4 }],
        costsOfChange: [{ label }],
        benefitsOfStatusQuo: [],
        costsOfStatusQuo: [{ label, weight: 2 }],
      },
    };
    await send('POST', '/v1/assessments', { key, body: smokingShort(refs[0]), headers: { 'idempotency-key': idemKeys[0]! } });
    await send('POST', '/v1/assessments', { key, body: smokingShort(refs[0]), headers: { 'idempotency-key': idemKeys[0]! } });
    await send('POST', '/v1/assessments', { key, body: worksheet, headers: { 'idempotency-key': idemKeys[1]! } });
    await send('POST', '/v1/assessments/batch', {
      key,
      body: { items: [{ idempotencyKey: idemKeys[2], assessment: smokingShort(refs[1]) }] },
    });
    await send('POST', '/v1/score', { key, body: { instrument: worksheet.instrument, responses: worksheet.responses } });
    await send('POST', '/v1/subjects/search', { key, body: { ref: refs[0] } });
    await send('POST', '/v1/subjects/search', { key, body: { ref: refs[2] } });
    // Exports and their audit trail: two audit records.
    await send('GET', '/v1/analytics/export?instrument=decisional-balance-smoking-short', { key });
    await send('GET', '/v1/analytics/export?instrument=decisional-balance&format=csv', { key });
    await send('GET', '/v1/analytics/audit', { key });
    // Failures too: their bodies and log lines must not carry the values either.
    await send('POST', '/v1/assessments', { key, body: { ...smokingShort(refs[1]), note: label }, headers: { 'idempotency-key': 'x' } });
    await send('POST', '/v1/assessments', { key, body: smokingShort(refs[1], '2030-01-01'), headers: { 'idempotency-key': 'y' } });
    await send('POST', '/v1/subjects/search', { key: `${key.slice(0, -1)}Z`, body: { ref: refs[0] } });
  });

  const secrets = () => [...refs, label, ...idemKeys, key, key.slice(20)];

  it('stores assessments, idempotency records, rollups, export audit records, the API key and its clinic, nothing else', async () => {
    const all = await api.table.scanAll();
    const types = all.map((i) => i.type).sort();
    // Counters: 2 instruments × (month, quarter), each over the shards of its subjects (store/rollup-keys.ts).
    const counters = all.filter((i) => i.type === 'aggregate').map((i) => `${i.PK} ${String(i.SK).replace(/#[0-3]$/, '')}`);
    expect([...new Set(counters)].sort()).toEqual(
      ['decisional-balance', 'decisional-balance-smoking-short'].flatMap((id) => [
        `C#clinic-a#AGG#${id} M#2026-11`,
        `C#clinic-a#AGG#${id} Q#2026-Q4`,
      ]),
    );
    expect(types.filter((t) => t !== 'aggregate')).toEqual([
      'apiKey',
      ...Array(3).fill('assessment'),
      'clinic',
      ...Array(2).fill('exportAudit'),
      ...Array(3).fill('idempotency'),
      ...Array(6).fill('subjectPeriod'), // 3 subjects × (month, quarter)
      ...Array(3).fill('subjectPoint'), // one per assessment
    ]);
  });

  it('keeps no ref, label, idempotency key or key secret in any stored attribute', async () => {
    const everything = JSON.stringify(await api.table.scanAll());
    for (const secret of secrets()) expect(everything).not.toContain(secret);
  });

  it('logs none of them', () => {
    const logged = JSON.stringify(api.logs);
    expect(api.logs.length).toBeGreaterThanOrEqual(10);
    for (const secret of secrets()) expect(logged).not.toContain(secret);
  });

  it('answers with none of them', () => {
    const answered = answers.join('\n');
    for (const secret of secrets()) expect(answered).not.toContain(secret);
  });
});
