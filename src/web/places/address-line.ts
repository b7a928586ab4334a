/**
 * @module An address and its commune on one line, the commune said once: a Base Adresse Nationale label already ends
 * with its city (« 8 Rue Odebert 21000 Dijon »), and so do many typed addresses (« rue Odebert, Dijon »).
 */

/** Lower case, no accents, words only, "St"/"Ste" as "saint"/"sainte": « Saint-Apollinaire » = « ST APOLLINAIRE ». */
const fold = (text: string) =>
  ` ${text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `.replace(/ st /g, ' saint ').replace(/ ste /g, ' sainte ').trim();

/**
 * Whether `address` already ends with the commune: as the whole label, after its last comma, or after a postcode
 * (« 21000 Dijon »). « 1 rue de Plombières-lès-Dijon » does not name Dijon: the commune must stand apart.
 */
export function namesCommune(address: string, commune: string): boolean {
  const c = fold(commune);
  if (c === '') return false;
  const tails = [address, address.slice(address.lastIndexOf(',') + 1), /\b\d{5}\s+([^,\d]+)$/.exec(address)?.[1] ?? ''];
  return tails.some((tail) => fold(tail) === c);
}

/**
 * « rue Odebert, Dijon » for an address and its commune, without saying the commune twice; either may be missing.
 * @example addressLine('8 Rue Odebert 21000 Dijon', 'Dijon') // '8 Rue Odebert 21000 Dijon'
 */
export function addressLine(address: string | null | undefined, commune: string | null | undefined): string {
  const a = address?.trim() ?? '';
  const c = commune?.trim() ?? '';
  if (!a || !c) return a || c;
  return namesCommune(a, c) ? a : `${a}, ${c}`;
}
