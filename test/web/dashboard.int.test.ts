import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BACKWARD_REF, DEMO_CLINIC } from '../../functions/local/demo-seed';
import { SCOPES } from '../../packages/domain/records';
import { pseudonymizer } from '../support/api';
import { ARTIFACTS_DIR } from '../support/browser';
import { type DemoDashboard, demoDashboard } from '../support/dashboard';

// why: screenshots go to the test artifacts only; `npm run screenshots` copies them into docs/images.
const ARTIFACTS = ARTIFACTS_DIR;

type Published = { value: number | null; suppressed: boolean };
const words = (p: Published) => (p.suppressed ? 'suppressed' : String(p.value));

interface Point {
  administeredOn: string;
  scores: Record<string, number | null>;
  stage: string | null;
  transition: { from: string; to: string; direction: string; relapseSignal: boolean } | null;
}
interface Line {
  instrument: string;
  points: Point[];
  summary: {
    forwardMoves: number;
    backwardMoves: number;
    relapseSignal: boolean;
    latestStage: string;
    guidance: { rule: string; prompt: string }[];
  };
}

/** A point's label as the API's numbers imply it: day, score, stage and the move that led there. */
const pointLabel = (p: Point, score: string) =>
  `${p.administeredOn} ${score}: ${p.scores[score]}, ${p.stage}${
    p.transition && p.transition.direction !== 'unchanged'
      ? `, ${p.transition.relapseSignal ? 'relapse signal' : `${p.transition.direction} move`} from ${p.transition.from}`
      : ''
  }`;

/** The move markers the API's transitions imply, oldest first: relapse, forward or backward. */
const expectedMoves = (line: Line) =>
  line.points.flatMap((p) =>
    p.transition && p.transition.direction !== 'unchanged' ? [p.transition.relapseSignal ? 'relapse' : p.transition.direction] : [],
  );

