import { apiKeyMethods } from './api-keys';
import { assessmentMethods } from './assessments';
import { clinicSettingsMethods } from './clinic-settings';
import { type DynamoStoreOptions, storeContext } from './context';
import { exportMethods } from './exports';
import { historyMethods } from './history';
import type { Store } from './port';

export type { AssessmentChange, DynamoStoreOptions } from './context';

/**
 * The DynamoDB adapter of the storage port (single table, see schema.ts), composed of one part
 * per concern on a shared context: assessments (writes), history and aggregates (reads),
 * exports and their audit, API keys and clinics, clinic settings and form maps.
 * @example
 * const store = createDynamoStore({ client: createDynamoClient(), tableName: 'mi-assessments' });
 * const outcome = await store.createAssessment(input);
 */
export function createDynamoStore(options: DynamoStoreOptions): Store {
  const ctx = storeContext(options);
  return { ...assessmentMethods(ctx), ...historyMethods(ctx), ...exportMethods(ctx), ...apiKeyMethods(ctx), ...clinicSettingsMethods(ctx) };
}
