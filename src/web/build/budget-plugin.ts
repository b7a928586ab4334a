/** @module Vite plugin that prints the gzipped JavaScript of the initial route and fails the build above budget. */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { formatKilobytes, measureBudget, type BudgetChunk } from './budget.ts';

/**
 * Most JavaScript the first page may ship, gzipped. 100 KB keeps a first visit on a slow 3G link
 * (~400 kbit/s) around two seconds of download, which the brief's "old phone, slow network" asks for.
 */
export const INITIAL_ROUTE_BUDGET_BYTES = 100 * 1024;

const gzipSize = (code: string): number => gzipSync(code, { level: 9 }).length;

/**
 * The first page is the territory home, so its lazy chunk counts toward the initial route. Its map
 * (MapLibre, ~240 KB) is requested only after the page has rendered its figures and table, and is
 * reported as a deferred chunk.
 */
const FIRST_PAGE = /territories\/territory-home-page\.tsx$/;

/** Measures the bundle after it is written; throws (failing `vite build`) when over budget. */
export function checkBudget(budgetBytes = INITIAL_ROUTE_BUDGET_BYTES): Plugin {
  return {
    name: 'maille:budget',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = new Map<string, BudgetChunk>();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunks.set(output.fileName, output);
      }
      const report = measureBudget(chunks, gzipSize, FIRST_PAGE);
      const budget = formatKilobytes(budgetBytes).replace('.0 ', ' ');
      const line = `initial route JavaScript: ${formatKilobytes(report.initialBytes)} gzipped (budget ${budget})`;
      console.log(line);
      console.log(`  initial chunks: ${report.initialFiles.join(', ')}`);
      for (const chunk of report.lazy) {
        console.log(`  deferred chunk ${chunk.fileName}: ${formatKilobytes(chunk.bytes)} gzipped`);
      }
      if (report.initialBytes > budgetBytes) {
        throw new Error(`JavaScript budget exceeded: ${line}`);
      }
    },
  };
}
