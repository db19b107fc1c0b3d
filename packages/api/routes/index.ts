import type { RouteDef } from '../route';
import { analyticsRoutes } from './analytics';
import { assessmentRoutes } from './assessments';
import { instrumentRoutes } from './instruments';
import { metaRoutes } from './meta';
import { subjectRoutes } from './subjects';

/**
 * Every route of the app, one module per resource, in the order of the documentation. The app
 * mounts these modules, and the OpenAPI document and /docs are generated from the same list.
 */
export const ROUTE_MODULES: readonly (readonly RouteDef[])[] = [
  metaRoutes,
  instrumentRoutes,
  assessmentRoutes,
  subjectRoutes,
  analyticsRoutes,
];

export const ROUTES: readonly RouteDef[] = ROUTE_MODULES.flat();
