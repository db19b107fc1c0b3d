import { type AppDeps, createApp } from '../packages/api/app';
import { fhirExtension } from '../packages/fhir/app';
import { webMethodsExtension } from '../packages/web/methods';

/**
 * The whole HTTP surface of the API function: the `/v1` API with the FHIR R4 routes under
 * `/fhir/r4`, and the 405 answers for wrong methods on the web layer's paths (which the stack and
 * `npm start` send here, not to the web function). The one place dialects are composed; the Lambda
 * entry, the local server and the tests that need FHIR use it.
 * @example const app = composeApp({ store, pseudonymizer });
 */
export function composeApp(deps: AppDeps) {
  return createApp({ ...deps, extensions: [...(deps.extensions ?? []), fhirExtension(), webMethodsExtension()] });
}
