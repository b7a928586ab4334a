/** @module Schema validation at the edge: strict JSON bodies, coerced query strings and params. */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: false, removeAdditional: false, useDefaults: true, ...options });
  addFormats(ajv);
  return ajv;
}

// A body is JSON: "12" is not 12, and an unknown field is an error rather than silently dropped.
const bodyAjv = makeAjv({ coerceTypes: false });
// Query strings and path params are text by nature: coerce them to the declared types.
const textAjv = makeAjv({ coerceTypes: 'array' });

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

/** The JSON pointer of the first string holding U+0000, which PostgreSQL text cannot store. */
function nulPointer(value: unknown, pointer = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPointer(item, `${pointer}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

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
    // A NUL would otherwise fail later in SQL as a 500; it is the client's input, so a 400 naming it.
    const nul = nulPointer(data);
    validate.errors = nul === null ? null : [{ instancePath: nul, keyword: 'nul', message: 'must not contain a NUL character', params: {} }];
    return nul === null;
  };
  return validate as ReturnType<FastifySchemaCompiler<unknown>>;
};
