/** @module Schema validation at the edge: strict JSON bodies, coerced query strings and params, one date and one text rule. */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { isCalendarDate, isTimestamp } from '../dates.ts';
import { findTextProblem } from '../text.ts';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** An Ajv with Maille's formats: `date` and `date-time` are the core date parser. */
export function makeAjv(options: Options): Ajv {
  // strictNumbers: Infinity (JSON's 1e400, the query's "Infinity") is not a number anyone means.
  const ajv = new Ajv({ allErrors: false, strict: false, strictNumbers: true, removeAdditional: false, useDefaults: true, ...options });
  addFormats(ajv);
  // Every schema's `date` and `date-time` is the core date parser (core/dates.ts), so no route sees 2025-13-01.
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  ajv.addFormat('date-time', { type: 'string', validate: isTimestamp });
  return ajv;
}

// A body is JSON: "12" is not 12, and an unknown field is an error rather than silently dropped.
const bodyAjv = makeAjv({ coerceTypes: false });
// Query strings and path params are text by nature: coerce them to the declared types.
const textAjv = makeAjv({ coerceTypes: 'array' });

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  const check = ajv.compile(schema as object);
  // Fastify validates an absent body as null; a body declared Type.Optional may be left out.
  const optional = httpPart === 'body' && (schema as { '~optional'?: boolean })['~optional'] === true;
  const validate: Validate = (data) => {
    if (optional && data === null) return true;
    if (!check(data)) {
      validate.errors = check.errors;
      return false;
    }
    // The text rule (core/text.ts) on every string: a NUL or a lone surrogate would otherwise fail later in SQL as a 500.
    const bad = findTextProblem(data);
    validate.errors = bad === null ? null : [{ instancePath: bad.pointer, keyword: 'text', message: bad.problem, params: {} }];
    return bad === null;
  };
  return validate as ReturnType<FastifySchemaCompiler<unknown>>;
};
