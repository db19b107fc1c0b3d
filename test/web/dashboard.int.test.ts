import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BACKWARD_REF, DEMO_CLINIC, seedDemo } from '../../functions/local/demo-seed';
import { createLocalServer, type LocalServer } from '../../functions/local/http-server';
import { localWebApp, withWeb } from '../../functions/local/web';
import { generateApiKey } from '../../packages/api/api-keys';
import { createApp } from '../../packages/api/app';
import { newAssessmentId } from '../../packages/api/assessments';
import { SCOPES } from '../../packages/domain/records';
import { buildDashboard } from '../../packages/web/dashboard/build';
import { ROOT } from '../e2e/local-process';
import { pseudonymizer } from '../support/api';
import { type TestTable, testTable } from '../support/dynamo';

const ARTIFACTS = resolve(ROOT, 'test-artifacts');
/** The API and the web app on one origin, composed as `npm start` composes them. */
async function serve(table: TestTable, logs: string[]) {
  await buildDashboard(ROOT);
  const log = (entry: Record<string, unknown>) => logs.push(JSON.stringify(entry));
  const api = createApp({ store: table.store, pseudonymizer, log });
  return createLocalServer(withWeb(api, localWebApp({ log })), { port: 0, hostname: '127.0.0.1' });
}

type Published = { value: number | null; suppressed: boolean };
const words = (p: Published) => (p.suppressed ? 'suppressed' : String(p.value));

describe('the dashboard in Chromium', () => {
  let table: TestTable;
  let http: LocalServer;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let key: string;
  const logs: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    table = await testTable();
    const seeded = await seedDemo({ store: table.store, pseudonymizer, now: () => new Date(), newId: newAssessmentId }, new Date());
    expect(seeded.failed).toBe(0);
    const made = generateApiKey(DEMO_CLINIC, [...SCOPES], new Date());
    await table.store.putApiKey(made.record);
    key = made.key;
    http = await serve(table, logs);
    origin = `http://127.0.0.1:${http.port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await http?.close(1000);
    await table?.drop();
  });

  const apiGet = async (path: string): Promise<any> =>
    (await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${key}` } })).json();

  it('signs in with the key and draws the outcomes of URICA in under a second', async () => {
    await page.goto(`${origin}/app`);
    await page.fill('input[name=apiKey]', key);
    await page.click('#signin button[type=submit]');
    await page.waitForSelector('#charts[data-drawn]');
    // A reload signs in from the session and draws again: navigation to the last chart drawn.
    // The page's own clock starts at navigation: each figure is when its last chart was drawn.
    // why: the median of three loads, so one stall of a busy test machine does not decide it.
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.reload();
      await page.waitForSelector('#charts[data-drawn]');
      times.push(Math.round(Number(await page.getAttribute('#charts', 'data-drawn'))));
    }
    const ms = [...times].sort((x, y) => x - y)[1]!;
    console.log(`outcomes: navigation to last chart drawn, median ${ms} ms of ${times.join(', ')} ms`);
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-outcomes.png'), fullPage: true });

    expect(ms).toBeLessThan(1000);
    expect(await page.locator('#charts svg[role=img][aria-label]').count()).toBe(await page.locator('#charts figure').count());
  });

  it('draws every figure the aggregates endpoint publishes, and suppressed figures as suppressed', async () => {
    const from = await page.inputValue('input[name=from]');
    const to = await page.inputValue('input[name=to]');
    const report = await apiGet(`/v1/analytics/aggregates?instrument=urica&from=${from}&to=${to}&groupBy=month`);
    const groups = report.groups as { period: string; subjects: Published; assessments: Published }[];
    const labels = await page
      .locator('figure[data-chart=counts] svg [aria-label]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const rows = await page
      .locator('table[data-chart=counts] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));

    expect(groups).toHaveLength(12);
    expect(groups.some((g) => g.subjects.suppressed)).toBe(true);
    expect(groups.some((g) => !g.subjects.suppressed && (g.subjects.value ?? 0) > 10)).toBe(true);
    expect(rows).toEqual(groups.map((g) => [g.period, words(g.subjects), words(g.assessments)]));
    for (const g of groups) {
      for (const measure of ['subjects', 'assessments'] as const) {
        expect(labels).toContain(`${g.period} ${measure}: ${words(g[measure])}`);
      }
    }
    const placeholders = await page.locator('figure[data-chart=counts] svg text', { hasText: 'suppressed' }).count();
    const suppressed = groups.flatMap((g) => [g.subjects, g.assessments]).filter((p) => p.suppressed).length;
    expect(placeholders).toBe(suppressed);
  });

  it('shows the backward-moving client’s RCQ trajectory: its points and the backward move', async () => {
    const started = Date.now();
    await page.fill('input[name=ref]', DEMO_BACKWARD_REF);
    await page.click('#trajectory-form button[type=submit]');
    await page.waitForSelector('#lines[data-drawn]');
    console.log(`trajectory: submit to chart drawn ${Date.now() - started} ms`);
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-trajectory.png'), fullPage: true });
    const subjectId = pseudonymizer.subjectId(DEMO_CLINIC, DEMO_BACKWARD_REF);
    const trajectory = await apiGet(`/v1/subjects/${subjectId}/trajectory`);
    const rcq = trajectory.instruments.find((t: { instrument: string }) => t.instrument === 'rcq');
    const section = page.locator('section.instrument[data-instrument=rcq]');
    const labels = await section.locator('svg [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const points = rcq.points as { administeredOn: string; scores: { action: number }; stage: string }[];

    expect(points.map((p) => p.stage)).toEqual(['contemplation', 'action', 'action', 'contemplation']);
    expect(labels.filter((l) => l?.includes(' action: '))).toEqual(
      expect.arrayContaining(points.map((p) => expect.stringContaining(`${p.administeredOn} action: ${p.scores.action}, ${p.stage}`))),
    );
    expect(labels).toContain(`${points[3]!.administeredOn} action: ${points[3]!.scores.action}, contemplation, backward move from action`);
    expect(await section.locator('svg text', { hasText: 'backward' }).count()).toBe(1);
    expect(await section.locator('.flag.backward').textContent()).toBe('Moved back 1 time; latest stage contemplation.');
    expect(await section.locator('svg[role=img][aria-label]').count()).toBe(1);
  });

  it('keeps every request on the server, raises no page error, and keeps the key out of URLs, localStorage and logs', async () => {
    const local = await page.evaluate(() => JSON.stringify({ ...(globalThis as unknown as { localStorage: object }).localStorage }));
    await page.click('#signout');
    const afterSignOut = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length);

    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.some((u) => u.includes(key) || u.includes(DEMO_BACKWARD_REF))).toBe(false);
    expect(local).not.toContain(key);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.some((l) => l.includes(key) || l.includes(key.slice(-20)) || l.includes(DEMO_BACKWARD_REF))).toBe(false);
    expect(afterSignOut).toBe(0);
  });

  it('copies one screenshot of each view for the README', async () => {
    await mkdir(resolve(ROOT, 'docs/images'), { recursive: true });
    for (const name of ['dashboard-outcomes.png', 'dashboard-trajectory.png']) {
      await copyFile(resolve(ARTIFACTS, name), resolve(ROOT, 'docs/images', name));
    }
    expect((await readFile(resolve(ROOT, 'docs/images/dashboard-outcomes.png'))).subarray(1, 4).toString()).toBe('PNG');
  });
});
