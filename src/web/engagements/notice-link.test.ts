import { describe, expect, it } from 'vitest';
import { engagementsFr } from '../i18n/engagements-fr.ts';
import { noticeLinkKey } from './notice-link.ts';

const words = (link: string) => engagementsFr[noticeLinkKey(link)];

describe('the words on a notification link', () => {
  it('say what each kind of notice opens, not "Voir l’engagement" for all', () => {
    expect(words('/t/dijon/engagements/12')).toBe('Voir l’engagement');
    expect(words('/t/dijon/mes-engagements')).toBe('Voir mes engagements');
    expect(words('/t/dijon/entraide/mes-demandes')).toBe('Voir mes demandes d’aide');
    expect(words('/t/dijon/entraide/a-proximite')).toBe('Voir les demandes près de chez moi');
    expect(words('/t/dijon/benevolat/missions/4')).toBe('Voir la mission');
    expect(words('/t/dijon/benevolat/organisations/4')).toBe('Voir l’organisation');
    expect(words('/t/dijon/benevolat/mon-organisation')).toBe('Voir mon organisation');
    expect(words('/t/dijon/bonjour/referent')).toBe('Voir le suivi de la personne');
    expect(words('/t/dijon/bonjour/permanence')).toBe('Voir la permanence');
    expect(words('/t/dijon/bonjour')).toBe('Voir mon suivi quotidien');
    expect(words('/t/dijon/covoiturage/trajets/9')).toBe('Voir le covoiturage');
  });

  it('reads "Ouvrir" for a page it does not know, and ignores a query or fragment', () => {
    expect(words('/t/dijon/ailleurs')).toBe('Ouvrir');
    expect(words('/t/dijon/engagements/12?x=1#top')).toBe('Voir l’engagement');
    expect(words('/t/dijon/engagements/12/plus')).toBe('Ouvrir');
  });
});
