import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_CLINIC, seedDemo } from '../../functions/local/demo-seed';
import { createLocalServer, type LocalServer } from '../../functions/local/http-server';
import { localWebApp, withWeb } from '../../functions/local/web';
import { generateApiKey } from '../../packages/api/api-keys';
import { createApp } from '../../packages/api/app';
import { newAssessmentId } from '../../packages/api/ids';
import type { Scope } from '../../packages/domain/records';
import { buildDashboard } from '../../packages/web/dashboard/build';
import { ROOT } from '../e2e/local-process';
import { pseudonymizer } from './api';
import { chromiumPath } from './browser';
import { type TestTable, testTable } from './dynamo';

/** One API request a page made, with the status it got. */
export interface PageRequest {
  method: string;
  path: string;
  status: number;
}

/** The demo clinic's year on DynamoDB Local, served as `npm start` serves it, and a browser. */
export interface DemoDashboard {
  table: TestTable;
  origin: string;
  /** Every log line of both apps, as JSON. */
  logs: string[];
  browser: Browser;
  /** A key of the demo clinic with these scopes (stored), e.g. `await keyWith(['analytics:read'])`. */
  keyWith(scopes: Scope[]): Promise<string>;
  /** GET on the API with a key, the parsed body. */
  apiGet(key: string, path: string): Promise<any>;
  close(): Promise<void>;
}

/**
 * Seeds the demo year (ending today), builds the dashboard bundle, serves the API and the web app
 * on one local port through `withWeb` as `npm start` does, and launches Debian's chromium.
 * @example const d = await demoDashboard(); const key = await d.keyWith([...SCOPES]);
 */
export async function demoDashboard(): Promise<DemoDashboard> {
  const table = await testTable();
  const seeded = await seedDemo({ store: table.store, pseudonymizer, now: () => new Date(), newId: newAssessmentId }, new Date());
  if (seeded.failed !== 0) throw new Error(`demo seed refused ${seeded.failed} assessments: ${JSON.stringify(seeded.refusals)}`);
  await buildDashboard(ROOT);
  const logs: string[] = [];
  const log = (entry: Record<string, unknown>) => logs.push(JSON.stringify(entry));
  const api = createApp({ store: table.store, pseudonymizer, log });
  const http: LocalServer = await createLocalServer(withWeb(api, localWebApp({ log })), { port: 0, hostname: '127.0.0.1' });
  const origin = `http://127.0.0.1:${http.port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  return {
    table,
    origin,
    logs,
    browser,
    async keyWith(scopes) {
      const made = generateApiKey(DEMO_CLINIC, scopes, new Date());
      await table.store.putApiKey(made.record);
      return made.key;
    },
    apiGet: async (key, path) => (await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${key}` } })).json(),
    async close() {
      await browser.close();
      await http.close(1000);
      await table.drop();
    },
  };
}

/**
 * Records every API request the page makes (`/v1/…`) with its answer's status.
 * @example const calls = recordApiCalls(page); … expect(calls).toEqual([{ method: 'GET', path: '/v1/instruments', status: 200 }])
 */
export function recordApiCalls(page: Page): PageRequest[] {
  const calls: PageRequest[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith('/v1/')) calls.push({ method: res.request().method(), path: url.pathname, status: res.status() });
  });
  return calls;
}

/**
 * Opens /app, signs in with `key` and waits until the page has decided what the key opens.
 * @example await signIn(page, origin, key);
 */
export async function signIn(page: Page, origin: string, key: string): Promise<void> {
  await page.goto(`${origin}/app`);
  await page.fill('input[name=apiKey]', key);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#signin', { state: 'hidden' });
}
