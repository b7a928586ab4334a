// Keeps every capability's public entry (src/server/<capability>/index.ts) in step with what others import: rewrites
// each import that crosses into another capability to go through its index.ts, and writes each index.ts with exactly
// the names imported from it. `npm run entries` (prints only) / `npm run entries -- --write`.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const SERVER = path.join(root, 'src/server');
const write = process.argv.includes('--write');
const caps = fs.readdirSync(SERVER, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'core').map((d) => d.name);

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}
const files = [...walk(SERVER), ...walk(path.join(root, 'src/cli'))];
const capOf = (abs) => {
  const rel = path.relative(SERVER, abs);
  if (rel.startsWith('..')) return abs.includes('/src/cli/') ? 'cli' : null;
  const first = rel.split(path.sep)[0];
  return rel.includes(path.sep) ? first : 'root';
};

/** Names each module of a capability declares (re-exports left out, so a name belongs to the file that defines it). */
const declared = new Map(); // cap -> Map(name -> fileKey)
function declarations(cap) {
  if (declared.has(cap)) return declared.get(cap);
  const out = new Map();
  for (const file of walk(path.join(SERVER, cap))) {
    const rel = './' + path.relative(path.join(SERVER, cap), file).split(path.sep).join('/');
    if (rel === './index.ts' || /\.test\.tsx?$|test-fixtures\.ts$/.test(rel)) continue;
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported && ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) out.set(d.name.getText(sf), rel);
      else if (exported && st.name) out.set(st.name.text, rel);
      else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause))
        for (const el of st.exportClause.elements) out.set(el.name.text, rel);
    }
  }
  declared.set(cap, out);
  return out;
}
function declaringFile(cap, name) {
  const file = declarations(cap).get(name);
  if (!file) problems.push(`${cap}/index.ts: nothing in ${cap} declares ${name}`);
  return file ?? './index.ts';
}
/** The file an `export * as name` of the current index.ts stands for, if any. */
function namespaceFile(cap, name) {
  const index = path.join(SERVER, cap, 'index.ts');
  if (!fs.existsSync(index)) return null;
  const m = fs.readFileSync(index, 'utf8').match(new RegExp(`export \\* as ${name} from '([^']+)'`));
  return m ? m[1] : null;
}
const needs = new Map(); // cap -> Map(file -> Map(name -> {value:boolean}))
const namespaces = new Map(); // cap -> Map(file -> alias)
const edits = new Map(); // file -> [{start,end,text}]
const problems = [];