/** One instrument's drawn trajectory: its points' labels, its move markers' words, its flag and guidance. */
function drawnLine(page: Page, instrument: string) {
  return page.locator(`section.instrument[data-instrument=${instrument}]`).evaluate((section) => {
    const svg = section.querySelector('svg')!;
    const labels = [...svg.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')!);
    const flag = section.querySelector('.flag')!;
    return {
      // why: the point marks carry the labels; the move rules repeat some of them.
      points: [...new Set(labels.filter((l) => /^\d{4}-\d\d-\d\d /.test(l)))],
      moves: [...svg.querySelectorAll('text')].map((t) => t.textContent).filter((t) => ['forward', 'backward', 'relapse'].includes(t!)),
      flag: { className: flag.className, text: flag.textContent },
      guidance: [...section.querySelectorAll('aside li')].map((li) => li.textContent),
    };
  });
}

describe('the dashboard in Chromium', () => {
  let d: DemoDashboard;
  let page: Page;
  let origin: string;
  let key: string;
  let logs: string[];
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    d = await demoDashboard();
    ({ origin, logs } = d);
    key = await d.keyWith([...SCOPES]);
    page = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 240_000);
  afterAll(() => d?.close());

  const apiGet = (path: string) => d.apiGet(key, path);

  it('signs in with the key and draws the outcomes of URICA, printing the load time', async () => {
    await page.goto(`${origin}/app`);
    await page.fill('input[name=apiKey]', key);
    await page.click('#signin button[type=submit]');
    await page.waitForSelector('#charts[data-drawn]');
    // A reload signs in from the session and draws again: navigation to the last chart drawn.
    // The page's own clock starts at navigation: each figure is when its last chart was drawn.
    // why: the median of three loads, so one stall of a busy test machine does not decide it. It
    // is printed, not asserted: a performance figure is a benchmark's to judge, not a test's.
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.reload();
      await page.waitForSelector('#charts[data-drawn]');
      times.push(Math.round(Number(await page.getAttribute('#charts', 'data-drawn'))));
    }
    const ms = [...times].sort((x, y) => x - y)[1]!;
    console.log(`outcomes: navigation to last chart drawn, median ${ms} ms of ${times.join(', ')} ms`);
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-outcomes.png'), fullPage: true });

    expect(times.every((t) => t > 0)).toBe(true);
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

  it('shows the backward-moving client’s RCQ trajectory: its points and the stage moves the API reports', async () => {
    const started = Date.now();
    await page.fill('input[name=ref]', DEMO_BACKWARD_REF);
    await page.click('#trajectory-form button[type=submit]');
    await page.waitForSelector('#lines[data-drawn]');
    console.log(`trajectory: submit to chart drawn ${Date.now() - started} ms`);
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-trajectory.png'), fullPage: true });
    const subjectId = pseudonymizer.subjectId(DEMO_CLINIC, DEMO_BACKWARD_REF);
    const trajectory = await apiGet(`/v1/subjects/${subjectId}/trajectory`);
    const rcq = trajectory.instruments.find((t: Line) => t.instrument === 'rcq') as Line;
    const section = page.locator('section.instrument[data-instrument=rcq]');
    const drawn = await drawnLine(page, 'rcq');

    // What the API says of this client: one forward and one backward move, no relapse signal
    // (RCQ stages stop at action; no instrument assigns maintenance), backward-move guidance.
    expect(trajectory.instruments.map((t: Line) => t.instrument)).toEqual(['rcq']);
    expect(rcq.points.map((p) => p.stage)).toEqual(['contemplation', 'action', 'action', 'contemplation']);
    expect(rcq.summary).toEqual(
      expect.objectContaining({ forwardMoves: 1, backwardMoves: 1, relapseSignal: false, latestStage: 'contemplation' }),
    );
    expect(rcq.summary.guidance.map((g) => g.rule)).toEqual(expect.arrayContaining(['trajectory/backward']));
    // What the page draws of it.
    expect(drawn.points).toEqual(rcq.points.map((p) => pointLabel(p, 'action')));
    expect(drawn.moves).toEqual(expectedMoves(rcq));
    expect(drawn.moves).toEqual(['forward', 'backward']);
    expect(drawn.flag).toEqual({ className: 'flag backward', text: 'Moved back 1 time; latest stage contemplation.' });
    expect(drawn.guidance.slice(0, rcq.summary.guidance.length)).toEqual(rcq.summary.guidance.map((g) => g.prompt));
    expect(await section.locator('svg[role=img][aria-label]').count()).toBe(1);
  });

  it('highlights the relapse signal when the API reports one (out of maintenance)', async () => {
    // why: no instrument assigns maintenance today (URICA never does, RCQ stops at action), so no
    // stored data can yield the signal: the client's real trajectory is altered in flight to one
    // whose last move leaves maintenance, to show the page draws what such an answer implies.
    const other = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    let answered: Line | undefined;
    await other.route('**/v1/subjects/*/trajectory', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      const rcq = body.instruments[0] as Line;
      const [a, b, c, e] = rcq.points;
      c!.stage = 'maintenance';
      c!.transition = { from: 'action', to: 'maintenance', direction: 'forward', relapseSignal: false };
      e!.transition = { from: 'maintenance', to: 'contemplation', direction: 'backward', relapseSignal: true };
      rcq.points = [a!, b!, c!, e!];
      rcq.summary = { ...rcq.summary, forwardMoves: 2, backwardMoves: 1, relapseSignal: true };
      answered = rcq;
      await route.fulfill({ response: res, json: body });
    });
    await other.goto(`${origin}/app`);
    await other.fill('input[name=apiKey]', key);
    await other.click('#signin button[type=submit]');
    await other.fill('input[name=ref]', DEMO_BACKWARD_REF);
    await other.click('#trajectory-form button[type=submit]');
    await other.waitForSelector('#lines[data-drawn]');
    const drawn = await drawnLine(other, 'rcq');

    expect(drawn.moves).toEqual(expectedMoves(answered!));
    expect(drawn.moves).toEqual(['forward', 'forward', 'relapse']);
    expect(drawn.points.at(-1)).toBe(pointLabel(answered!.points[3]!, 'action'));
    expect(drawn.points.at(-1)).toMatch(/, contemplation, relapse signal from maintenance$/);
    expect(drawn.flag).toEqual({ className: 'flag backward', text: 'Relapse signal: moved back out of maintenance.' });
    await other.close();
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
});
