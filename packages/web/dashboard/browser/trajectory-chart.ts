import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface TrajectoryPoint {
  administeredOn: string;
  scores: Record<string, number | null>;
  stage: string | null;
  transition: { from: string; to: string; direction: string; relapseSignal: boolean } | null;
}

const STAGE_COLOURS: Record<string, string> = {
  precontemplation: '#fde0dd',
  contemplation: '#fff7bc',
  preparation: '#e5f5e0',
  action: '#c7e9c0',
  maintenance: '#9ecae1',
};

/** The accessible text of one point: also what the browser test reads back. */
export const pointLabel = (p: TrajectoryPoint, score: string) =>
  `${p.administeredOn} ${score}: ${p.scores[score] ?? 'no value'}${p.stage ? `, ${p.stage}` : ''}${
    p.transition && p.transition.direction !== 'unchanged'
      ? `, ${p.transition.relapseSignal ? 'relapse signal' : `${p.transition.direction} move`} from ${p.transition.from}`
      : ''
  }`;

/**
 * One instrument's score over time: a line through the assessments, the stage of each interval
 * as a coloured band behind it, stage moves marked (backward moves and the relapse signal in red).
 * @example await drawTrajectory(box, points, 'action', 'RCQ action score')
 */
export async function drawTrajectory(box: HTMLElement, points: TrajectoryPoint[], score: string, title: string): Promise<void> {
  const rows = points.map((p, i) => ({
    day: p.administeredOn,
    next: points[i + 1]?.administeredOn ?? p.administeredOn,
    value: p.scores[score] ?? null,
    stage: p.stage ?? 'not staged',
    move:
      p.transition && p.transition.direction !== 'unchanged' ? (p.transition.relapseSignal ? 'relapse' : p.transition.direction) : 'none',
    label: pointLabel(p, score),
  }));
  const x = { field: 'day', type: 'temporal' as const, title: null };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 200,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.stage !== 'not staged'" }],
        mark: { type: 'rect', opacity: 0.7 },
        encoding: {
          x,
          x2: { field: 'next' },
          color: {
            field: 'stage',
            type: 'nominal',
            title: 'stage',
            scale: { domain: Object.keys(STAGE_COLOURS), range: Object.values(STAGE_COLOURS) },
            legend: { orient: 'bottom' },
          },
        },
      },
      {
        mark: { type: 'line', point: false, color: '#1f4e79' },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: score } },
      },
      {
        mark: { type: 'point', filled: true, size: 70, color: '#1f4e79' },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, tooltip: { field: 'label' }, description: { field: 'label' } },
      },
      {
        transform: [{ filter: "datum.move !== 'none'" }],
        mark: { type: 'rule', strokeWidth: 2, strokeDash: [4, 2] },
        encoding: {
          x,
          color: { value: '#2e7d32', condition: { test: "datum.move !== 'forward'", value: '#c62828' } },
          tooltip: { field: 'label' },
          description: { field: 'label' },
        },
      },
      {
        transform: [{ filter: "datum.move !== 'none'" }],
        mark: { type: 'text', dy: -6, fontWeight: 'bold', baseline: 'bottom' },
        encoding: {
          x,
          y: { value: 10 },
          text: { field: 'move' },
          color: { value: '#2e7d32', condition: { test: "datum.move !== 'forward'", value: '#c62828' } },
        },
      },
    ],
  } as TopLevelSpec;
  const runtime = parse(compile(spec).spec, undefined, { ast: true });
  const view = new View(runtime, { expr: expressionInterpreter, renderer: 'svg', container: box, hover: true });
  await view.runAsync();
  const svg = box.querySelector('svg');
  svg?.setAttribute('role', 'img');
  svg?.setAttribute('aria-label', title);
}
