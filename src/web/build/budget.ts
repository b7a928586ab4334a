/** @module Pure budget arithmetic: which chunks the initial route loads and how heavy they are gzipped. */

/** The part of a Rollup/Rolldown output chunk the budget needs. */
export interface BudgetChunk {
  fileName: string;
  code: string;
  isEntry: boolean;
  /** Static imports only: they load with the entry. Dynamic imports load later. */
  imports: readonly string[];
  /** The source module a chunk stands for (a lazily loaded page, say). */
  facadeModuleId?: string | null;
}

export interface BudgetReport {
  initialFiles: string[];
  initialBytes: number;
  lazy: { fileName: string; bytes: number }[];
}

/**
 * The entry chunks, the chunks of `firstPage` (the page a first visit lands on, lazily loaded but
 * needed to show anything), plus every chunk they reach through static imports.
 */
export function collectInitialChunks(chunks: ReadonlyMap<string, BudgetChunk>, firstPage?: RegExp): string[] {
  const seen = new Set<string>();
  const pending = [...chunks.values()]
    .filter((chunk) => chunk.isEntry || (firstPage !== undefined && firstPage.test(chunk.facadeModuleId ?? '')))
    .map((chunk) => chunk.fileName);
  while (pending.length > 0) {
    const fileName = pending.pop() as string;
    if (seen.has(fileName)) continue;
    seen.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) {
      if (chunks.has(imported)) pending.push(imported);
    }
  }
  return [...seen].sort();
}

/** Sizes the initial route and each lazy chunk with the given gzip-size function. */
export function measureBudget(
  chunks: ReadonlyMap<string, BudgetChunk>,
  gzipSize: (code: string) => number,
  firstPage?: RegExp,
): BudgetReport {
  const initialFiles = collectInitialChunks(chunks, firstPage);
  const initial = new Set(initialFiles);
  let initialBytes = 0;
  for (const fileName of initialFiles) initialBytes += gzipSize(chunks.get(fileName)?.code ?? '');
  const lazy = [...chunks.values()]
    .filter((chunk) => !initial.has(chunk.fileName))
    .map((chunk) => ({ fileName: chunk.fileName, bytes: gzipSize(chunk.code) }))
    .sort((a, b) => b.bytes - a.bytes);
  return { initialFiles, initialBytes, lazy };
}

/** 23 456 bytes → "22.9 KB" (1 KB = 1024 bytes). */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
