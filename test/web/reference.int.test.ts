import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer, type LocalServer } from '../../functions/local/http-server';
import { localWebApp, withWeb } from '../../functions/local/web';
import { openApiDocument } from '../../packages/api/openapi';
import { PROBLEMS } from '../../packages/api/problem';
import { REDOC_LOGO } from '../../packages/web/docs';
import { testApi } from '../support/api';
import { openBrowser, type TestBrowser, type Visit } from '../support/browser';

/**
 * The reference in headless Chromium against both apps on one port, as `npm start` serves them:
 * it must render the whole document offline, with nothing blocked by its CSP.
 */
let http: LocalServer;
let browser: TestBrowser;
let docs: Visit;
let base: string;

beforeAll(async () => {
  const api = await testApi();
  http = await createLocalServer(withWeb(api.app, localWebApp({ log: () => {} })), { port: 0 });
  base = `http://127.0.0.1:${http.port}`;
  browser = await openBrowser();
  docs = await browser.visit(`${base}/docs`);
  // Redoc renders after fetching /openapi.json: wait for the last operation of the document.
  await docs.page.waitForSelector('[data-section-id^="operation/"]', { timeout: 30_000 });
  await docs.page.waitForLoadState('networkidle');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await http?.close(1_000);
});

const document = openApiDocument() as { paths: Record<string, Record<string, { operationId: string; summary: string }>> };
const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method, ...op })),
);

describe('the reference at /docs', () => {
  it('loads with no request leaving the server, no page error, no console error and no CSP violation', async () => {
    await docs.screenshot('reference');

    expect(docs.external).toEqual([]);
    expect(docs.pageErrors).toEqual([]);
    // The footer logo Redoc would take from its CDN is served inline (packages/web/docs.ts): nothing is blocked.
    expect(await docs.cspViolations()).toEqual([]);
    expect(docs.consoleErrors).toEqual([]);
    expect(await docs.page.locator('img[alt="redocly logo"]').getAttribute('src')).toBe(REDOC_LOGO.with.slice(1, -1));
    expect(docs.requests.map((u) => new URL(u).pathname)).toEqual([
      '/docs',
      expect.stringMatching(/^\/docs\/assets\/redoc\./),
      '/openapi.json',
    ]);
  });

  it.each(operations)('shows $method $path ($operationId) with its summary', async ({ path, operationId, summary }) => {
    const section = docs.page.locator(`[data-section-id="operation/${operationId}"]`);

    expect(await section.count()).toBe(1);
    const text = await section.textContent();
    expect(text ?? '').toContain(summary);
    expect(text ?? '').toContain(path);
  });

  // why: one argument per case, so `%s` appears once (a second `%s` would print `undefined`).
  it.each(Object.keys(PROBLEMS))('lands /problems/%s on its own section of the reference', async (type) => {
    const visit = await browser.visit(`${base}/problems/${type}`);
    expect(visit.external).toEqual([]);
    await visit.page.waitForSelector(`[id="section/Problem-${type}"]`, { timeout: 30_000 });

    expect(new URL(visit.page.url()).pathname).toBe('/docs');
    expect(new URL(visit.page.url()).hash).toBe(`#section/Problem-${type}`);
    expect(await visit.page.locator(`[id="section/Problem-${type}"]`).textContent()).toContain(type);
    await visit.page.context().close();
  });
});
