import { api, send, session } from './api';
import { instrumentOutcome, type Outcome } from './catalog';
import { drawChart } from './charts';
import { type Aggregates, outcomeCharts } from './outcomes';
import { drawTrajectory, type TrajectoryPoint } from './trajectory-chart';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const month = (d: Date) => d.toISOString().slice(0, 7);
const shift = (m: string, delta: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

function status(text: string) {
  $('#status').textContent = text;
}

/** What `GET /v1/keys/current` says of the key the page signed in with. */
interface CurrentKey {
  scopes: string[];
}

/**
 * Which views the key opens, from what the API says of the key (`GET /v1/keys/current`): the
 * outcomes need analytics:read, a client's trajectory assessments:read. A view the key does not
 * open is never asked for. The catalog and the instrument's outcome are fetched alongside.
 */
async function showSignedIn() {
  const select = $<HTMLSelectElement>('select[name=instrument]');
  if (select.options.length === 0) {
    select.add(new Option('URICA', 'urica'));
    const to = month(new Date());
    $<HTMLInputElement>('input[name=to]').value = to;
    $<HTMLInputElement>('input[name=from]').value = shift(to, -11);
  }
  try {
    // why: started with the rest so that the charts need not wait for it afterwards.
    const outcome = instrumentOutcome(select.value).catch(() => undefined);
    const [key, list] = await Promise.all([
      api<CurrentKey>('/v1/keys/current'),
      api<{ items: { id: string; title: string }[] }>('/v1/instruments'),
    ]);
    const outcomes = key.scopes.includes('analytics:read');
    const clients = key.scopes.includes('assessments:read');
    $('#signin').hidden = true;
    $('#signout').hidden = false;
    $('#outcomes').hidden = !outcomes;
    $('#trajectory').hidden = !clients;
    if (!outcomes && !clients) status('This key opens neither view (it needs analytics:read or assessments:read).');
    if (select.options.length === 1) {
      const chosen = select.value;
      select.replaceChildren(...list.items.map((i) => new Option(i.title, i.id)));
      select.value = chosen;
    }
    if (outcomes) await drawOutcomes(undefined, await outcome);
  } catch {
    session.signOut();
    status('That key was not accepted.');
    showSignedOut();
  }
}

function showSignedOut() {
  $('#signin').hidden = false;
  $('#signout').hidden = true;
  $('#outcomes').hidden = true;
  $('#trajectory').hidden = true;
  $('#charts').replaceChildren();
  $('#lines').replaceChildren();
}

function query() {
  const q = new URLSearchParams({
    instrument: $<HTMLSelectElement>('select[name=instrument]').value,
    from: $<HTMLInputElement>('input[name=from]').value,
    to: $<HTMLInputElement>('input[name=to]').value,
    groupBy: $<HTMLSelectElement>('select[name=groupBy]').value,
  });
  return q;
}

async function drawOutcomes(loaded?: Aggregates, outcome?: Outcome) {
  const box = $('#charts');
  status('Loading outcomes…');
  try {
    const [a, o] = await Promise.all([
      loaded ?? api<Aggregates>(`/v1/analytics/aggregates?${query()}`),
      outcome ?? instrumentOutcome(query().get('instrument')!),
    ]);
    box.replaceChildren();
    delete box.dataset['drawn'];
    await Promise.all(outcomeCharts(a, o).map((chart) => drawChart(box, chart)));
    box.dataset['drawn'] = String(performance.now());
    status('');
  } catch (error) {
    status(error instanceof Error ? error.message : 'The outcomes could not be loaded.');
  }
}

/**
 * Rows per export page: the progress moves every few hundred rows, and a clinic's year of one
 * instrument is still a handful of requests (each page is audited, docs/privacy.md).
 */
const EXPORT_PAGE = 100;

/** Downloads the de-identified CSV export of the selection, page by page (Export-Next-Cursor). */
async function exportCsv() {
  const q = query();
  const params = new URLSearchParams({ instrument: q.get('instrument')!, format: 'csv', limit: String(EXPORT_PAGE) });
  params.set('from', `${q.get('from')}-01`);
  const [y, m] = (q.get('to') ?? '').split('-').map(Number);
  params.set('to', new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10));
  const parts: string[] = [];
  let pages = 0;
  const progress = $('#export-progress');
  for (let cursor: string | null = null; ; ) {
    if (cursor) params.set('cursor', cursor);
    const res = await send(`/v1/analytics/export?${params}`);
    parts.push(await res.text());
    pages += 1;
    progress.textContent = `${pages} page${pages === 1 ? '' : 's'}, ${parts.join('').split('\n').length - 2} rows…`;
    cursor = res.headers.get('export-next-cursor');
    if (!cursor) break;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(parts, { type: 'text/csv' }));
  link.download = `${q.get('instrument')}-export.csv`;
  link.click();
  progress.textContent = `Done: ${pages} page${pages === 1 ? '' : 's'}, ${parts.join('').split('\n').length - 2} rows.`;
}

