// Addresses with their commune, as Base Adresse Nationale labels and typed addresses read: the commune said once.
import { describe, expect, it } from 'vitest';
import { addressLine, namesCommune } from './address-line.ts';

describe('an address line', () => {
  it('does not repeat the commune a BAN label already ends with', () => {
    // properties.label of the BAN's housenumber, street and municipality results.
    expect(addressLine('8 Rue Odebert 21000 Dijon', 'Dijon')).toBe('8 Rue Odebert 21000 Dijon');
    expect(addressLine('Rue Odebert 21000 Dijon', 'Dijon')).toBe('Rue Odebert 21000 Dijon');
    expect(addressLine('Dijon', 'Dijon')).toBe('Dijon');
    expect(addressLine('2 Rue des Vignes 21850 Saint-Apollinaire', 'Saint-Apollinaire')).toBe('2 Rue des Vignes 21850 Saint-Apollinaire');
    expect(addressLine('2 Rue des Vignes 21850 St Apollinaire', 'Saint-Apollinaire')).toBe('2 Rue des Vignes 21850 St Apollinaire');
  });

  it('does not repeat the commune a typed address ends with', () => {
    expect(addressLine('rue Odebert, Dijon', 'Dijon')).toBe('rue Odebert, Dijon');
    expect(addressLine('place Pierre Meunier, CHENÔVE', 'Chenôve')).toBe('place Pierre Meunier, CHENÔVE');
  });

  it('adds the commune when the address does not end with it', () => {
    expect(addressLine('rue Odebert', 'Dijon')).toBe('rue Odebert, Dijon');
    // A street named after another commune is not that commune.
    expect(addressLine('12 avenue de Talant', 'Dijon')).toBe('12 avenue de Talant, Dijon');
    expect(addressLine('Rue de Dijon', 'Talant')).toBe('Rue de Dijon, Talant');
    expect(namesCommune('1 rue de Plombières-lès-Dijon', 'Dijon')).toBe(false);
    expect(addressLine('Centre commercial, avenue de Bourgogne, Quetigny', 'Quetigny')).toBe('Centre commercial, avenue de Bourgogne, Quetigny');
  });

  it('says what it has when one part is missing', () => {
    expect(addressLine('', 'Dijon')).toBe('Dijon');
    expect(addressLine('rue Odebert', null)).toBe('rue Odebert');
    expect(addressLine(undefined, undefined)).toBe('');
  });
});
