/**
 * @module A stand-in for the Base Adresse Nationale address API, for tests only: a loopback HTTP server on a free port
 * answering `/search/` and `/reverse/` in the documented GeoCodeJSON format (https://adresse.data.gouv.fr/api-doc/adresse).
 * Special queries make it misbehave: « lenteur » answers after `slowMs`, « panne » with a 500, « occupé » with a 503,
 * « charabia » with JSON that is not a FeatureCollection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BanFeature {
  label: string;
  type: 'housenumber' | 'street' | 'locality' | 'municipality';
  citycode: string;
  city: string;
  postcode: string;
  score: number;
  lon: number;
  lat: number;
}

export interface FakeBan {
  url: string;
  /** Every request received: path and query parameters. */
  requests: { path: string; params: Record<string, string> }[];
  close(): Promise<void>;
}

function collection(features: BanFeature[], query: Record<string, unknown>) {
  return {
    type: 'FeatureCollection',
    version: 'draft',
    features: features.map((f, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
      properties: {
        label: f.label,
        score: f.score,
        id: `${f.citycode}_${i}`,
        name: f.label.split(' ').slice(0, -2).join(' ') || f.label,
        postcode: f.postcode,
        citycode: f.citycode,
        x: 854000 + i,
        y: 6690000 + i,
        city: f.city,
        context: '21, Côte-d’Or, Bourgogne-Franche-Comté',
        type: f.type,
        importance: 0.6,
      },
    })),
    attribution: 'BAN',
    licence: 'ETALAB-2.0',
    ...query,
  };
}

export async function startFakeBan(features: BanFeature[], options: { slowMs?: number } = {}): Promise<FakeBan> {
  const requests: FakeBan['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = Object.fromEntries(url.searchParams);
    requests.push({ path: url.pathname, params });
    const q = params.q ?? '';
    if (url.pathname === '/search/') {
      if (q === 'lenteur') {
        const timer = setTimeout(() => send(res, 200, collection([], { query: q })), options.slowMs ?? 2000);
        timers.add(timer);
        return;
      }
      if (q === 'panne') return send(res, 500, { code: 500, message: 'Internal Server Error' });
      if (q === 'occupé') return send(res, 503, { code: 503, message: 'Service Unavailable' });
      if (q === 'charabia') return send(res, 200, { hello: 'world' });
      const words = q.toLowerCase().split(/\s+/);
      const found = features.filter((f) => words.every((w) => f.label.toLowerCase().includes(w))).slice(0, Number(params.limit ?? 5));
      return send(res, 200, collection(found, { query: q, limit: Number(params.limit ?? 5) }));
    }
    if (url.pathname === '/reverse/') {
      const lat = Number(params.lat);
      const lon = Number(params.lon);
      const nearest = [...features].sort((a, b) => Math.hypot(a.lat - lat, a.lon - lon) - Math.hypot(b.lat - lat, b.lon - lon))[0];
      return send(res, 200, collection(nearest ? [{ ...nearest, score: 0.99 }] : [], { limit: 1 }));
    }
    send(res, 404, { code: 404, message: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
