import { describe, expect, it } from 'vitest';
import { useTestTable } from '../support/dynamo';
import { createInput, withScores } from '../support/store-fixtures';

const CLINIC = 'clinic-float';
// why: 0.1 + 0.2 is 0.30000000000000004 in binary floating point: the same readiness reached by
// another order of additions (two answer sets scoring "equal"), one unit in the last place apart.
const LAST_BIT = 0.1 + 0.2;

describe('rollups of scores that differ only in floating-point noise', () => {
  const t = useTestTable();

  it('counts the client as unchanged and stores exact change counters', async () => {
    expect(LAST_BIT).not.toBe(0.3);
    const write = (id: string, subjectId: string, administeredOn: string, readiness: number) =>
      t.store.createAssessment(
        withScores(
          createInput({ clinicId: CLINIC, id, idempotencyKey: `float-${id}`, subjectId, administeredOn }),
          { readiness },
          { stage: 'contemplation' },
        ),
      );
    // A client who improved by 1 first, so the period's change-square counter is non-zero: adding
    // the noise's square (~1e-33) to it would need more digits than a DynamoDB number holds.
    await write('asm_f1', 'sub_v1_float_a', '2026-10-02', 1.5);
    await write('asm_f2', 'sub_v1_float_a', '2026-10-20', 2.5);
    await write('asm_f3', 'sub_v1_float_b', '2026-10-05', 0.3);
    await write('asm_f4', 'sub_v1_float_b', '2026-10-25', LAST_BIT);

    const [month] = await t.store.listAggregates(CLINIC, 'urica', 'month', '2026-10', '2026-10');

    expect(month).toEqual({
      period: '2026-10',
      counters: {
        n: 4,
        subjects: 2,
        'c:readiness': 4,
        's:readiness': 1.5 + 2.5 + 0.3 + LAST_BIT,
        'q:readiness': 1.5 ** 2 + 2.5 ** 2 + 0.3 ** 2 + LAST_BIT ** 2,
        'u:readiness': 2,
        'k:stage=contemplation': 2,
        'd:n': 2,
        'd:c:readiness': 2,
        'd:s:readiness': 1,
        'd:q:readiness': 1,
        'o:improved': 1,
        'o:unchanged': 1,
      },
    });
  });
});
