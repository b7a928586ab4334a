/** @module A voucher code spelled for screen readers: "AB12-CD34" → "A B 1 2, C D 3 4", not read as a word. */
export function spellCode(code: string): string {
  return code.split('-').map((group) => group.split('').join(' ')).join(', ');
}
