// @vitest-environment node
/** @module Links inside dev mails become clickable parts, without their trailing punctuation. */
import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('finds absolute and site-relative links', () => {
    expect(linkify('Ouvrez http://127.0.0.1:3000/reinitialiser?token=abc. Merci')).toEqual([
      { text: 'Ouvrez ' },
      { text: 'http://127.0.0.1:3000/reinitialiser?token=abc', href: 'http://127.0.0.1:3000/reinitialiser?token=abc' },
      { text: '. Merci' },
    ]);
    expect(linkify('/reinitialiser?token=x')).toEqual([{ text: '/reinitialiser?token=x', href: '/reinitialiser?token=x' }]);
  });

  it('leaves text without links alone', () => {
    expect(linkify('Bonjour')).toEqual([{ text: 'Bonjour' }]);
  });
});
