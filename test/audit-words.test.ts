// No audit action without words: every action code the server records (recordAudit takes only AUDIT_ACTIONS, and the
// source is scanned for the codes it passes) and every subject type an entry names has a French and an English label
// in the admins' journal (src/web/i18n/admin-fr.ts, admin-en.ts), so the log never shows a raw code.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES } from '../src/server/audit/schemas.ts';
import { SUBJECT_TYPES as REPORTABLE } from '../src/server/moderation/subjects.ts';
import { adminEn } from '../src/web/i18n/admin-en.ts';
import { adminFr } from '../src/web/i18n/admin-fr.ts';

const SERVER = path.resolve(import.meta.dirname, '../src/server');

function serverSources(dir = SERVER): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(full);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts') || entry.name.includes('test-fixtures')) return [];
    return [{ file: path.relative(SERVER, full), text: readFileSync(full, 'utf8') }];
  });
}

const sources = serverSources().filter((s) => s.file !== path.join('audit', 'schemas.ts'));
const actions = new Set<string>(AUDIT_ACTIONS);
const subjects = new Set<string>(AUDIT_SUBJECT_TYPES);
const prefixes = new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!));

/** Codes an audit call passes: `action: 'x.y'`, and `'x.y'` literals on a line naming an action (`cond ? 'a.b' : 'c.d'`). */
function recordedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of sources) {
    if (!/recordAudit|AuditAction/.test(text)) continue;
    for (const line of text.split('\n')) {
      if (!/action/i.test(line)) continue;
      for (const [, code] of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) if (prefixes.has(code!.split('.')[0]!)) found.set(code!, file);
    }
  }
  return found;
}

/** Subject types an audit call or a staff read passes as a literal. */
function recordedSubjects(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of sources) {
    if (!/recordAudit|auditStaffRead/.test(text)) continue;
    for (const [, type] of text.matchAll(/subjectType: '([a-z_]+)'/g)) found.set(type!, file);
    for (const [, type] of text.matchAll(/auditStaffRead\([^)]*\{ type: '([a-z_]+)'/g)) found.set(type!, file);
  }
  return found;
}

describe('audit words', () => {
  it('finds the codes the server records, and each is a declared action', () => {
    const found = recordedActions();
    // The scan sees the bulk of the log's actions (a broken scan would pass vacuously).
    expect(found.size).toBeGreaterThan(80);
    for (const [code, file] of found) expect(actions.has(code), `${code} (${file}) is not in AUDIT_ACTIONS`).toBe(true);
  });

  it('finds the subject types entries name, and each is declared', () => {
    const found = recordedSubjects();
    expect(found.size).toBeGreaterThan(15);
    for (const [type, file] of found) expect(subjects.has(type), `${type} (${file}) is not in AUDIT_SUBJECT_TYPES`).toBe(true);
    // Reports name their subject by a reportable type, passed as a variable.
    for (const type of REPORTABLE) expect(subjects.has(type), type).toBe(true);
  });

  it.each(['fr', 'en'] as const)('gives every action and subject type words in %s', (locale) => {
    const words: Record<string, string> = locale === 'fr' ? adminFr : adminEn;
    for (const code of AUDIT_ACTIONS) {
      const text = words[`action.${code}`];
      expect(text, `action.${code}`).toBeTruthy();
      expect(text).not.toContain(code);
      expect(text).not.toMatch(/[a-z]+_[a-z]+/); // no code-like word left in a sentence
    }
    for (const type of AUDIT_SUBJECT_TYPES) {
      const text = words[`subject.${type}`];
      expect(text, `subject.${type}`).toBeTruthy();
      expect(text).not.toContain(type.includes('_') ? type : `${type}_`);
    }
  });
});
