// @vitest-environment node
/** @module Unit tests of the initial-route budget arithmetic. */
import { describe, expect, it } from 'vitest';
import { collectInitialChunks, formatKilobytes, measureBudget, type BudgetChunk } from './budget.ts';

function chunk(fileName: string, code: string, imports: string[] = [], isEntry = false): BudgetChunk {
  return { fileName, code, imports, isEntry };
}

const bundle = new Map<string, BudgetChunk>(
  [
    chunk('index.js', 'aaaa', ['preact.js'], true),
    chunk('preact.js', 'bb', ['shared.js']),
    chunk('shared.js', 'c'),
    chunk('home.js', 'dddddd', ['shared.js']),
    chunk('map.js', 'eeeeeeeeee', ['shared.js']),
  ].map((c) => [c.fileName, c]),
);

describe('collectInitialChunks', () => {
  it('follows static imports transitively from the entry, not lazy chunks', () => {
    expect(collectInitialChunks(bundle)).toEqual(['index.js', 'preact.js', 'shared.js']);
  });

  it('counts the first page a visit lands on, with what it imports statically', () => {
    const withHome = new Map([...bundle].map(([k, c]) => [k, k === 'home.js' ? { ...c, facadeModuleId: '/src/web/home-page.tsx' } : c]));
    expect(collectInitialChunks(withHome, /home-page\.tsx$/)).toEqual(['home.js', 'index.js', 'preact.js', 'shared.js']);
  });

  it('survives import cycles and unknown files', () => {
    const cyclic = new Map<string, BudgetChunk>([
      ['a.js', chunk('a.js', '', ['b.js', 'missing.js'], true)],
      ['b.js', chunk('b.js', '', ['a.js'])],
    ]);
    expect(collectInitialChunks(cyclic)).toEqual(['a.js', 'b.js']);
  });
});

describe('measureBudget', () => {
  it('sums the initial chunks and lists lazy ones, heaviest first', () => {
    const report = measureBudget(bundle, (code) => code.length);
    expect(report.initialBytes).toBe(7);
    expect(report.lazy).toEqual([
      { fileName: 'map.js', bytes: 10 },
      { fileName: 'home.js', bytes: 6 },
    ]);
  });
});

describe('formatKilobytes', () => {
  it('prints one decimal in KiB', () => {
    expect(formatKilobytes(23_962)).toBe('23.4 KB');
  });
});
