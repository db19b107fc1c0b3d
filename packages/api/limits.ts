/**
 * The contract's fixed sizes, read by the schemas that enforce them, the use cases that default
 * to them and the guide that states them. A module without dependencies, because the route
 * definitions read them when they load (docs/architecture.md, "Cold start").
 */

/** Most items of one `POST /v1/assessments/batch`. */
export const MAX_BATCH = 25;
/** Rows per page when a request names no `limit`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Export rows per page when a request names no `limit`, and the most it may name. */
export const DEFAULT_EXPORT_LIMIT = 1000;
export const MAX_EXPORT_LIMIT = 5000;
