import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of docs/architecture.md, lowest first: a module may import its own layer and the
 * layers below it, never one above. A new top-level folder under packages/ must be placed here.
 */
const LAYERS: Record<string, number> = {
  'packages/domain': 0,
  'packages/instruments': 1,
  'packages/analytics': 2,
  'packages/store': 3,
  'packages/api': 4,
  'packages/fhir': 5,
  'packages/client': 1,
  'packages/web': 6,
  functions: 7,
  infra: 7,
};

const ROOT = resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'node_modules' || name === 'generated' ? [] : sources(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const layerOf = (path: string) => Object.keys(LAYERS).find((layer) => path === layer || path.startsWith(`${layer}/`));

const roots = ['packages', 'functions', 'infra'];
const files = roots.flatMap(sources);
const edges = files.flatMap((file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"`;]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)].map((m) => ({
    file,
    target: relative(ROOT, resolve(ROOT, dirname(file), m[1] ?? m[2]!)),
  }));
});

describe('layers', () => {
  it('places every source folder in a layer', () => {
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('finds the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual({ file: 'packages/store/port.ts', target: 'packages/domain/records' });
  });

  it('has no import that runs up the layers', () => {
    const upward = edges
      .filter(({ file, target }) => {
        const [from, to] = [layerOf(file), layerOf(target)];
        return from !== to && to !== undefined && LAYERS[to]! >= LAYERS[from!]!;
      })
      .map(({ file, target }) => `${file} → ${target}`);

    expect(upward).toEqual([]);
  });
});
