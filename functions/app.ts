import { type AppDeps, createApp } from '../packages/api/app';
import { fhirExtension } from '../packages/fhir/app';

/**
 * The whole HTTP surface: the `/v1` API with the FHIR R4 routes under `/fhir/r4`. The one place
 * dialects are composed; the Lambda entry, the local server and the tests that need FHIR use it.
 * @example const app = composeApp({ store, pseudonymizer });
 */
export function composeApp(deps: AppDeps) {
  return createApp({ ...deps, extensions: [...(deps.extensions ?? []), fhirExtension()] });
}
