import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/config';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    expect(parseConfig({})).toEqual({
      PORT: 3000,
      TABLE_NAME: 'mi-assessments',
      DATA_DIR: '.data',
      AWS_REGION: 'us-east-1',
      AUTH_CACHE_SECONDS: 30,
      RATE_LIMIT_PER_SECOND: 50,
      RATE_LIMIT_BURST: 100,
      SUPPRESSION_THRESHOLD: 10,
      CORS_ALLOWED_ORIGINS: [],
    });
  });

  it('reads CORS origins as a comma-separated list of bare origins', () => {
    expect(parseConfig({ CORS_ALLOWED_ORIGINS: 'https://portal.example, http://localhost:5173' }).CORS_ALLOWED_ORIGINS).toEqual([
      'https://portal.example',
      'http://localhost:5173',
    ]);
    expect(() => parseConfig({ CORS_ALLOWED_ORIGINS: '*' })).toThrow('CORS_ALLOWED_ORIGINS: Comma-separated origins');
    expect(() => parseConfig({ CORS_ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow('CORS_ALLOWED_ORIGINS');
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

describe('parseConfig rules', () => {
  it('reads numbers within their ranges and rejects the rest with the rule, not the value', () => {
    expect(
      parseConfig({ RATE_LIMIT_PER_SECOND: '2.5', AUTH_CACHE_SECONDS: '0', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773' }),
    ).toMatchObject({
      RATE_LIMIT_PER_SECOND: 2.5,
      AUTH_CACHE_SECONDS: 0,
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: 2773,
    });
    expect(() => parseConfig({ PORT: '80.5', RATE_LIMIT_PER_SECOND: '0', RATE_LIMIT_BURST: '100001', AUTH_CACHE_SECONDS: '-1' })).toThrow(
      'Invalid configuration:\n  PORT: An integer.\n  AUTH_CACHE_SECONDS: At least 0.\n  RATE_LIMIT_PER_SECOND: A number above 0.\n  RATE_LIMIT_BURST: At most 100000.',
    );
  });

  it('checks the shape of names, URLs and ARNs; empty means unset', () => {
    expect(
      parseConfig({
        DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
        PSEUDONYM_KEY_SECRET_ARN: 'arn:aws:secretsmanager:x',
        AWS_SESSION_TOKEN: '',
      }),
    ).toMatchObject({
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      PSEUDONYM_KEY_SECRET_ARN: 'arn:aws:secretsmanager:x',
    });
    expect(parseConfig({ AWS_SESSION_TOKEN: '' })).not.toHaveProperty('AWS_SESSION_TOKEN');
    expect(() => parseConfig({ PSEUDONYM_KEY_SECRET_ARN: 'my-secret', TABLE_NAME: 'a/b' })).toThrow(
      'Invalid configuration:\n  TABLE_NAME: 3–255 of A-Z a-z 0-9 _ . -\n  PSEUDONYM_KEY_SECRET_ARN: An ARN (arn:…).',
    );
  });
});