for (const file of files) {
  const from = capOf(file);
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  for (const st of sf.statements) {
    const isImp = ts.isImportDeclaration(st);
    const isExp = ts.isExportDeclaration(st) && st.moduleSpecifier;
    if (!isImp && !isExp) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec);
    const to = capOf(target);
    if (!to || to === 'root' || to === 'cli' || to === from || !caps.includes(to)) continue;
    const targetRel = path.relative(path.join(SERVER, to), target); // e.g. routes.ts
    // Test fixtures are for tests, imported directly: a public entry never pulls test support into the app.
    if (/test-fixtures\.ts$/.test(targetRel)) continue;
    const viaEntry = targetRel === 'index.ts';
    if (!needs.has(to)) needs.set(to, new Map());
    const m = needs.get(to);
    /** The file of the capability a name comes from: the import's own target, or (through index.ts) its declaring file. */
    const names = { set(name, v) { const key = viaEntry ? declaringFile(to, name) : './' + targetRel.split(path.sep).join('/'); if (!m.has(key)) m.set(key, new Map()); m.get(key).set(name, v); },
      get(name) { const key = viaEntry ? declaringFile(to, name) : './' + targetRel.split(path.sep).join('/'); return m.get(key)?.get(name); } };
    const fileKey = viaEntry ? null : './' + targetRel.split(path.sep).join('/');
    const declType = isImp ? !!st.importClause?.isTypeOnly : st.isTypeOnly;
    const indexSpec = path.relative(path.dirname(file), path.join(SERVER, to, 'index.ts')).split(path.sep).join('/');
    const newSpec = indexSpec.startsWith('.') ? indexSpec : './' + indexSpec;
    if (isImp) {
      const clause = st.importClause;
      if (!clause) { problems.push(`side-effect import ${file} ${spec}`); continue; }
      if (clause.name) problems.push(`default import ${file} ${spec}`);
      const nb = clause.namedBindings;
      if (nb && ts.isNamedImports(nb) && viaEntry) {
        for (const el of nb.elements) {
          const name = (el.propertyName ?? el.name).text;
          const ns = namespaceFile(to, name);
          if (ns) { if (!namespaces.has(to)) namespaces.set(to, new Map()); namespaces.get(to).set(ns, name); }
        }
      }
      if (nb && ts.isNamespaceImport(nb)) {
        const alias = to.replace(/-(\w)/g, (_, c) => c.toUpperCase()) + path.basename(targetRel, '.ts').replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
        if (!namespaces.has(to)) namespaces.set(to, new Map());
        namespaces.get(to).set(fileKey, alias);
        const kw = declType ? 'import type' : 'import';
        const txt = `${kw} { ${alias} as ${nb.name.text} } from '${newSpec}';`;
        (edits.get(file) ?? edits.set(file, []).get(file)).push({ start: st.getStart(sf), end: st.getEnd(), text: txt });
        continue;
      }
      if (nb) for (const el of nb.elements) {
        const name = (el.propertyName ?? el.name).text;
        if (viaEntry && namespaceFile(to, name)) continue;
        const isType = declType || el.isTypeOnly;
        const cur = names.get(name) ?? { value: false };
        if (!isType) cur.value = true;
        names.set(name, cur);
      }
    } else {
      const ec = st.exportClause;
      if (!ec || !ts.isNamedExports(ec)) { problems.push(`export * ${file} ${spec}`); continue; }
      for (const el of ec.elements) {
        const name = (el.propertyName ?? el.name).text;
        const isType = declType || el.isTypeOnly;
        const cur = names.get(name) ?? { value: false };
        if (!isType) cur.value = true;
        names.set(name, cur);
      }
    }
    if (viaEntry) continue;
    // replace only the specifier
    const ms = st.moduleSpecifier;
    (edits.get(file) ?? edits.set(file, []).get(file)).push({ start: ms.getStart(sf), end: ms.getEnd(), text: `'${newSpec}'` });
  }
}

// index files
const indexes = new Map();
for (const cap of caps) {
  const m = needs.get(cap) ?? new Map();
  const ns = namespaces.get(cap) ?? new Map();
  const seen = new Map();
  const lines = [];
  for (const fileKey of [...new Set([...m.keys(), ...ns.keys()])].sort()) {
    const names = m.get(fileKey) ?? new Map();
    const values = [...names].filter(([, v]) => v.value).map(([n]) => n).sort();
    const types = [...names].filter(([, v]) => !v.value).map(([n]) => n).sort();
    for (const n of [...values, ...types]) {
      if (seen.has(n) && seen.get(n) !== fileKey) problems.push(`name clash in ${cap}: ${n} from ${seen.get(n)} and ${fileKey}`);
      seen.set(n, fileKey);
    }
    if (ns.has(fileKey)) lines.push(`export * as ${ns.get(fileKey)} from '${fileKey}';`);
    if (values.length) lines.push(`export { ${values.join(', ')} } from '${fileKey}';`);
    if (types.length) lines.push(`export type { ${types.join(', ')} } from '${fileKey}';`);
  }
  indexes.set(cap, lines);
}
for (const p of problems) console.log('PROBLEM', p);
let n = 0;
for (const es of edits.values()) n += es.length;
console.log('files to edit', edits.size, 'imports rewritten', n);
for (const [cap, lines] of indexes) console.log(cap, lines.length, 'export lines');
if (write) {
  for (const [file, es] of edits) {
    let text = fs.readFileSync(file, 'utf8');
    for (const e of es.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    fs.writeFileSync(file, text);
  }
  for (const [cap, lines] of indexes) {
    const header = `/**\n * @module The public entry of ${cap}: the only file other capabilities, the composition root and the CLI import from\n * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by \`npm run entries\`.\n */\n`;
    fs.writeFileSync(path.join(SERVER, cap, 'index.ts'), header + (lines.length ? lines.join('\n') + '\n' : 'export {};\n'));
  }
}
