/**
 * @module Where notifications may go (the SSRF rule): http(s) endpoints only, and by default never an address of this
 * machine or of a private network (loopback, RFC 1918, link-local, CGNAT, unique-local IPv6), checked on the URL when
 * the subscription is stored and on every address the host resolves to before each delivery.
 * `NGSI_NOTIFY_ALLOW_PRIVATE=1` lifts the address rule (a city's own network, the tests' local listener).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { badRequest } from './errors.ts';

export function allowPrivateEndpoints(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NGSI_NOTIFY_ALLOW_PRIVATE === '1';
}

/** True for an address of this machine or of a private or reserved network. */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return isPrivateAddress(mapped[1]!);
  if (isIP(a) === 4) {
    const [p, q] = a.split('.').map(Number) as [number, number];
    return p === 0 || p === 10 || p === 127 || (p === 169 && q === 254) || (p === 172 && q >= 16 && q <= 31) || (p === 192 && q === 168) || (p === 100 && q >= 64 && q <= 127) || p >= 224;
  }
  if (isIP(a) === 6) return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a);
  return a === 'localhost' || a.endsWith('.localhost');
}

/** Checks an endpoint URL when a subscription is stored; a BadRequestData says why it is refused. */
export function checkEndpoint(uri: string, allowPrivate: boolean): URL {
  if (!URL.canParse(uri)) throw badRequest('notification.endpoint.uri must be an absolute http or https URL.');
  const url = new URL(uri);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest('notification.endpoint.uri must be http or https.');
  if (url.username || url.password) throw badRequest('notification.endpoint.uri must not carry credentials.');
  if (!allowPrivate && isPrivateAddress(url.hostname)) throw badRequest('notification.endpoint.uri names a private or loopback address, which Maille does not notify.');
  return url;
}

/** Before a delivery: the host's addresses, refused when one is private (unless allowed). Returns a reason, or null. */
export async function refusedEndpoint(uri: string, allowPrivate: boolean): Promise<string | null> {
  try {
    const url = checkEndpoint(uri, allowPrivate);
    if (allowPrivate) return null;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
    return addresses.some((a) => isPrivateAddress(a.address)) ? 'the endpoint resolves to a private or loopback address' : null;
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 200) : 'the endpoint cannot be resolved';
  }
}
