// Reads Maille's OpenAPI document the way a client generator would, and lists what it cannot rely on.
export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type Json = Record<string, unknown>;

export interface Operation {
  /** `GET /api/territories/{territory}` */
  name: string;
  path: string;
  method: string;
  spec: Json;
}

export function operationsOf(document: Json): Operation[] {
  const paths = (document.paths ?? {}) as Record<string, Json>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      method,
      spec: item[method] as Json,
    })),
  );
}

const SHAPED = ['type', 'properties', 'anyOf', 'oneOf', 'allOf', '$ref', 'enum', 'const', 'not'];

/**
 * JSON pointers inside `schema` that accept anything: `{}` (Type.Unknown / Type.Any), an object with neither
 * properties nor a typed map of values, an array whose items are unknown. An empty object `{}` closed with
 * additionalProperties: false is not opaque: it says exactly what it holds.
 */
export function opaqueParts(schema: unknown, at = ''): string[] {
  if (schema === true) return [at || '/'];
  if (schema === false || typeof schema !== 'object' || schema === null) return [];
  const s = schema as Json;
  if (s.type === 'null') return [];
  if (!SHAPED.some((key) => key in s)) return [at || '/'];
  const found: string[] = [];
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type];
  if (types.includes('object')) {
    const properties = (s.properties ?? {}) as Record<string, unknown>;
    const values = s.additionalProperties ?? firstOf(s.patternProperties);
    const closed = s.additionalProperties === false;
    if (Object.keys(properties).length === 0 && !closed && (values === undefined || values === true)) found.push(at || '/');
    for (const [key, value] of Object.entries(properties)) found.push(...opaqueParts(value, `${at}/${key}`));
    if (values !== undefined && typeof values === 'object') found.push(...opaqueParts(values, `${at}/*`));
  }
  if (types.includes('array')) {
    if (s.items === undefined || s.items === true) found.push(`${at}/[]`);
    else found.push(...opaqueParts(s.items, `${at}/[]`));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches)) branches.forEach((branch, i) => found.push(...opaqueParts(branch, `${at}/${key}/${i}`)));
  }
  return found;
}

function firstOf(map: unknown): unknown {
  return map && typeof map === 'object' ? Object.values(map)[0] : undefined;
}

function isSuccess(status: string): boolean {
  return /^2\d\d$/.test(status);
}

export interface Figures {
  operations: number;
  /** Success responses (2xx) whose schema is missing or opaque somewhere. */
  opaqueSuccess: number;
  errorsAsJson: number;
  errorsAsProblemJson: number;
}

/** The numbers quoted in issue 10: operations, opaque success schemas, error media types. */
export function figuresOf(document: Json): Figures {
  const figures: Figures = { operations: 0, opaqueSuccess: 0, errorsAsJson: 0, errorsAsProblemJson: 0 };
  for (const op of operationsOf(document)) {
    figures.operations += 1;
    for (const [status, response] of Object.entries((op.spec.responses ?? {}) as Record<string, Json>)) {
      const content = (response.content ?? {}) as Record<string, { schema?: unknown }>;
      if (isSuccess(status)) {
        const schemas = Object.values(content).map((media) => media.schema);
        const noContent = status === '204' || (schemas.length === 0 && /no content/i.test(String(response.description)));
        if (!noContent && (schemas.length === 0 || schemas.some((schema) => opaqueParts(schema).length > 0))) figures.opaqueSuccess += 1;
      } else if (/^[45]\d\d$/.test(status)) {
        if (content['application/json']) figures.errorsAsJson += 1;
        if (content['application/problem+json']) figures.errorsAsProblemJson += 1;
      }
    }
  }
  return figures;
}
