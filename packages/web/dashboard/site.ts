import type { Site } from '../site';
import { DASHBOARD_BUNDLE } from './build';
import { renderDashboard } from './page';

/**
 * The outcomes dashboard and client trajectory view at `/app`: one page, its bundled script
 * (Vega and Vega-Lite inside, built by `npm run build:web`) and its stylesheet.
 * CSP: scripts, styles and API calls of this origin only. Vega runs its expressions through the
 * interpreter (no `eval`/`new Function`, so no 'unsafe-eval'); `img-src data:` for the blank
 * favicon; the CSV download is a `blob:` link the page clicks, which needs no directive.
 */
export const dashboardSite: Site = {
  base: '/app',
  assets: [
    { name: 'dashboard.js', source: DASHBOARD_BUNDLE },
    { name: 'dashboard.css', source: 'packages/web/dashboard/dashboard.css' },
  ],
  pages: [
    {
      path: '/app',
      csp: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'connect-src': ["'self'"] },
      render: renderDashboard,
    },
  ],
};
