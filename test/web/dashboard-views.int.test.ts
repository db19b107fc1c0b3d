import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BACKWARD_REF } from '../../functions/local/demo-seed';
import type { components } from '../../packages/client';
import { SCOPES } from '../../packages/domain/records';
import { type DemoDashboard, demoDashboard, recordApiCalls, signIn } from '../support/dashboard';

// The answer's shape as the API document states it (the typed client), not a copy of the page's.
type Group = components['schemas']['Aggregates']['groups'][number];
type Published = Group['subjects'];

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const words = (p: Published) => (p.suppressed ? 'suppressed' : fmt(p.value!));
const ZERO: Published = { value: 0, suppressed: false };

/** What each chart must draw for an aggregates answer: one mark label per figure, and how many are suppressed. */
function expectedMarks(groups: Group[], score: string): Record<string, { labels: string[]; suppressed: number }> {
  const out: Record<string, { labels: string[]; suppressed: number }> = {};
  const mark = (chart: string, label: string, p: Published) => {
    const c = (out[chart] ??= { labels: [], suppressed: 0 });
    c.labels.push(label);
    if (p.suppressed) c.suppressed += 1;
  };
  for (const g of groups) {
    for (const m of ['subjects', 'assessments'] as const) mark('counts', `${g.period} ${m}: ${words(g[m])}`, g[m]);
    const s = g.scores[score];
    if (s && (s.mean.suppressed || s.mean.value !== null)) {
      const sd = !s.mean.suppressed && !s.sd.suppressed && s.sd.value !== null ? ` (sd ${fmt(s.sd.value)})` : '';
      mark('mean', `${g.period} ${score}: ${words(s.mean)}${sd}`, s.mean);
    }
    for (const o of ['improved', 'unchanged', 'worse']) {
      const p = g.change.outcome?.cells[o] ?? ZERO;
      mark('change', `${g.period} ${o}: ${words(p)}`, p);
    }
  }
  const paths = [...new Set(groups.flatMap((g) => Object.keys(g.distributions)))];
  for (const path of paths) {
    const categories = [...new Set(groups.flatMap((g) => Object.keys(g.distributions[path]?.cells ?? {})))];
    for (const g of groups) {
      for (const c of categories) {
        const p = g.distributions[path]?.cells[c] ?? ZERO;
        mark(`dist-${path}`, `${g.period} ${c}: ${words(p)}`, p);
      }
    }
  }
  return out;
}

/** Per chart on the page: its marks' labels (each once; axes and legends left out) and its suppressed placeholders. */
async function drawnMarks(page: Page): Promise<Record<string, { labels: string[]; suppressed: number }>> {
  return page.locator('#charts figure').evaluateAll((figures) =>
    Object.fromEntries(
      figures.map((f) => [
        f.getAttribute('data-chart'),
        {
          labels: [
            ...new Set(
              [...f.querySelectorAll('svg [aria-label]')]
                .map((e) => e.getAttribute('aria-label')!)
                .filter((l) => /^\d{4}-(\d\d|Q\d) /.test(l)),
            ),
          ].sort(),
          suppressed: [...f.querySelectorAll('svg text')].filter((t) => t.textContent === 'fewer than 11 / suppressed').length,
        },
      ]),
    ),
  );
}

const sorted = (marks: Record<string, { labels: string[]; suppressed: number }>) =>
  Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, { labels: [...v.labels].sort(), suppressed: v.suppressed }]));

/** Submits the outcomes form with `choice` and waits until the new charts are drawn. */
async function showOutcomes(page: Page, choice: { instrument?: string; groupBy?: 'month' | 'quarter' }) {
  if (choice.instrument) await page.selectOption('select[name=instrument]', choice.instrument);
  if (choice.groupBy) await page.selectOption('select[name=groupBy]', choice.groupBy);
  await page.$eval('#charts', (el) => el.removeAttribute('data-drawn'));
  await page.click('#outcome-form button[type=submit]');
  await page.waitForSelector('#charts[data-drawn]');
}

