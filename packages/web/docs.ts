import type { Site } from './site';

/**
 * Redoc's sidebar footer ("API docs by Redocly") always shows a logo from Redocly's CDN; no Redoc
 * option hides it. The CSP would block it (a console error on every load), so the bundle is served
 * with that URL replaced by an empty inline SVG: nothing is loaded from anywhere, the CSP is unchanged.
 */
export const REDOC_LOGO = {
  find: '"https://cdn.redoc.ly/redoc/logo-mini.svg"',
  with: `"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"`,
} as const;

/**
 * The API reference at `/docs`: Redoc's standalone bundle (self-hosted, pinned in package.json)
 * rendering the API's own `/openapi.json` (same origin), guide text included.
 * CSP: scripts from this origin only; `style-src 'unsafe-inline'` because Redoc's styled-components
 * inject `<style>` elements at run time and its bundle offers no way to give them a nonce;
 * `img-src data:` for the inline SVG icons (and the footer logo, see `REDOC_LOGO`); `connect-src
 * 'self'` to fetch the document. Search is turned off: it would run in a Web Worker made from a
 * `blob:` URL (`worker-src blob:`).
 */
export const docsSite: Site = {
  base: '/docs',
  assets: [{ name: 'redoc.js', source: 'node_modules/redoc/bundles/redoc.standalone.js', replace: [REDOC_LOGO] }],
  pages: [
    {
      path: '/docs',
      csp: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
      },
      render: (asset) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MI Assessments API reference</title>
<link rel="icon" href="data:,">
</head>
<body>
<noscript>This reference needs JavaScript. The contract itself is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</noscript>
<redoc spec-url="/openapi.json" disable-search hide-hostname expand-responses="all" path-in-middle-panel></redoc>
<script src="${asset('redoc.js')}"></script>
</body>
</html>
`,
    },
  ],
};
