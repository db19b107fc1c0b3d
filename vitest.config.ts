import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` touches no network and needs nothing started; `integration`
 * (`*.int.test.ts`) talks to one DynamoDB Local for the whole run (each test file makes its own
 * table) and to real servers and browsers. `npm test` runs both; `vitest run --project unit`
 * runs one.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 20_000,
    // CDK synthesis (test/infra) and DynamoDB Local tables are built in hooks.
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/**/*.int.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.int.test.ts'], globalSetup: ['test/support/dynamo-global-setup.ts'] },
      },
    ],
  },
});
