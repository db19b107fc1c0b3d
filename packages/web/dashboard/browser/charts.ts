import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

/** One figure as the chart draws it: a suppressed figure has no value and is drawn as suppressed. */
export interface Cell {
  period: string;
  series: string;
  value: number | null;
  suppressed: boolean;
  /** Spread (sd) for mean charts. */
  sd?: number | null;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** What the chart shows, in words (its ARIA description). */
  description: string;
  kind: 'grouped' | 'stacked' | 'mean';
  cells: Cell[];
  /** Why a suppressed cell is hidden (tooltip). */
  why: string;
}

const SUPPRESSED = 'suppressed';
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const words = (c: Cell) => (c.suppressed ? SUPPRESSED : c.value === null ? 'no value' : fmt(c.value));

/** The accessible text of one mark: also what the browser test reads back. */
export const markLabel = (c: Cell) =>
  `${c.period} ${c.series}: ${words(c)}${c.sd !== undefined && c.sd !== null && !c.suppressed ? ` (sd ${fmt(c.sd)})` : ''}`;

function vegaLite(chart: ChartSpec): TopLevelSpec {
  const rows = chart.cells.map((c) => ({ ...c, label: markLabel(c), tip: c.suppressed ? chart.why : markLabel(c) }));
  const max = Math.max(1, ...rows.map((r) => (r.value ?? 0) + (r.sd ?? 0)));
  // why: the placeholders' layer has other rows; a shared domain keeps the periods in calendar order.
  const x = { field: 'period', type: 'ordinal' as const, title: null, scale: { domain: [...new Set(chart.cells.map((c) => c.period))] } };
  const color = { field: 'series', type: 'nominal' as const, title: null, legend: { orient: 'bottom' as const } };
  const shown = { filter: 'datum.suppressed === false && datum.value !== null' };
  const hidden = { filter: 'datum.suppressed === true' };
  const placeholder = {
    transform: [hidden, { calculate: String(max), as: 'top' }],
    layer: [
      {
        mark: { type: 'bar' as const, fill: '#eee', stroke: '#888', strokeDash: [3, 3], opacity: 0.8 },
        encoding: {
          x,
          ...(chart.kind === 'grouped' ? { xOffset: { field: 'series' } } : {}),
          y: { field: 'top', type: 'quantitative' as const },
          tooltip: { field: 'tip' },
          description: { field: 'label' },
        },
      },
      {
        mark: { type: 'text' as const, angle: 270, align: 'left' as const, dx: 0, fontSize: 10, fill: '#555' },
        encoding: {
          x,
          ...(chart.kind === 'grouped' ? { xOffset: { field: 'series' } } : {}),
          y: { datum: 0, type: 'quantitative' as const },
          text: { value: 'fewer than 11 / suppressed' },
          description: { field: 'label' },
        },
      },
    ],
  };
  const bars = {
    transform: [shown],
    mark: { type: 'bar' as const },
    encoding: {
      x,
      ...(chart.kind === 'grouped' ? { xOffset: { field: 'series' } } : {}),
      y: { field: 'value', type: 'quantitative' as const, title: null, ...(chart.kind === 'stacked' ? { stack: 'zero' as const } : {}) },
      color,
      tooltip: { field: 'tip' },
      description: { field: 'label' },
    },
  };
  const mean = {
    transform: [shown, { calculate: 'datum.value - (datum.sd || 0)', as: 'lo' }, { calculate: 'datum.value + (datum.sd || 0)', as: 'hi' }],
    layer: [
      {
        mark: { type: 'rule' as const },
        encoding: { x, y: { field: 'lo', type: 'quantitative' as const, title: null }, y2: { field: 'hi' } },
      },
      {
        mark: { type: 'point' as const, filled: true, size: 60 },
        encoding: { x, y: { field: 'value', type: 'quantitative' as const }, tooltip: { field: 'tip' }, description: { field: 'label' } },
      },
    ],
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 180,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values: rows },
    layer: [chart.kind === 'mean' ? mean : bars, placeholder],
  } as TopLevelSpec;
}

/** A table with the chart's figures (its fallback): a suppressed figure reads "suppressed". */
function table(chart: ChartSpec): HTMLTableElement {
  const periods = [...new Set(chart.cells.map((c) => c.period))];
  const series = [...new Set(chart.cells.map((c) => c.series))];
  const el = document.createElement('table');
  el.dataset['chart'] = chart.id;
  const head = el.createTHead().insertRow();
  for (const text of ['period', ...series]) head.appendChild(document.createElement('th')).textContent = text;
  const body = el.createTBody();
  for (const period of periods) {
    const row = body.insertRow();
    row.appendChild(document.createElement('th')).textContent = period;
    for (const s of series) {
      const c = chart.cells.find((x) => x.period === period && x.series === s);
      const td = row.insertCell();
      td.textContent = c ? words(c) + (c.sd !== undefined && c.sd !== null && !c.suppressed ? ` ± ${fmt(c.sd)}` : '') : '—';
      if (c?.suppressed) td.title = chart.why;
    }
  }
  return el;
}

/**
 * Draws a chart as SVG into a new figure in `parent` (Vega with the expression interpreter: no
 * `eval`, so the page's CSP needs no 'unsafe-eval'), with its table fallback and description.
 * @example await drawChart(main, { id: 'counts', title: 'Subjects', … })
 */
export async function drawChart(parent: HTMLElement, chart: ChartSpec): Promise<void> {
  const figure = parent.appendChild(document.createElement('figure'));
  figure.className = 'chart';
  figure.dataset['chart'] = chart.id;
  const caption = figure.appendChild(document.createElement('figcaption'));
  caption.textContent = chart.title;
  const desc = figure.appendChild(document.createElement('p'));
  desc.id = `desc-${chart.id}`;
  desc.className = 'desc';
  desc.textContent = chart.description;
  const box = figure.appendChild(document.createElement('div'));
  box.className = 'plot';
  const details = figure.appendChild(document.createElement('details'));
  details.appendChild(document.createElement('summary')).textContent = 'Table';
  details.appendChild(table(chart));
  const runtime = parse(compile(vegaLite(chart)).spec, undefined, { ast: true });
  const view = new View(runtime, { expr: expressionInterpreter, renderer: 'svg', container: box, hover: true });
  await view.runAsync();
  const svg = box.querySelector('svg');
  svg?.setAttribute('role', 'img');
  svg?.setAttribute('aria-label', chart.title);
  svg?.setAttribute('aria-describedby', desc.id);
}
