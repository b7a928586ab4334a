/** @module The one text rule for input: no control character and no lone UTF-16 surrogate in any string. */

// C0 controls except tab, line feed and carriage return (multi-line text keeps those), DEL and the C1 block.
// NUL cannot be stored by PostgreSQL text; the others are invisible and only serve to spoof or break output.
// eslint-disable-next-line no-control-regex -- finding control characters is this rule's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Half of a surrogate pair cannot be encoded in UTF-8: PostgreSQL refuses it in json and text would store U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a piece of text, or null when it may be stored. */
export function textProblem(value: string): string | null {
  if (CONTROL.test(value)) return 'must not contain a control character (NUL, escape, …)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (no lone surrogate)';
  return null;
}

/** The JSON pointer and problem of the first string (value or object key) in `value` that breaks the rule. */
export function findTextProblem(value: unknown, pointer = ''): { pointer: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem === null ? null : { pointer, problem };
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    // A bad name is reported on its object, so the answer never echoes the bad text back.
    const keyProblem = textProblem(key);
    if (keyProblem !== null) return { pointer, problem: `has a field name that ${keyProblem}` };
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const found = findTextProblem(item, at);
    if (found !== null) return found;
  }
  return null;
}
