import type { RouteDef } from '../route';
import { analyticsRoutes } from './analytics';
import { assessmentRoutes } from './assessments';
import { instrumentRoutes } from './instruments';
import { keyRoutes } from './keys';
import { metaRoutes } from './meta';
import { subjectRoutes } from './subjects';

/** A module of routes about one resource: its OpenAPI tag and description. */
export interface RouteModule {
  tag: string;
  description: string;
  routes: readonly RouteDef[];
}

/**
 * Every route of the app, one module per resource, in the order of the documentation. The app
 * mounts these modules, and the OpenAPI document and the reference are generated from the same list.
 */
export const ROUTE_MODULES: readonly RouteModule[] = [
  { tag: 'Service', description: 'Liveness, readiness and this contract; no key needed.', routes: metaRoutes },
  { tag: 'Keys', description: 'The API key a request is made with: its clinic and scopes.', routes: keyRoutes },
  { tag: 'Instruments', description: 'The catalog of instruments, and scoring without storing.', routes: instrumentRoutes },
  { tag: 'Assessments', description: 'Score and store assessments (one or a batch), read and delete them.', routes: assessmentRoutes },
  {
    tag: 'Subjects',
    description: 'A client’s history and change over time, by ref (in the body) or pseudonymous id.',
    routes: subjectRoutes,
  },
  {
    tag: 'Analytics',
    description: 'Disclosure-controlled aggregates, de-identified exports and their audit trail.',
    routes: analyticsRoutes,
  },
];

export const ROUTES: readonly RouteDef[] = ROUTE_MODULES.flatMap((m) => m.routes);
