import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where browser tests save screenshots (git-ignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** Debian's chromium (`command -v chromium`); `CHROMIUM_PATH` overrides. No browser is ever downloaded. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No chromium on PATH: apt-get install -y chromium (.ci/run does it), or set CHROMIUM_PATH.');
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What one page visit did: every request, the ones that would have left the machine, errors. */
export interface Visit {
  page: Page;
  /** Every URL the page requested, in order (http(s) ones; `data:` URLs are not requests). */
  requests: string[];
  /** Requests to anywhere but 127.0.0.1/localhost: aborted, so the page is tested offline. */
  external: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** `console.error` lines, Chromium's own CSP and load failures included. */
  consoleErrors: string[];
  /** Content-Security-Policy violations (`securitypolicyviolation` events): directive and blocked URI. */
  cspViolations(): Promise<string[]>;
  /** Saves a full-page PNG as `test-artifacts/<name>.png`; returns its path. */
  screenshot(name: string): Promise<string>;
}

export interface TestBrowser {
  browser: Browser;
  /** Opens `url` in a fresh context and waits for `load`. */
  visit(url: string, options?: { viewport?: { width: number; height: number } }): Promise<Visit>;
  close(): Promise<void>;
}

/**
 * Headless Chromium for integration tests (`*.int.test.ts`), pointed at a server the test started.
 * Any request that leaves 127.0.0.1/localhost is aborted and recorded.
 * @example
 * const b = await openBrowser();
 * const v = await b.visit(`http://127.0.0.1:${port}/docs`);
 * expect(v.external).toEqual([]);
 * await b.close();
 */
export async function openBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  return {
    browser,
    async visit(url, options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
      const page = await context.newPage();
      const visit: Visit = {
        page,
        requests: [],
        external: [],
        pageErrors: [],
        consoleErrors: [],
        cspViolations: () => page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []),
        async screenshot(name) {
          mkdirSync(ARTIFACTS_DIR, { recursive: true });
          const path = join(ARTIFACTS_DIR, `${name}.png`);
          await page.screenshot({ path, fullPage: false });
          return path;
        },
      };
      // Runs in the page before its own scripts (a script of the test, not subject to the page's CSP).
      await page.addInitScript({
        content:
          "globalThis.__csp = []; document.addEventListener('securitypolicyviolation', (e) => globalThis.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
      });
      page.on('pageerror', (error) => visit.pageErrors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') visit.consoleErrors.push(message.text());
      });
      await page.route('**/*', (route) => {
        const target = new URL(route.request().url());
        visit.requests.push(target.href);
        if (/^https?:$/.test(target.protocol) && !LOCAL_HOSTS.has(target.hostname)) {
          visit.external.push(target.href);
          return route.abort('blockedbyclient');
        }
        return route.continue();
      });
      await page.goto(url, { waitUntil: 'load' });
      return visit;
    },
    close: () => browser.close(),
  };
}
