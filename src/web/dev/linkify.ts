/** @module Splits mail text into plain parts and links, so reset and invite links in dev mails are clickable. */

export type TextPart = { text: string; href?: string };

const URL_PATTERN = /(https?:\/\/[^\s<>"]+|\/(?:reinitialiser|t\/)[^\s<>"]*)/g;

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    const raw = match[0].replace(/[.,;:)]+$/, ''); // trailing punctuation belongs to the sentence
    if (index > last) parts.push({ text: text.slice(last, index) });
    parts.push({ text: raw, href: raw });
    last = index + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
