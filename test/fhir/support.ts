import { composeApp } from '../../functions/app';
import type { AppDeps } from '../../packages/api/app';
import { type TestApi, testApi, useTestApi } from '../support/api';

/** The test API with the FHIR routes: the same harness as `testApi`. */
export type FhirTestApi = TestApi;

/**
 * The composed app (`/v1` and `/fhir/r4`) on its own DynamoDB Local table, with captured logs;
 * `call` sends a JSON body as `application/fhir+json` unless `headers` says otherwise, and holds
 * `/v1` answers (not FHIR ones) to the OpenAPI document like `testApi`.
 * @example const api = await fhirTestApi(); const key = await api.keyFor('clinic-a');
 */
export function fhirTestApi(deps: Partial<AppDeps> = {}): Promise<FhirTestApi> {
  return testApi({ deps, build: composeApp, contentType: 'application/fhir+json' });
}

/**
 * `fhirTestApi` made before this file's tests and dropped after them (as `useTestApi`).
 * @example const api = useFhirTestApi(); beforeAll(async () => { key = await api.keyFor('clinic-a'); });
 */
export function useFhirTestApi(deps: Partial<AppDeps> = {}): FhirTestApi {
  return useTestApi({ deps, build: composeApp, contentType: 'application/fhir+json' });
}
