import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../packages/store/local';
import { freePort } from './net';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/**
 * Starts one in-memory DynamoDB Local for the whole run and provides its endpoint as
 * `inject('dynamoEndpoint')`; each test file creates its own table (test/support/dynamo.ts).
 * @example // vitest.config.ts
 * test: { globalSetup: ['test/support/dynamo-global-setup.ts'] }
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startDynamoLocal({ port: await freePort() });
  const stopOnExit = () => void local.stop();
  process.once('exit', stopOnExit);
  project.provide('dynamoEndpoint', local.endpoint);
  return async () => {
    process.off('exit', stopOnExit);
    await local.stop();
  };
}
