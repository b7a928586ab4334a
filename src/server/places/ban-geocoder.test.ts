// The Base Adresse Nationale adapter against a local server answering in BAN's documented format: candidates with
// label, commune code, kind and [lon, lat] read the right way round; the query, limit and bias sent as documented; a
// slow answer is a 503 after the timeout, a 5xx or an answer in another format a 502 — never a 500. And GEOCODER_URL
// is validated like every other variable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { banGeocoder } from './ban-geocoder.ts';
import { startFakeBan, type FakeBan } from './ban-test-fixtures.ts';

const FEATURES = [
  { label: '8 Rue de la Liberté 21000 Dijon', type: 'housenumber', citycode: '21231', city: 'Dijon', postcode: '21000', score: 0.93, lon: 5.0378, lat: 47.3219 },
  { label: 'Rue de la Liberté 21000 Dijon', type: 'street', citycode: '21231', city: 'Dijon', postcode: '21000', score: 0.81, lon: 5.0372, lat: 47.3221 },
  { label: 'Chenôve', type: 'municipality', citycode: '21166', city: 'Chenôve', postcode: '21300', score: 0.7, lon: 5.0065, lat: 47.2925 },
] as const;

describe('the BAN geocoder', () => {
  let ban: FakeBan;
  beforeAll(async () => {
    ban = await startFakeBan([...FEATURES], { slowMs: 5000 });
  });
  afterAll(() => ban.close());
  const geocoder = (timeoutMs = 3000) => banGeocoder({ url: ban.url, timeoutMs });

  it('reads candidates from the FeatureCollection, [lon, lat] the right way round', async () => {
    const found = await geocoder().search('rue liberté', { limit: 5, near: { lat: 47.32, lon: 5.04 } });
    expect(found).toEqual([
      { label: '8 Rue de la Liberté 21000 Dijon', lat: 47.3219, lon: 5.0378, communeCode: '21231', kind: 'housenumber', score: 0.93 },
      { label: 'Rue de la Liberté 21000 Dijon', lat: 47.3221, lon: 5.0372, communeCode: '21231', kind: 'street', score: 0.81 },
    ]);
    expect(ban.requests.at(-1)).toEqual({ path: '/search/', params: { q: 'rue liberté', limit: '5', autocomplete: '1', lat: '47.32', lon: '5.04' } });
  });

  it('asks nothing for fewer than three characters, and caps the limit at BAN’s 20', async () => {
    const before = ban.requests.length;
    expect(await geocoder().search(' ch ', { limit: 5 })).toEqual([]);
    expect(ban.requests.length).toBe(before);
    await geocoder().search('chenôve', { limit: 50 });
    expect(ban.requests.at(-1)?.params.limit).toBe('20');
  });

  it('takes a point back to the nearest address', async () => {
    expect(await geocoder().reverse({ lat: 47.2926, lon: 5.0066 })).toMatchObject({ label: 'Chenôve', communeCode: '21166', kind: 'municipality' });
    expect(ban.requests.at(-1)).toEqual({ path: '/reverse/', params: { lat: '47.2926', lon: '5.0066', limit: '1' } });
  });

  it('answers 503 when the service is slower than the timeout', async () => {
    const error = await geocoder(200).search('lenteur', { limit: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable', status: 503, reason: 'geocoder_unavailable' });
  });

  it('answers 503 when the service is busy or cannot be reached', async () => {
    await expect(geocoder().search('occupé', { limit: 5 })).rejects.toMatchObject({ status: 503, reason: 'geocoder_unavailable' });
    const closed = await startFakeBan([]);
    await closed.close();
    await expect(banGeocoder({ url: closed.url, timeoutMs: 1000 }).search('chenôve', { limit: 5 })).rejects.toMatchObject({ status: 503 });
  });

  it('answers 502 for a 5xx or an answer that is not a FeatureCollection', async () => {
    await expect(geocoder().search('panne', { limit: 5 })).rejects.toMatchObject({ code: 'bad_gateway', status: 502, reason: 'geocoder_bad_answer' });
    await expect(geocoder().search('charabia', { limit: 5 })).rejects.toMatchObject({ status: 502 });
  });
});

describe('GEOCODER_URL', () => {
  it('is off unless set, validated, and its timeout bounded', () => {
    expect(loadConfig({})).toMatchObject({ geocoderUrl: undefined, geocoderTimeoutMs: 3000 });
    expect(loadConfig({ GEOCODER_URL: 'https://api-adresse.data.gouv.fr/' }).geocoderUrl).toBe('https://api-adresse.data.gouv.fr');
    expect(() => loadConfig({ GEOCODER_URL: 'ftp://adresse' })).toThrow(ConfigError);
    expect(() => loadConfig({ GEOCODER_URL: 'not a url' })).toThrow(/GEOCODER_URL is invalid/);
    expect(() => loadConfig({ GEOCODER_TIMEOUT_MS: '5' })).toThrow(/GEOCODER_TIMEOUT_MS="5" is invalid: expected an integer from 100 to 30000/);
  });
});
