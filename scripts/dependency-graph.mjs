// Draws Maille's folder-level dependency picture from what dependency-cruiser finds under the rules of
// .dependency-cruiser.cjs, and writes it to docs/dependencies.md (a Mermaid chart and the layer table).
// `npm run deps:graph` writes it; `npm run deps:graph -- --check` fails when the committed picture is out of date
// (test/dependency-rules.test.ts does the same with the cruise it already ran).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const GRAPH_FILE = fileURLToPath(new URL('../docs/dependencies.md', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url));

/** Runs dependency-cruiser over `src` with the project's rules; resolves to its JSON result. */
export async function cruise(cwd = ROOT, config = `${ROOT}/.dependency-cruiser.cjs`) {
  const run = promisify(execFile);
  const args = [CLI, 'src', '--config', config, '--output-type', 'json'];
  // The command exits non-zero when rules are broken; its JSON still says which.
  const { stdout } = await run(process.execPath, args, { cwd, maxBuffer: 256 * 1024 * 1024 }).catch((error) => {
    if (typeof error.stdout === 'string' && error.stdout.startsWith('{')) return error;
    throw error;
  });
  return JSON.parse(stdout);
}

/** The folder a source file counts in: core, a capability, the composition root, the web app or the CLI. */
export function folderOf(source) {
  const server = /^src\/server\/([^/]+)\//.exec(source);
  if (server) return server[1];
  if (/^src\/server\/[^/]+\.ts$/.test(source)) return 'composition root';
  const other = /^src\/(web|cli)\//.exec(source);
  return other ? other[1] : null;
}

/** Folder → the folders it imports (type-only imports included), from a cruise result. */
export function folderGraph(result) {
  const graph = new Map();
  for (const module of result.modules) {
    const from = folderOf(module.source);
    // A capability's tests may build the whole app through the composition root: the picture is of the code.
    if (!from || /\.test\.tsx?$/.test(module.source)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (to && to !== from) graph.get(from).add(to);
    }
  }
  return graph;
}

/** Each folder's layer: 0 for one that imports nothing, else one above the highest folder it imports. */
export function layers(graph) {
  const layer = new Map();
  const visit = (folder, path) => {
    if (layer.has(folder)) return layer.get(folder);
    if (path.has(folder)) throw new Error(`dependency cycle through ${[...path, folder].join(' → ')}`);
    path.add(folder);
    let level = 0;
    for (const to of graph.get(folder) ?? []) level = Math.max(level, visit(to, path) + 1);
    path.delete(folder);
    layer.set(folder, level);
    return level;
  };
  for (const folder of graph.keys()) visit(folder, new Set());
  return layer;
}

/** The arrows not implied by others (a → c is left out when a → b → … → c): what the picture draws. */
function reduction(graph) {
  const reach = (from, skip) => {
    const seen = new Set();
    const stack = [...(graph.get(from) ?? [])].filter((to) => to !== skip);
    while (stack.length) {
      const next = stack.pop();
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
    return seen;
  };
  const kept = [];
  for (const [from, tos] of graph) for (const to of tos) if (!reach(from, to).has(to)) kept.push([from, to]);
  return kept.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

const id = (folder) => folder.replace(/[^a-z]/g, '_');

/** docs/dependencies.md, from a cruise result. */
export function render(result) {
  const graph = folderGraph(result);
  const layer = layers(graph);
  const byLayer = [...graph.keys()].sort((a, b) => layer.get(a) - layer.get(b) || a.localeCompare(b));
  const lines = [
    '# Dependencies between folders',
    '',
    '<!-- Written by `npm run deps:graph` from dependency-cruiser\'s graph; test/dependency-rules.test.ts fails when it is out of date. -->',
    '',
    `The folders of \`src/\` and what they import (type-only imports included), as \`npm run check:deps\` sees them under`,
    'the rules of `.dependency-cruiser.cjs` (`docs/architecture.md`, "Layers"). An arrow points from a folder to one it',
    'imports (tests left out); arrows implied by others are left out of the chart, and the table lists them all. Layer 0',
    'imports nothing; every other folder sits one layer above the highest it imports, so every arrow points down.',
    '',
    '```mermaid',
    'flowchart TB',
    ...byLayer.map((folder) => `  ${id(folder)}["${folder} (${layer.get(folder)})"]`),
    ...reduction(graph).map(([from, to]) => `  ${id(from)} --> ${id(to)}`),
    '```',
    '',
    '| layer | folder | imports |',
    '|---|---|---|',
    ...byLayer.map((folder) => `| ${layer.get(folder)} | \`${folder}\` | ${[...graph.get(folder)].sort((a, b) => layer.get(a) - layer.get(b) || a.localeCompare(b)).join(', ') || '—'} |`),
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = render(await cruise());
  if (process.argv.includes('--check')) {
    const committed = await readFile(GRAPH_FILE, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error('docs/dependencies.md is out of date: run `npm run deps:graph`.');
      process.exit(1);
    }
  } else await writeFile(GRAPH_FILE, text);
}
