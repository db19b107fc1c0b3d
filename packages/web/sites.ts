import { dashboardSite } from './dashboard/site';
import { docsSite } from './docs';
import { problemsSite } from './problems';
import type { Site } from './site';

/** Every site the web layer serves; a new page set is one more entry here (see site.ts). */
export const SITES: readonly Site[] = [docsSite, problemsSite, dashboardSite];

/**
 * Every asset file of every site, by its repository-relative path: what the Lambda artifact must contain.
 * @example assetSources(SITES) // ['node_modules/redoc/bundles/redoc.standalone.js']
 */
export function assetSources(sites: readonly Site[]): string[] {
  return [...new Set(sites.flatMap((s) => s.assets.map((a) => a.source)))];
}
