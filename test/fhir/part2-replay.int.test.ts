import { beforeAll, describe, expect, it } from 'vitest';
import { PART2_CACHE_SECONDS } from '../../packages/fhir/part2';
import { NOW } from '../support/api';
import { rcq } from './qr-fixtures';
import { useFhirTestApi } from './support';

const CREATE = '/fhir/r4/QuestionnaireResponse';
const PART2 = ['R', '42CFRPart2', 'SUD'];

let clock = NOW.getTime();
// A clock the test moves, so the Part 2 "on" a function remembers can run out (docs/fhir-store.md).
const api = useFhirTestApi({ now: () => new Date(clock) });
let key: string;
beforeAll(async () => {
  key = await api.keyFor('clinic-p');
});

/** The security codes on the Bundle and on each Observation in it. */
const labels = (bundle: any) => [bundle, ...bundle.entry.map((e: any) => e.resource)].map((r) => r.meta?.security?.map((s: any) => s.code));
/** The Bundle without its Part 2 labels (an emptied `meta` dropped). */
function unlabelled(bundle: any) {
  const strip = (r: any) => {
    const { security: _s, ...meta } = r.meta ?? {};
    const { meta: _m, ...rest } = r;
    return Object.keys(meta).length > 0 ? { ...rest, meta } : rest;
  };
  return { ...strip(bundle), entry: bundle.entry.map((e: any) => ({ ...e, resource: strip(e.resource) })) };
}

describe('a replay of POST /fhir/r4/QuestionnaireResponse after the clinic Part 2 flag changed', () => {
  it('answers the first result with the labels of the setting when the replay is answered', async () => {
    const first = await api.call('POST', CREATE, { key, body: rcq() });
    await api.table.store.setClinicPart2('clinic-p', false, new Date(clock).toISOString());
    clock += (PART2_CACHE_SECONDS + 1) * 1000;
    const off = await api.call('POST', CREATE, { key, body: rcq() });
    await api.table.store.setClinicPart2('clinic-p', true, new Date(clock).toISOString());
    const on = await api.call('POST', CREATE, { key, body: rcq() });

    expect([first.status, off.status, on.status]).toEqual([201, 201, 201]);
    expect([off.headers.get('idempotent-replayed'), on.headers.get('idempotent-replayed')]).toEqual(['true', 'true']);
    expect(new Set(labels(first.body).map(String))).toEqual(new Set([PART2.join(',')]));
    expect(new Set(labels(off.body))).toEqual(new Set([undefined]));
    // Everything but the labels is the first answer: the same ids, scores, subject and references.
    expect(off.body).toEqual(unlabelled(first.body));
    expect(on.body).toEqual(first.body);
    expect((await api.table.scanAll()).filter((i) => i.type === 'assessment')).toHaveLength(1);
  });
});
