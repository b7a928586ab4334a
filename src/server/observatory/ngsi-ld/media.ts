/**
 * @module Content negotiation and @context (ETSI GS CIM 009 clauses 6.3.4, 6.3.5): where the context comes from, what
 * a request may send and what the answer carries. Maille never fetches a remote context: the core context and the
 * Smart Data Models contexts are known by URL and treated as opaque, term names are used as given; any other URL is
 * LdContextNotAvailable.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NgsiError } from './errors.ts';

export const CORE_CONTEXT = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld';
const CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context';

/** Contexts known without fetching: the core context (any version) and the Smart Data Models ones. */
const KNOWN_CONTEXTS = [
  /^https:\/\/uri\.etsi\.org\/ngsi-ld\/v1\/ngsi-ld-core-context(-v\d+(\.\d+)*)?\.jsonld$/,
  /^https:\/\/uri\.etsi\.org\/ngsi-ld\/ngsi-ld-core-context\.jsonld$/,
  /^https:\/\/smartdatamodels\.org\/context\.jsonld$/,
  /^https:\/\/raw\.githubusercontent\.com\/smart-data-models\/[\w.-]+\/[\w.-]+\/[\w./-]*context\.jsonld$/,
  /^https:\/\/fiware\.github\.io\/data-models\/context\.jsonld$/,
];

/** A @context as clients send it: a URL, an object of term definitions, or an array of these. */
export type LdContext = string | Record<string, unknown> | (string | Record<string, unknown>)[];

function checkUrl(url: string): void {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new NgsiError('InvalidRequest', `The @context entry "${url.slice(0, 200)}" is not a URL.`);
  if (!KNOWN_CONTEXTS.some((known) => known.test(url)))
    throw new NgsiError('LdContextNotAvailable', `The @context ${url.slice(0, 200)} is not one Maille knows, and Maille never fetches a remote context.`);
}

/** Checks a @context value; throws InvalidRequest (malformed) or LdContextNotAvailable (an unknown URL). */
export function checkContext(context: unknown): LdContext {
  const entries = Array.isArray(context) ? (context as unknown[]) : [context];
  if (entries.length === 0 || entries.length > 20) throw new NgsiError('InvalidRequest', 'The @context must name 1 to 20 contexts.');
  for (const entry of entries) {
    if (typeof entry === 'string') checkUrl(entry);
    else if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new NgsiError('InvalidRequest', 'Each @context entry must be a URL or an object of term definitions.');
  }
  return context as LdContext;
}

/** The context URL of a JSON-LD Link header, or undefined without one (clause 6.3.5). */
export function linkContext(request: FastifyRequest): string | undefined {
  const header = request.headers.link;
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join(',') : header;
  const match = /^\s*<([^>]*)>\s*((?:;\s*[\w-]+\s*=\s*"[^"]*"\s*)*)$/.exec(text);
  if (!match || !new RegExp(`rel\\s*=\\s*"${CONTEXT_REL.replace(/[.#/]/g, '\\$&')}"`).test(match[2] ?? ''))
    throw new NgsiError('BadRequestData', 'The Link header must be <context URL>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json".');
  checkUrl(match[1] ?? '');
  return match[1];
}

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The @context of a write (POST, PATCH): application/ld+json carries it in the body and no Link header;
 * application/json carries none in the body and may have a Link header. Returns the context to keep, or null (core).
 */
export function contextOfWrite(request: FastifyRequest, body: unknown): LdContext | null {
  const type = mediaType(request);
  const items = Array.isArray(body) ? (body as unknown[]) : [body];
  const inBody = items.filter((item) => item !== null && typeof item === 'object' && '@context' in (item));
  if (type === 'application/ld+json') {
    if (request.headers.link !== undefined) throw new NgsiError('BadRequestData', 'application/ld+json carries its @context in the body, not in a Link header.');
    if (inBody.length !== items.length) throw new NgsiError('BadRequestData', 'application/ld+json needs an @context in the body.');
    const first = checkContext((inBody[0] as { '@context': unknown })['@context']);
    for (const item of inBody) checkContext((item)['@context']);
    return first;
  }
  if (inBody.length > 0) throw new NgsiError('BadRequestData', 'application/json cannot carry an @context in the body: send it in a Link header, or use application/ld+json.');
  return linkContext(request) ?? null;
}

export type AnswerType = 'application/json' | 'application/ld+json';

/** The answer's media type from Accept (clause 6.3.6): JSON unless JSON-LD is asked for; 406 when neither is acceptable. */
export function answerType(request: FastifyRequest): AnswerType {
  const accept = request.headers.accept;
  if (!accept) return 'application/json';
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return { range, q: q ? Number(q.slice(2)) : 1 };
  });
  const weight = (type: string) => Math.max(0, ...ranges.filter((r) => r.range === type || r.range === '*/*' || r.range === 'application/*').map((r) => (Number.isFinite(r.q) ? r.q : 0)));
  const json = weight('application/json');
  const ld = weight('application/ld+json');
  if (json <= 0 && ld <= 0) throw new NgsiError('InvalidRequest', 'Accept must allow application/json or application/ld+json.', 406);
  return ld > json || (ld === json && ranges.some((r) => r.range === 'application/ld+json')) ? 'application/ld+json' : 'application/json';
}

/** Sets the answer's type and, for JSON, the Link header naming the context (the request's, else the core one). */
export function presentAs(reply: FastifyReply, type: AnswerType, context: LdContext | null): void {
  void reply.type(type);
  if (type === 'application/json') {
    const url = typeof context === 'string' ? context : CORE_CONTEXT;
    void reply.header('link', `<${url}>; rel="${CONTEXT_REL}"; type="application/ld+json"`);
  }
}

/** Adds @context to each document of a JSON-LD answer. */
export function withContext<T extends Record<string, unknown>>(document: T, type: AnswerType, context: LdContext | null): T {
  return type === 'application/ld+json' ? { ...document, '@context': context ?? CORE_CONTEXT } : document;
}
