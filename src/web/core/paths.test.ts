// @vitest-environment node
/** @module Route builders and the open-redirect guard on ?retour=. */
import { describe, expect, it } from 'vitest';
import { paths, safeReturnPath, territoryOfPath } from './paths.ts';

describe('safeReturnPath', () => {
  it('accepts same-site paths', () => {
    expect(safeReturnPath('/t/dijon-metropole/invitation/abc')).toBe('/t/dijon-metropole/invitation/abc');
  });

  it('rejects other sites and odd values', () => {
    for (const value of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, undefined, '/a\nb']) {
      expect(safeReturnPath(value)).toBeNull();
    }
  });
});

describe('paths', () => {
  it('builds French paths and keeps a safe return target', () => {
    expect(paths.signIn('dijon-metropole', '/t/dijon-metropole/invitation/x1')).toBe(
      '/t/dijon-metropole/connexion?retour=%2Ft%2Fdijon-metropole%2Finvitation%2Fx1',
    );
    expect(paths.signUp('dijon-metropole', '//evil.example')).toBe('/t/dijon-metropole/inscription');
    expect(paths.community('a b', '42')).toBe('/t/a%20b/communautes/42');
    expect(paths.corridor('dijon-metropole', '7')).toBe('/t/dijon-metropole/axes/7');
    expect(paths.territoryImpact('dijon-metropole')).toBe('/t/dijon-metropole/impact/territoire');
  });
});

describe('territoryOfPath', () => {
  it('reads the slug of territory pages only', () => {
    expect(territoryOfPath('/t/dijon-metropole/communautes')).toBe('dijon-metropole');
    expect(territoryOfPath('/reinitialiser')).toBeNull();
  });
});