describe('the dashboard’s views in Chromium', () => {
  let d: DemoDashboard;
  let key: string;
  beforeAll(async () => {
    d = await demoDashboard();
    key = await d.keyWith([...SCOPES]);
  }, 240_000);
  afterAll(() => d?.close());

  const selection = async (page: Page) => ({
    from: await page.inputValue('input[name=from]'),
    to: await page.inputValue('input[name=to]'),
  });

  it('draws the quarter view: every figure the aggregates endpoint publishes by quarter, suppressed ones as suppressed', async () => {
    const page = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    await signIn(page, d.origin, key);
    await page.waitForSelector('#charts[data-drawn]');
    await showOutcomes(page, { groupBy: 'quarter' });
    const { from, to } = await selection(page);
    const report = await d.apiGet(key, `/v1/analytics/aggregates?instrument=urica&from=${from}&to=${to}&groupBy=quarter`);
    const { outcome } = await d.apiGet(key, '/v1/instruments/urica');
    const expected = sorted(expectedMarks(report.groups, outcome.score));
    const drawn = await drawnMarks(page);

    expect(report.groups.map((g: Group) => g.period)).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{4}-Q[1-4]$/)]));
    expect(report.groups.length).toBeGreaterThanOrEqual(4);
    expect(Object.values(expected).reduce((n, c) => n + c.suppressed, 0)).toBeGreaterThan(0);
    expect(Object.values(expected).reduce((n, c) => n + c.labels.length - c.suppressed, 0)).toBeGreaterThan(0);
    expect(drawn).toEqual(expected);
    await page.close();
  });

  it.each(['rcq', 'readiness-ruler'])('charts the mean of %s’s own outcome score, as its catalog entry names it', async (instrument) => {
    const page = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const calls = recordApiCalls(page);
    await signIn(page, d.origin, key);
    await page.waitForSelector('#charts[data-drawn]');
    await showOutcomes(page, { instrument, groupBy: 'month' });
    const { from, to } = await selection(page);
    const report = await d.apiGet(key, `/v1/analytics/aggregates?instrument=${instrument}&from=${from}&to=${to}&groupBy=month`);
    const { outcome } = await d.apiGet(key, `/v1/instruments/${instrument}`);
    const drawn = await drawnMarks(page);

    expect(outcome.score).toBe(instrument === 'rcq' ? 'action' : 'readiness');
    expect(await page.textContent('figure[data-chart=mean] figcaption')).toBe(
      `Mean ${outcome.score} score (the outcome; higher is better) with its spread (± 1 sd)`,
    );
    expect(drawn['mean']).toEqual(sorted(expectedMarks(report.groups, outcome.score))['mean']);
    expect(drawn['mean']!.labels.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.path === `/v1/instruments/${instrument}`)).toEqual([
      { method: 'GET', path: `/v1/instruments/${instrument}`, status: 200 },
    ]);
    await page.close();
  });

  it('follows the score the catalog names, whatever its name', async () => {
    // why: every instrument's outcome today also has a name a list of usual names would pick, so
    // the catalog answer is altered here to show the chart reads it rather than guessing.
    const page = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    await page.route('**/v1/instruments/urica', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), outcome: { score: 'action', better: 'higher' } } });
    });
    await signIn(page, d.origin, key);
    await page.waitForSelector('#charts[data-drawn]');
    const { from, to } = await selection(page);
    const report = await d.apiGet(key, `/v1/analytics/aggregates?instrument=urica&from=${from}&to=${to}&groupBy=month`);
    const drawn = await drawnMarks(page);

    expect(drawn['mean']).toEqual(sorted(expectedMarks(report.groups, 'action'))['mean']);
    expect(drawn['mean']!.labels[0]).toMatch(/^\d{4}-\d\d action: /);
    await page.close();
  });

  it('downloads the CSV export of the selection page by page with progress: the export API’s rows, no ref', async () => {
    const page = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const exports: URL[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/v1/analytics/export') exports.push(url);
    });
    await signIn(page, d.origin, key);
    await page.waitForSelector('#charts[data-drawn]');
    // Every text the progress line shows, from the mutation records (two texts set in one task
    // come in one callback, so the element's text alone would miss one). A string: runs in the page.
    await page.evaluate(`
      globalThis.progress = [];
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) globalThis.progress.push(n.textContent);
      }).observe(document.querySelector('#export-progress'), { childList: true });
    `);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const file = await readFile((await download.path())!, 'utf8');
    const progress = await page.evaluate(() => (globalThis as unknown as { progress: string[] }).progress);

    // The same selection through the API: the query of the page's first request, cursor followed.
    const pages: string[] = [];
    const query = new URLSearchParams(exports[0]!.search);
    for (let cursor: string | null = null; ; ) {
      if (cursor) query.set('cursor', cursor);
      const res = await fetch(`${d.origin}/v1/analytics/export?${query}`, { headers: { authorization: `Bearer ${key}` } });
      pages.push(await res.text());
      cursor = res.headers.get('export-next-cursor');
      if (!cursor) break;
    }
    const lines = (text: string) => text.split('\r\n').filter((l) => l !== '');
    const [header, ...rows] = lines(pages.join(''));
    const subject = header!.split(',').indexOf('exportSubject');
    // why: each export re-keys its pseudonyms; two exports agree on who is who, not on the names.
    const renamed = (all: string[]) => {
      const names = new Map<string, string>();
      return all.map((row) => {
        const cells = row.split(',');
        cells[subject] = names.get(cells[subject]!) ?? names.set(cells[subject]!, `s${names.size}`).get(cells[subject]!)!;
        return cells.join(',');
      });
    };
    const [fileHeader, ...fileRows] = lines(file);
    const counts = pages.map((_, i) => lines(pages.slice(0, i + 1).join('')).length - 1);

    expect(Object.fromEntries(query)).toEqual(
      expect.objectContaining({ instrument: 'urica', format: 'csv', from: `${(await selection(page)).from}-01` }),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(exports.map((u) => u.searchParams.has('cursor'))).toEqual(pages.map((_, i) => i > 0));
    expect(download.suggestedFilename()).toBe('urica-export.csv');
    expect(subject).toBeGreaterThanOrEqual(0);
    expect(fileHeader).toBe(header);
    expect(renamed(fileRows)).toEqual(renamed(rows));
    expect(progress).toEqual([
      ...counts.map((n, i) => `${i + 1} page${i === 0 ? '' : 's'}, ${n} rows…`),
      `Done: ${pages.length} pages, ${rows.length} rows.`,
    ]);
    expect(file).not.toMatch(/demo-|sub_|asm_/);
    await page.close();
  });

  it('shows a key with only assessments:read the trajectory and no outcomes, asking for no outcome figures', async () => {
    const page = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const calls = recordApiCalls(page);
    await signIn(page, d.origin, await d.keyWith(['assessments:read']));
    await page.fill('input[name=ref]', DEMO_BACKWARD_REF);
    await page.click('#trajectory-form button[type=submit]');
    await page.waitForSelector('#lines[data-drawn]');

    expect(await page.isVisible('#trajectory')).toBe(true);
    expect(await page.isHidden('#outcomes')).toBe(true);
    expect(await page.locator('#charts figure').count()).toBe(0);
    expect(await page.locator('#lines section.instrument[data-instrument=rcq] svg[role=img]').count()).toBe(1);
    // The page asked what the key may do, and then nothing of the analytics routes; nothing was refused.
    expect(calls.filter((c) => c.path === '/v1/keys/current')).toEqual([{ method: 'GET', path: '/v1/keys/current', status: 200 }]);
    expect(calls.filter((c) => c.path.startsWith('/v1/analytics/'))).toEqual([]);
    expect(calls.filter((c) => c.status !== 200)).toEqual([]);
    await page.close();
  });

  it('shows a key with only analytics:read the outcomes and no trajectory, asking for no client', async () => {
    const page = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const calls = recordApiCalls(page);
    await signIn(page, d.origin, await d.keyWith(['analytics:read']));
    await page.waitForSelector('#charts[data-drawn]');

    expect(await page.isVisible('#outcomes')).toBe(true);
    expect(await page.isHidden('#trajectory')).toBe(true);
    expect(await page.locator('#charts svg[role=img]').count()).toBe(await page.locator('#charts figure').count());
    expect(await page.locator('#charts figure').count()).toBeGreaterThan(0);
    // The page asked what the key may do, and then nothing of the subject routes; nothing was refused.
    expect(calls.filter((c) => c.path === '/v1/keys/current')).toEqual([{ method: 'GET', path: '/v1/keys/current', status: 200 }]);
    expect(calls.filter((c) => c.path.startsWith('/v1/subjects/'))).toEqual([]);
    expect(calls.filter((c) => c.status !== 200)).toEqual([]);
    await page.close();
  });

  it('tells a key with neither view’s scope so, and turns away a key that is not valid, after one question each', async () => {
    const page = await d.browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const calls = recordApiCalls(page);
    await signIn(page, d.origin, await d.keyWith(['assessments:write']));
    const neither = await page.textContent('#status');
    const hidden = [await page.isHidden('#outcomes'), await page.isHidden('#trajectory')];
    await page.click('#signout');
    await page.fill('input[name=apiKey]', `mia_0123456789abcdef${'A'.repeat(43)}`);
    await page.click('#signin button[type=submit]');
    await page.locator('#status', { hasText: 'That key was not accepted.' }).waitFor();

    expect(neither).toBe('This key opens neither view (it needs analytics:read or assessments:read).');
    expect(hidden).toEqual([true, true]);
    expect(await page.isVisible('#signin')).toBe(true);
    expect(calls.filter((c) => c.path === '/v1/keys/current')).toEqual([
      { method: 'GET', path: '/v1/keys/current', status: 200 },
      { method: 'GET', path: '/v1/keys/current', status: 401 },
    ]);
    expect(calls.filter((c) => c.path.startsWith('/v1/analytics/') || c.path.startsWith('/v1/subjects/'))).toEqual([]);
    await page.close();
  });
});
