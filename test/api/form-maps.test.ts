import { describe, expect, it } from 'vitest';
import { parseFormMap } from '../../packages/api/form-maps';
import { FORM_MAP_LIMITS } from '../../packages/domain/form-map';
import { ORACLE_QUESTIONNAIRE, oracleRulerMap } from '../support/form-maps';

const failure = (value: unknown) => {
  const parsed = parseFormMap(value);
  if (parsed.success) throw new Error('expected a failure');
  return parsed.errors;
};

describe('parseFormMap', () => {
  it('accepts an Oracle-style map of the readiness ruler unchanged', () => {
    expect(parseFormMap(oracleRulerMap())).toEqual({ success: true, map: oracleRulerMap() });
  });

  it('accepts a variant the instrument has, and answers on that variant only', () => {
    const map = { ...oracleRulerMap(), scale: '1-10' };

    expect(failure(map)).toEqual([
      { path: 'items.0.answers.0.value', message: 'Must be an integer from 1 to 10.' },
      { path: 'items.1.answers.0.value', message: 'Must be an integer from 1 to 10.' },
      { path: 'items.2.answers.0.value', message: 'Must be an integer from 1 to 10.' },
    ]);
    const fixed = { ...map, items: map.items.map((i) => ({ ...i, answers: i.answers.slice(1) })) };
    expect(parseFormMap(fixed)).toEqual({ success: true, map: fixed });
  });

  it.each([
    ['an unknown instrument', { instrument: 'phq-9' }, [{ path: 'instrument', message: 'Unknown instrument.' }]],
    [
      'the worksheet, which has lists instead of items',
      { instrument: 'decisional-balance' },
      [{ path: 'instrument', message: 'The instrument has lists, not items: it cannot be mapped item by item.' }],
    ],
    ['an unknown variant', { scale: '0-100' }, [{ path: 'scale', message: 'The instrument has no response scale of this name.' }]],
    [
      'a versioned questionnaire URL',
      { questionnaire: `${ORACLE_QUESTIONNAIRE}|3` },
      [{ path: 'questionnaire', message: 'Must be an absolute URI without "|version".' }],
    ],
    [
      'a relative questionnaire URL',
      { questionnaire: 'Questionnaire/9' },
      [{ path: 'questionnaire', message: 'Must be an absolute URI without "|version".' }],
    ],
    ['an unknown field, counted not named', { owner: 'Dr Smith' }, [{ path: '', message: 'Unknown field.' }]],
  ])('refuses %s', (_name, change, errors) => {
    expect(failure({ ...oracleRulerMap(), ...change })).toEqual(errors);
  });

  it('refuses unknown items, a linkId mapped twice, two entries for one item and duplicate answers, naming places only', () => {
    const map = oracleRulerMap();
    const [importance, confidence, readiness] = map.items as [(typeof map.items)[0], (typeof map.items)[0], (typeof map.items)[0]];
    const bad = {
      ...map,
      items: [
        { ...importance, answers: [...importance.answers, { ...importance.answers[0]!, value: 9 }] },
        { ...confidence, linkId: importance.linkId },
        { ...readiness, item: 'importance' },
        { linkId: '7012999', item: 'motivation-secret', answers: [{ string: 'Very much', value: 4 }] },
      ],
    };

    const errors = failure(bad);

    expect(errors).toEqual([
      { path: 'items.0.answers.11', message: 'Another answer of this item matches the same EHR answer.' },
      { path: 'items.1.linkId', message: 'Another entry maps the same linkId.' },
      { path: 'items.2.item', message: 'Another entry maps to the same item.' },
      { path: 'items.3.item', message: 'Unknown item id.' },
    ]);
    expect(JSON.stringify(errors)).not.toContain('motivation-secret');
    expect(JSON.stringify(errors)).not.toContain('Very much');
  });

  it('holds a map to its bounds', () => {
    const map = oracleRulerMap();
    const many = Array.from({ length: FORM_MAP_LIMITS.items + 1 }, (_, i) => ({ ...map.items[0]!, linkId: String(i) }));

    expect(failure({ ...map, items: many })).toEqual([
      { path: 'items', message: `Too big: expected array to have <=${FORM_MAP_LIMITS.items} items` },
    ]);
    expect(failure({ ...map, items: [] })).toEqual([{ path: 'items', message: 'Too small: expected array to have >=1 items' }]);
    expect(failure({ ...map, questionnaire: `https://x.example/${'q'.repeat(FORM_MAP_LIMITS.questionnaire)}` })).toEqual([
      { path: 'questionnaire', message: `Too big: expected string to have <=${FORM_MAP_LIMITS.questionnaire} characters` },
    ]);
  });

  it('refuses an answer that is neither a coding, an integer nor a string, without echoing it', () => {
    const map = oracleRulerMap();
    const errors = failure({ ...map, items: [{ ...map.items[0]!, answers: [{ boolean: true, value: 1 }] }] });

    expect(errors.map((e) => e.path)).toEqual(['items.0.answers.0']);
    expect(JSON.stringify(errors)).not.toContain('boolean');
  });
});
