// @vitest-environment node
/**
 * @module The optional mark is said once: the field component adds `form.optionalMark` to an optional field's label,
 * so no label in any dictionary carries it (dictionaries.test.ts checks the words, this the component).
 */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { TextField } from '../core/fields.tsx';
import type { FormState } from '../core/use-form.ts';
import { checkInsFr } from './check-ins-fr.ts';
import { fr } from './fr.ts';

const form: FormState = { errors: {}, formError: '', busy: false, fieldId: (name) => `f-${name}`, submit: () => undefined, clear: () => undefined };
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
const labelOf = (html: string) => textOf(/<label[^>]*>([\s\S]*?)<\/label>/.exec(html)?.[1] ?? '');

describe('an optional field', () => {
  it('carries the mark once, after its label, and is not required', () => {
    const html = renderToString(<TextField form={form} name="note" label={checkInsFr['referent.note']} value="" onValue={() => undefined} optional />);
    expect(labelOf(html)).toBe(`Note pour les autres ${fr['form.optionalMark']}`);
    expect(html.split('(facultatif)')).toHaveLength(2);
    expect(html).not.toMatch(/\brequired\b/);
  });

  it('a required field carries no mark', () => {
    const html = renderToString(<TextField form={form} name="deadline" label={checkInsFr['enrol.deadline']} value="" onValue={() => undefined} />);
    expect(labelOf(html)).toBe(checkInsFr['enrol.deadline']);
    expect(html).toMatch(/\brequired\b/);
  });
});
