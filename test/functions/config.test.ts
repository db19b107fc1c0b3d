import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/config';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    expect(parseConfig({})).toEqual({
      PORT: 3000,
      TABLE_NAME: 'mi-assessments',
      DYNAMODB_LOCAL_PORT: 8000,
      DATA_DIR: '.data',
      AWS_REGION: 'us-east-1',
      AUTH_CACHE_SECONDS: 30,
      RATE_LIMIT_PER_SECOND: 50,
      RATE_LIMIT_BURST: 100,
      SUPPRESSION_THRESHOLD: 10,
    });
  });

  it('accepts only a stricter suppression threshold than the CMS 10', () => {
    expect(parseConfig({ SUPPRESSION_THRESHOLD: '11' }).SUPPRESSION_THRESHOLD).toBe(11);
    expect(() => parseConfig({ SUPPRESSION_THRESHOLD: '5' })).toThrow('SUPPRESSION_THRESHOLD: At least 10 (CMS cell-size rule).');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(parseConfig({ PORT: '8080' }))).toBe(true);
  });

  it('fails fast naming every bad variable without echoing its value', () => {
    const attempt = () => parseConfig({ PORT: 'eighty', DYNAMODB_ENDPOINT: 'not a url', TABLE_NAME: 'x' });
    expect(attempt).toThrow(/^Invalid configuration:\n {2}PORT: .+\n {2}TABLE_NAME: .+\n {2}DYNAMODB_ENDPOINT: .+$/);
    expect(attempt).not.toThrow(/eighty|not a url/);
  });
});
