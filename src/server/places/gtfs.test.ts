// A GTFS stops.txt read strictly: quoted fields, CRLF, a byte order mark; good rows kept, bad rows named with their line
// and reason; a malformed file refused whole, naming its line. And the pure place rules the search ranks with.
import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv, readStops } from './gtfs.ts';
import { distanceM, distanceToEdgesM, foldText, matchScore } from './model.ts';

const HEADER = 'stop_id,stop_code,stop_name,stop_lat,stop_lon,location_type,parent_station';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,,3\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['1', '', '3'] },
    ]);
  });

  it('names the line of a stray or unclosed quote', () => {
    const stray = () => parseCsv('a,b\n1,2\nab"c,3\n');
    expect(stray).toThrow(CsvFormatError);
    expect(stray).toThrow(/line 3: a quote inside an unquoted field/);
    expect(() => parseCsv('a,b\n"1"x,2\n')).toThrow(/line 2: unexpected "x" after a closing quote/);
    expect(() => parseCsv('a,b\n1,2\n"open,3\n4,5\n')).toThrow(/line 3: a quoted field is never closed/);
  });
});

describe('readStops', () => {
  it('keeps stops and stations, rejects every bad row with its line and reason', () => {
    const text = [
      HEADER,
      'S1,,Gare Centre,47.3233,5.0271,1,',
      'P1,,Gare Centre quai A,47.3234,5.0272,0,S1',
      'T1,,"Darcy, quai 2",47.3225,5.0346,,',
      ',,Sans identifiant,47.30,5.00,0,',
      'T1,,Darcy encore,47.3225,5.0346,0,',
      'T2,,,47.32,5.03,0,',
      'T3,,Nulle part,abc,5.03,0,',
      'T4,,Trop au nord,91,5.03,0,',
      'E1,,Entrée,47.32,5.03,2,S1',
      'T5,,Type inconnu,47.32,5.03,9,',
      `T6,,${'x'.repeat(121)},47.32,5.03,0,`,
      'T7,,  Chenôve   Centre ,47.2925,5.0065,0,OTHER',
    ].join('\n');
    const { stops, rejected } = readStops(text);
    expect(stops).toEqual([
      { line: 2, stopId: 'S1', name: 'Gare Centre', lat: 47.3233, lon: 5.0271, station: true },
      { line: 4, stopId: 'T1', name: 'Darcy, quai 2', lat: 47.3225, lon: 5.0346, station: false },
      { line: 13, stopId: 'T7', name: 'Chenôve Centre', lat: 47.2925, lon: 5.0065, station: false },
    ]);
    expect(rejected.map((r) => [r.line, r.stopId, r.reason])).toEqual([
      [3, 'P1', 'platform_of_station'],
      [5, null, 'missing_stop_id'],
      [6, 'T1', 'duplicate_stop_id'],
      [7, 'T2', 'missing_name'],
      [8, 'T3', 'bad_coordinates'],
      [9, 'T4', 'bad_coordinates'],
      [10, 'E1', 'not_a_stop'],
      [11, 'T5', 'bad_location_type'],
      [12, 'T6', 'name_too_long'],
    ]);
    expect(rejected.find((r) => r.reason === 'duplicate_stop_id')?.detail).toBe('stop_id T1 was already given on line 4');
  });

  it('refuses a malformed file whole, naming the line', () => {
    expect(() => readStops('')).toThrow(/line 1: the file is empty/);
    expect(() => readStops('stop_id,stop_name,stop_lat\nA,B,47\n')).toThrow(/line 1: the header lacks stop_lon/);
    expect(() => readStops('stop_id,stop_name,stop_lat,stop_lon,stop_id\n')).toThrow(/line 1: the column stop_id appears twice/);
    expect(() => readStops('stop_id,stop_name,stop_lat,stop_lon\nA,B,47.3,5.0\nC,D,47.3\n')).toThrow(/line 3: 3 fields where the header names 4/);
    expect(() => readStops('stop_id,stop_name,stop_lat,stop_lon\nA,"B,47.3,5.0\n')).toThrow(/line 2: a quoted field is never closed/);
  });

  it('reads a header alone as no stop', () => {
    expect(readStops('stop_id,stop_name,stop_lat,stop_lon\r\n')).toEqual({ stops: [], rejected: [] });
  });
});

describe('place rules', () => {
  it('matches typed words to the start of a name’s words, accents and case aside', () => {
    expect(foldText('Saint-Apollinaire')).toBe('saint apollinaire');
    expect(foldText('ST APOLLINAIRE')).toBe('saint apollinaire');
    expect(matchScore('Chenôve', 'chenove')).toBe(1);
    expect(matchScore('Gare de Dijon-Ville', 'gare dij')).toBeGreaterThan(0.6);
    expect(matchScore('Gare de Dijon-Ville', 'ville')).toBeGreaterThan(0);
    expect(matchScore('Gare de Dijon-Ville', 'gare dij')).toBeGreaterThan(matchScore('Gare de Dijon-Ville', 'ville'));
    expect(matchScore('Gare de Dijon-Ville', 'lyon')).toBe(0);
    expect(matchScore('Talant', '')).toBe(0);
  });

  it('measures the distance to a polygon’s edge, not only to its corners', () => {
    const square = { type: 'Polygon', coordinates: [[[5.1, 47], [5.2, 47], [5.2, 47.1], [5.1, 47.1], [5.1, 47]]] };
    const d = distanceToEdgesM(square, { lat: 47.05, lon: 5.205 });
    expect(d).toBeGreaterThan(370);
    expect(d).toBeLessThan(390);
  });

  it('measures great-circle distances', () => {
    // Dijon-Ville station to Darcy: about 600 m.
    const d = distanceM({ lat: 47.3233, lon: 5.0271 }, { lat: 47.3225, lon: 5.0346 });
    expect(d).toBeGreaterThan(550);
    expect(d).toBeLessThan(620);
  });
});
