import type { Context } from 'hono';
import type { AppContext } from '../api/context';
import { capabilityStatement } from './capability';
import { fhirJson } from './outcome';

/** The FHIR route handlers; this module is imported only when a FHIR route is first called (app.ts). */
export interface FhirHandlers {
  metadata(c: Context): Response | Promise<Response>;
}

/**
 * Builds the handlers over the app's context.
 * @example const handlers = fhirHandlers(ctx); await handlers.metadata(c);
 */
export function fhirHandlers(ctx: AppContext): FhirHandlers {
  return {
    metadata: (c) => fhirJson(c, capabilityStatement(ctx.now())),
  };
}
