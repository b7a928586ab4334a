/** @module Voucher codes as people type them ("abcd 2345", "ABCD2345") → the code the server knows ("ABCD-2345"). */

/** Uppercases and groups 8 letters or digits as XXXX-XXXX; other codes keep their dashes. null when it cannot be a code. */
export function normalizeVoucherCode(text: string): string | null {
  const upper = text.toUpperCase().replace(/[\s\u00a0]/g, '');
  const bare = upper.replace(/[^A-Z0-9]/g, '');
  if (bare.length === 8 && /^[A-Z0-9-]+$/.test(upper)) return `${bare.slice(0, 4)}-${bare.slice(4)}`;
  return /^[A-Z0-9-]{4,32}$/.test(upper) ? upper : null;
}