interface Trajectory {
  instruments: {
    instrument: string;
    points: TrajectoryPoint[];
    summary: { latestStage: string | null; relapseSignal: boolean; backwardMoves: number; guidance: { prompt: string }[] };
  }[];
}

async function showTrajectory(ref: string) {
  const box = $('#lines');
  box.replaceChildren();
  delete box.dataset['drawn'];
  status('Looking the client up…');
  try {
    // The ref goes in the body: URLs end up in logs.
    const found = await api<{ subjectId: string; items: { instrument: { id: string }; guidance: { prompt: string }[] }[] }>(
      '/v1/subjects/search',
      { method: 'POST', body: { ref, limit: 100 } },
    );
    if (found.items.length === 0) {
      status('No assessments for this client.');
      return;
    }
    const t = await api<Trajectory>(`/v1/subjects/${encodeURIComponent(found.subjectId)}/trajectory`);
    const outcomes = await Promise.all(t.instruments.map((it) => instrumentOutcome(it.instrument)));
    for (const [i, it] of t.instruments.entries()) {
      const section = box.appendChild(document.createElement('section'));
      section.className = 'instrument';
      section.dataset['instrument'] = it.instrument;
      const score = outcomes[i]!.score;
      section.appendChild(document.createElement('h3')).textContent = it.instrument;
      const plot = section.appendChild(document.createElement('div'));
      plot.className = 'plot';
      const side = section.appendChild(document.createElement('aside'));
      const flag = side.appendChild(document.createElement('p'));
      flag.className = it.summary.relapseSignal || it.summary.backwardMoves > 0 ? 'flag backward' : 'flag';
      flag.textContent = it.summary.relapseSignal
        ? 'Relapse signal: moved back out of maintenance.'
        : it.summary.backwardMoves > 0
          ? `Moved back ${it.summary.backwardMoves} time${it.summary.backwardMoves === 1 ? '' : 's'}; latest stage ${it.summary.latestStage}.`
          : `Latest stage: ${it.summary.latestStage ?? 'not staged'}.`;
      const latest = found.items.find((a) => a.instrument.id === it.instrument);
      const prompts = [...it.summary.guidance, ...(latest?.guidance ?? [])].slice(0, 4);
      side.appendChild(document.createElement('h4')).textContent = 'Latest guidance';
      const list = side.appendChild(document.createElement('ul'));
      for (const g of prompts) list.appendChild(document.createElement('li')).textContent = g.prompt;
      await drawTrajectory(plot, it.points, score, `${it.instrument} ${score} over time with stage bands`);
    }
    box.dataset['drawn'] = String(performance.now());
    status('');
  } catch (error) {
    status(error instanceof Error ? error.message : 'The trajectory could not be loaded.');
  }
}

$('#signin').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('input[name=apiKey]');
  session.signIn(input.value.trim());
  input.value = '';
  void showSignedIn();
});
$('#signout').addEventListener('click', () => {
  session.signOut();
  showSignedOut();
  status('Signed out.');
});
$('#outcome-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void drawOutcomes();
});
$('#export').addEventListener('click', () => {
  exportCsv().catch((error: unknown) => {
    $('#export-progress').textContent = error instanceof Error ? error.message : 'The export failed.';
  });
});
$('#trajectory-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('input[name=ref]');
  void showTrajectory(input.value.trim());
});
if (session.key()) void showSignedIn();
else showSignedOut();
