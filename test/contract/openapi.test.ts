// The OpenAPI document is Maille's one HTTP contract: every operation is named, summarised, tagged and secured, and
// every status it can answer has a real schema, errors as application/problem+json. Each failure lists what is missing.
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/openapi-document.ts';
import { figuresOf, opaqueParts, operationsOf, type Operation } from '../support/openapi-audit.ts';

type Json = Record<string, unknown>;

let document: Json;
let operations: Operation[];

beforeAll(async () => {
  document = await openApiDocument();
  operations = operationsOf(document);
});

function responsesOf(op: Operation): [string, Json][] {
  return Object.entries((op.spec.responses ?? {}) as Record<string, Json>);
}

/** A response declared without a body (NoContent) shows no content and its own description. */
function isNoContent(response: Json): boolean {
  return response.content === undefined && response.description !== 'Default Response';
}

function offenders(check: (op: Operation) => string[]): string[] {
  return operations.flatMap((op) => check(op).map((problem) => `${op.name}: ${problem}`));
}

describe('the OpenAPI document', () => {
  it('lists operations', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('names every operation with a unique operationId', () => {
    const seen = new Map<string, string>();
    const problems = offenders((op) => {
      const id = op.spec.operationId;
      if (typeof id !== 'string' || id === '') return ['no operationId'];
      const other = seen.get(id);
      seen.set(id, op.name);
      return other ? [`operationId ${id} is also ${other}'s`] : [];
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('gives every operation a summary, tags and security', () => {
    const problems = offenders((op) => [
      ...(typeof op.spec.summary === 'string' && op.spec.summary.trim() !== '' ? [] : ['no summary']),
      ...(Array.isArray(op.spec.tags) && op.spec.tags.length > 0 ? [] : ['no tags']),
      ...(Array.isArray(op.spec.security) ? [] : ['no security (use [{ session: [] }] signed in, [] public)']),
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('uses only the session security scheme the document declares', () => {
    const schemes = Object.keys(((document.components as Json).securitySchemes ?? {}));
    const problems = offenders((op) =>
      ((op.spec.security ?? []) as Json[]).flatMap((requirement) =>
        Object.keys(requirement)
          .filter((name) => !schemes.includes(name))
          .map((name) => `unknown security scheme ${name}`),
      ),
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('describes a schema for each status of each operation', () => {
    const problems = offenders((op) =>
      responsesOf(op).flatMap(([status, response]) => {
        if (response.description === 'Default Response' && response.content === undefined) return [`${status} is the generator's default: the route declares no responses`];
        if (isNoContent(response)) return [];
        const content = (response.content ?? {}) as Record<string, { schema?: unknown }>;
        return Object.entries(content).flatMap(([media, { schema }]) => (schema === undefined ? [`${status} ${media} has no schema`] : []));
      }),
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('has no opaque schema in any response or request body', () => {
    const problems = offenders((op) => {
      const bodies = Object.entries((((op.spec.requestBody as Json | undefined)?.content ?? {}) as Record<string, { schema?: unknown }>)).map(
        ([media, { schema }]) => [`request ${media}`, schema] as const,
      );
      const answers = responsesOf(op).flatMap(([status, response]) =>
        Object.entries((response.content ?? {}) as Record<string, { schema?: unknown }>).map(([media, { schema }]) => [`${status} ${media}`, schema] as const),
      );
      return [...bodies, ...answers].flatMap(([where, schema]) => opaqueParts(schema).map((pointer) => `${where} is opaque at ${pointer}`));
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('sends every error as application/problem+json, never application/json', () => {
    const problems = offenders((op) =>
      responsesOf(op)
        .filter(([status]) => /^[45]/.test(status))
        .flatMap(([status, response]) => {
          const media = Object.keys((response.content ?? {}));
          return media.length === 1 && media[0] === 'application/problem+json' ? [] : [`${status} is ${media.join(', ') || 'without content'}`];
        }),
    );
    expect(problems, problems.join('\n')).toEqual([]);
    expect(figuresOf(document).errorsAsJson).toBe(0);
  });

  it('documents the statuses the global hooks send: 400, 429 and 500 everywhere, 403 and 413 on writes', () => {
    const problems = offenders((op) => {
      const statuses = new Set(responsesOf(op).map(([status]) => status));
      const needed = ['get', 'head'].includes(op.method) ? ['400', '429', '500'] : ['400', '403', '413', '429', '500'];
      return needed.filter((status) => !statuses.has(status)).map((status) => `${status} undocumented`);
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('describes the CSRF header on writes and the acting-for header on territory routes', () => {
    const parameters = ((document.components as Json).parameters ?? {}) as Record<string, Json>;
    expect(parameters.CsrfToken).toMatchObject({ name: 'x-csrf-token', in: 'header' });
    expect(parameters.ActingFor).toMatchObject({ name: 'x-maille-acting-for', in: 'header' });
    const refs = (op: Operation) => ((op.spec.parameters ?? []) as Json[]).map((p) => p.$ref);
    const problems = offenders((op) => [
      ...(op.method !== 'get' && !refs(op).includes('#/components/parameters/CsrfToken') ? ['no x-csrf-token parameter'] : []),
      ...(op.path.startsWith('/api/territories/{territory}/') && !refs(op).includes('#/components/parameters/ActingFor') ? ['no x-maille-acting-for parameter'] : []),
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('declares the media type of the live stream and of the communes map', () => {
    const media = (path: string) =>
      Object.keys((((((document.paths as Json)[path] as Json).get as Json).responses as Record<string, Json>)['200']?.content ?? {}));
    expect(media('/api/territories/{territory}/communities/{id}/impact/stream')).toEqual(['text/event-stream']);
    expect(media('/api/territories/{territory}/communes')).toEqual(['application/geo+json']);
  });
});
