import { instruments } from '../instruments';
import { PROBLEMS } from './problem';
import { ROUTES } from './routes';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

let page: string | undefined;

/**
 * A self-contained HTML page (no CDN) built from the route table, problem types and instrument
 * catalog, so it can never drift from the running code.
 * @example app.get('/docs', (c) => c.html(docsPage()))
 */
export function docsPage(): string {
  if (page) return page;
  const routes = ROUTES.map(
    (r) =>
      `<tr><td><code>${r.method.toUpperCase()}</code></td><td><code>${esc(r.path)}</code></td><td>${esc(r.summary)}</td><td>${r.scope ? `<code>${r.scope}</code>` : r.path.startsWith('/v1/') ? 'any key' : 'none'}</td></tr>`,
  ).join('');
  const problems = Object.entries(PROBLEMS)
    .map(([type, p]) => `<tr id="${type}"><td><code>/problems/${type}</code></td><td>${p.status}</td><td>${esc(p.title)}</td></tr>`)
    .join('');
  const list = instruments.map((i) => `<li><code>${i.id}</code> ${esc(i.version)}: ${esc(i.title)}</li>`).join('');
  page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MI Assessments API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}code{font-size:90%}</style></head>
<body><h1>MI Assessments API</h1>
<p>Every <code>/v1</code> request carries <code>Authorization: Bearer &lt;api key&gt;</code>. Bodies are JSON; errors are
<a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a> <code>application/problem+json</code>. Identifiers travel in bodies, never in URLs.
<code>POST /v1/assessments</code> needs an <code>Idempotency-Key</code> header; a retry with the same key and body replays the first answer
(<code>Idempotent-Replayed: true</code>). The machine-readable contract is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Routes</h2><table><tr><th>method</th><th>path</th><th>what</th><th>scope</th></tr>${routes}</table>
<h2>Instruments</h2><ul>${list}</ul><p>Full definitions: <code>GET /v1/instruments/{id}</code>.</p>
<h2 id="problems">Problem types</h2><table><tr><th>type</th><th>status</th><th>title</th></tr>${problems}</table>
</body></html>`;
  return page;
}
