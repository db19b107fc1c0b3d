import type { Outcome } from './catalog';
import type { Cell, ChartSpec } from './charts';

type Published = { value: number | null; suppressed: boolean };
interface Dist {
  total: Published;
  cells: Record<string, Published>;
}
interface Group {
  period: string;
  subjects: Published;
  assessments: Published;
  scores: Record<string, { mean: Published; sd: Published }>;
  distributions: Record<string, Dist>;
  change: { subjects: Published; outcome: Dist | null };
}
/** The part of `GET /v1/analytics/aggregates` the charts draw. */
export interface Aggregates {
  instrument: string;
  suppression: { threshold: number };
  groups: Group[];
}

const cell = (period: string, series: string, p: Published, sd?: Published): Cell => ({
  period,
  series,
  value: p.suppressed ? null : p.value,
  suppressed: p.suppressed,
  ...(sd ? { sd: sd.suppressed ? null : sd.value } : {}),
});

/**
 * The charts of one aggregates answer: every figure drawn is one the endpoint published. The
 * chart of means and the change chart follow the instrument's own outcome score.
 * @example outcomeCharts(aggregates, { score: 'action', better: 'higher' }).map((c) => c.id) // ['counts', 'dist-stage', 'mean', 'change']
 */
export function outcomeCharts(a: Aggregates, outcome: Outcome): ChartSpec[] {
  const why = `Suppressed: this figure rests on 1–${a.suppression.threshold} clients (fewer than ${a.suppression.threshold + 1}), or is hidden so that such a figure cannot be worked out from the others.`;
  const g = a.groups;
  const charts: ChartSpec[] = [
    {
      id: 'counts',
      title: 'Clients and assessments per period',
      description: `Bars of clients (distinct subjects) and assessments per period for ${a.instrument}; suppressed figures are drawn as grey dashed placeholders labelled suppressed.`,
      kind: 'grouped',
      why,
      cells: g.flatMap((x) => [cell(x.period, 'subjects', x.subjects), cell(x.period, 'assessments', x.assessments)]),
    },
  ];
  const paths = [...new Set(g.flatMap((x) => Object.keys(x.distributions)))];
  for (const path of paths) {
    const categories = [...new Set(g.flatMap((x) => Object.keys(x.distributions[path]?.cells ?? {})))];
    charts.push({
      id: `dist-${path}`,
      title: `Distribution of ${path} (clients, latest assessment in the period)`,
      description: `Stacked bars: clients per ${path} category (${categories.join(', ')}) per period; suppressed categories are placeholders labelled suppressed.`,
      kind: 'stacked',
      why,
      cells: g.flatMap((x) =>
        categories.map((c) => {
          const d = x.distributions[path]?.cells[c];
          return cell(x.period, c, d ?? { value: 0, suppressed: false });
        }),
      ),
    });
  }
  const { score, better } = outcome;
  charts.push({
    id: 'mean',
    title: `Mean ${score} score (the outcome; ${better} is better) with its spread (± 1 sd)`,
    description: `Points: the mean ${score} per period, with a line from mean − sd to mean + sd; suppressed means are placeholders labelled suppressed.`,
    kind: 'mean',
    why,
    cells: g.map((x) => {
      const s = x.scores[score];
      return s ? cell(x.period, score, s.mean, s.sd) : { period: x.period, series: score, value: null, suppressed: false };
    }),
  });
  charts.push({
    id: 'change',
    title: `Change from first to latest assessment (clients with two or more), by ${score}`,
    description: `Stacked bars: clients improved, unchanged and worse per period (${score}, ${better} is better); suppressed figures are placeholders labelled suppressed.`,
    kind: 'stacked',
    why,
    cells: g.flatMap((x) =>
      (['improved', 'unchanged', 'worse'] as const).map((o) =>
        cell(x.period, o, x.change.outcome?.cells[o] ?? { value: 0, suppressed: false }),
      ),
    ),
  });
  return charts;
}
