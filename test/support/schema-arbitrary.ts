// Values for a JSON Schema (as the OpenAPI document gives it), for fast-check: mostly valid values that reach the
// use-cases, with, at any depth, an edge value in its place — what a careless client or a prober would send.
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Text that breaks the edge's rules or the parsers behind them. */
export const BAD_TEXT = [
  '',
  ' ',
  'abc \ud800',
  '\udc00 alone',
  'nul \u0000 byte',
  'escape \u001b[31m',
  'del \u007f',
  'c1 \u0085',
  '2025-13-01',
  '0000-00-00',
  '2025-02-30',
  '2025-02-29T25:00:00Z',
  '2025-01-01T23:59:60Z',
  '275760-09-14',
  '-000001-01-01',
  'Infinity',
  'NaN',
  '-1',
  '1e-300',
  '9'.repeat(30),
  'x'.repeat(5000),
  '../../etc/passwd',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '🧶'.repeat(40),
  'e\u0301'.repeat(20),
];

/** Numbers at the edges of doubles and of whatever arithmetic they reach. */
export const BAD_NUMBERS = [0, -0, 1e-300, -1e-300, 5e-324, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 31), 2 ** 31, 0.1, -1, 1e21, 123456789.123];

/** Values of the wrong type, whatever the schema. */
export const WRONG_TYPES: unknown[] = [null, true, 12, '12', [], {}, [null], { a: 1 }];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar day around now, YYYY-MM-DD. */
export const calendarDate = fc
  .record({ y: fc.integer({ min: 2020, max: 2032 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => {
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const last = m === 2 && !leap ? 28 : DAYS_IN_MONTH[m - 1]!;
    return `${y}-${pad(m)}-${pad(Math.min(d, last))}`;
  });

/** An instant around now, with an offset. */
export const timestamp = fc
  .tuple(calendarDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('Z', '+01:00', '+02:00', '-05:00'))
  .map(([day, h, m, offset]) => `${day}T${pad(h)}:${pad(m)}:00${offset}`);

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

/** Values that exist in the world under test, by the pattern of the strings they fit (a territory slug, a commune code). */
export type Hints = Record<string, fc.Arbitrary<string>>;

/** Text people write, for free-text fields. */
const WORDS = ['Bonjour', 'Jardin partagé', 'Aide aux courses', 'Quartier Nord', 'correct horse battery staple', 'Réunion du comité de quartier'];

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  if (schema.format === 'date') return calendarDate;
  if (schema.format === 'date-time') return timestamp;
  if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length >= min && e.length <= (schema.maxLength ?? 254));
  if (schema.pattern) {
    // Small numeric ids hit rows the run created (sequences start at 1); other patterns come from their regex.
    if (schema.pattern === '^[0-9]{1,18}$') return fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), fc.stringMatching(/^[0-9]{1,18}$/));
    const re = new RegExp(schema.pattern);
    return fc.stringMatching(re).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Number.MAX_SAFE_INTEGER));
  }
  const words = WORDS.filter((s) => s.length >= min && s.length <= (schema.maxLength ?? 1000));
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    ...(words.length > 0 ? [fc.constantFrom(...words)] : []),
  );
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  // fast-check's integers are 32-bit: wider ranges (cents) add their bounds and rounded doubles.
  const small = fc.integer({ min: Math.ceil(Math.max(min, INT32_MIN)), max: Math.floor(Math.min(max, INT32_MAX)) });
  const wide = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  if (integer) return fc.oneof(small, fc.constantFrom(Math.ceil(min), Math.floor(max)), wide.map((n) => Math.min(Math.floor(max), Math.max(Math.ceil(min), Math.round(n)))));
  // Round values are what people type; doubles at the bounds are what break arithmetic.
  return fc.oneof(wide, small, fc.constantFrom(min, max));
}

/** An edge value for a schema: a value of the right type at or past its limits, bad text, or the wrong type. */
export function edgeValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(...WRONG_TYPES)];
  for (const type of types(schema)) {
    if (type === 'string') {
      options.push(fc.constantFrom(...BAD_TEXT));
      if (schema.maxLength !== undefined) options.push(fc.constant('x'.repeat(schema.maxLength + 1)));
    }
    if (type === 'number' || type === 'integer') {
      const limits = [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum].filter((n): n is number => n !== undefined);
      options.push(fc.constantFrom(...BAD_NUMBERS, ...limits, ...limits.map((n) => n + 1e-9), ...limits.map((n) => n - 1)));
    }
    if (type === 'array' && schema.items) {
      options.push(fc.array(edgeValue(schema.items), { minLength: 1, maxLength: 3 }));
      options.push(fc.constant(Array.from({ length: (schema.maxItems ?? 50) + 1 }, () => null)));
    }
    if (type === 'object') options.push(fc.constant({ unexpected: 'field' }));
  }
  return fc.oneof(...options);
}

/**
 * Values for a schema: valid in most nodes, an edge value in about one node out of `1 / edgeShare`.
 * @example fc.sample(schemaArbitrary({ type: 'integer', minimum: 1 }, 0.1), 3)
 */
export function schemaArbitrary(schema: JsonSchema, edgeShare: number, hints: Hints = {}, depth = 0): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, edgeShare, hints, depth);
  if (edgeShare <= 0) return valid;
  const weight = Math.max(1, Math.round((1 - edgeShare) / edgeShare));
  return fc.oneof({ arbitrary: valid, weight }, { arbitrary: edgeValue(schema), weight: 1 });
}

function validArbitrary(schema: JsonSchema, edgeShare: number, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const child = (s: JsonSchema) => schemaArbitrary(s, edgeShare, hints, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => validArbitrary(s, edgeShare, hints, depth)));
  if (schema.allOf) return validArbitrary(Object.assign({}, ...schema.allOf) as JsonSchema, edgeShare, hints, depth);
  const kinds = types(schema);
  if (kinds.length === 0) return fc.constantFrom<unknown>('x', 1, null, { a: 'b' });
  return fc.oneof(
    ...kinds.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string': {
          const hint = schema.pattern === undefined ? undefined : hints[schema.pattern];
          return hint ? fc.oneof({ arbitrary: hint, weight: 4 }, { arbitrary: validString(schema), weight: 1 }) : validString(schema);
        }
        case 'integer':
          return validNumber(schema, true);
        case 'number':
          return validNumber(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const min = schema.minItems ?? 0;
          const max = Math.min(schema.maxItems ?? 4, Math.max(min, 4));
          return depth > 6 ? fc.constant([]) : fc.array(child(schema.items ?? {}), { minLength: min, maxLength: max });
        }
        case 'object':
          return objectArbitrary(schema, child, edgeShare);
        default:
          return fc.constant(null);
      }
    }),
  );
}

function objectArbitrary(schema: JsonSchema, child: (s: JsonSchema) => fc.Arbitrary<unknown>, edgeShare: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, child(s)]));
  const base = fc.record(model, { requiredKeys: required.filter((key) => key in properties) });
  if (edgeShare <= 0 || required.length === 0) return base;
  // Missing required fields are the commonest bad body after wrong types.
  return fc.oneof(
    { arbitrary: base, weight: 6 },
    {
      arbitrary: fc.tuple(base, fc.constantFrom(...required)).map(([value, drop]) => {
        const copy = { ...(value as Record<string, unknown>) };
        delete copy[drop];
        return copy;
      }),
      weight: 1,
    },
  );
}
