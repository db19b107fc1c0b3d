import { PROBLEMS, problem, problemResponse } from '../api/problem';
import { CACHE_REDIRECT } from './app';
import type { Site } from './site';

/**
 * Where the reference explains a problem type: the guide's section for it (one per type,
 * generated from the same list the API answers with).
 * @example problemAnchor('not-found') // 'section/Problem-not-found'
 */
export function problemAnchor(type: string): string {
  return `section/Problem-${type}`;
}

/**
 * Problem `type` URIs resolve: `/problems/<type>` redirects (302) to that type's section of the
 * reference; an unknown type is a 404 problem.
 */
export const problemsSite: Site = {
  base: '/problems',
  pages: [],
  assets: [],
  routes: (app) =>
    app.get('/problems/:type', (c) => {
      const type = c.req.param('type');
      if (!Object.hasOwn(PROBLEMS, type)) return problemResponse(c, problem('not-found', 'No such problem type.'));
      c.header('Cache-Control', CACHE_REDIRECT);
      return c.redirect(`/docs#${problemAnchor(type)}`, 302);
    }),
};
