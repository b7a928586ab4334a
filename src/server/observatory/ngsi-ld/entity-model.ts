/**
 * @module NGSI-LD entities, pure (ETSI GS CIM 009 clauses 4.5, 4.6, 5.2): checking and normalizing what a client sends
 * (normalized or concise form), merging attribute fragments, and presenting an entity (normalized, keyValues, sysAttrs,
 * attrs projection).
 */
import { badRequest, NgsiError } from './errors.ts';
import { parseGeometry, type Geometry } from './geometry.ts';

export type Attribute = Record<string, unknown> & { type: string };
export type Attributes = Record<string, Attribute>;

/** An entity as Maille keeps it: id, type, normalized attributes (location among them) and its system times. */
export interface EntityRecord {
  id: string;
  type: string;
  attributes: Attributes;
  createdAt: Date;
  modifiedAt: Date;
}

/** The parsed body of a write: the attributes it sends (id and type when present). */
export interface EntityFragment {
  id?: string;
  type?: string;
  attributes: Attributes;
}

export const NGSI_NULL = 'urn:ngsi-ld:null';
const ATTRIBUTE_TYPES = ['Property', 'Relationship', 'GeoProperty', 'LanguageProperty', 'VocabProperty', 'ListProperty', 'JsonProperty'];
/** Members of an attribute that are not sub-attributes (clause 4.5.2 to 4.5.3). */
const ATTRIBUTE_MEMBERS = new Set(['type', 'value', 'object', 'languageMap', 'vocab', 'valueList', 'json', 'observedAt', 'unitCode', 'datasetId', 'createdAt', 'modifiedAt', 'lang', 'objectType']);
const SYSTEM_MEMBERS = ['createdAt', 'modifiedAt'];
const RESERVED = new Set(['id', 'type', '@context', 'scope', 'createdAt', 'modifiedAt', 'deletedAt', 'lang']);
export const GEO_ATTRIBUTES = new Set(['location', 'observationSpace', 'operationSpace']);

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
// Clause 4.6.2: no control characters, whitespace or these characters in names.
// eslint-disable-next-line no-control-regex -- refusing control characters in names is this rule's purpose
const NAME = /^[^\s\u0000-\u001f\u007f<>"'=;()&?#/\\]{1,256}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isUri(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 256 && URI.test(value);
}

export function checkEntityId(value: unknown, where = 'id'): string {
  if (!isUri(value)) throw badRequest(`${where} must be a URI of at most 256 characters (e.g. urn:ngsi-ld:AirQualityObserved:dijon:001).`);
  return value;
}

export function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string' || !NAME.test(value)) throw badRequest(`${what} "${String(value).slice(0, 80)}" is not a valid NGSI-LD name.`);
  return value;
}

function checkType(value: unknown): string {
  const one = Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value;
  if (Array.isArray(one)) throw new NgsiError('OperationNotSupported', 'Maille keeps one type per entity.');
  return checkName(one, 'The entity type');
}

export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

function looksLikeGeometry(value: unknown): boolean {
  return isPlainObject(value) && typeof value.type === 'string' && GEOMETRY_TYPES.includes(value.type) && 'coordinates' in value;
}

/** The normalized form of one attribute (concise forms accepted, clause 4.5.1), checked; `depth` bounds sub-attributes. */
export function normalizeAttribute(name: string, raw: unknown, depth = 0): Attribute {
  if (depth > 3) throw badRequest(`${name}: sub-attributes nest at most 3 levels.`);
  if (Array.isArray(raw) && raw.some(isPlainObject) && raw.every((item) => isPlainObject(item) && ('type' in item || 'datasetId' in item)))
    throw new NgsiError('OperationNotSupported', `${name}: multi-attributes (several instances with datasetId) are not supported.`);
  let attribute: Record<string, unknown>;
  if (looksLikeGeometry(raw)) attribute = { type: 'GeoProperty', value: raw };
  else if (!isPlainObject(raw) || (!('type' in raw) && !('value' in raw) && !('object' in raw) && !('languageMap' in raw)))
    attribute = { type: GEO_ATTRIBUTES.has(name) || looksLikeGeometry(raw) ? 'GeoProperty' : 'Property', value: raw };
  else if (!('type' in raw))
    attribute = { type: 'object' in raw ? 'Relationship' : 'languageMap' in raw ? 'LanguageProperty' : GEO_ATTRIBUTES.has(name) || looksLikeGeometry(raw.value) ? 'GeoProperty' : 'Property', ...raw };
  else attribute = { ...raw };
  const type = attribute.type;
  if (typeof type !== 'string' || !ATTRIBUTE_TYPES.includes(type)) throw badRequest(`${name}: the attribute type must be one of ${ATTRIBUTE_TYPES.join(', ')}.`);
  if (GEO_ATTRIBUTES.has(name) && type !== 'GeoProperty') throw badRequest(`${name} must be a GeoProperty.`);
  if (type === 'Property' && (attribute.value === undefined || attribute.value === null)) throw badRequest(`${name}: a Property has a value.`);
  if (type === 'GeoProperty') attribute.value = parseGeometry(attribute.value, name);
  if (type === 'Relationship') {
    const objects = Array.isArray(attribute.object) ? (attribute.object as unknown[]) : [attribute.object];
    if (objects.length === 0 || !objects.every(isUri)) throw badRequest(`${name}: a Relationship's object is a URI.`);
  }
  if (type === 'LanguageProperty' && (!isPlainObject(attribute.languageMap) || !Object.values(attribute.languageMap).every((v) => typeof v === 'string')))
    throw badRequest(`${name}: a LanguageProperty's languageMap maps language tags to strings.`);
  if (attribute.observedAt !== undefined && !isDateTime(attribute.observedAt)) throw badRequest(`${name}.observedAt must be an ISO 8601 date-time with an offset.`);
  if (attribute.unitCode !== undefined && (typeof attribute.unitCode !== 'string' || !/^[A-Za-z0-9]{1,8}$/.test(attribute.unitCode))) throw badRequest(`${name}.unitCode must be a UN/CEFACT code.`);
  if (attribute.datasetId !== undefined) throw new NgsiError('OperationNotSupported', `${name}: datasetId (multi-attributes) is not supported.`);
  for (const member of SYSTEM_MEMBERS) delete attribute[member];
  for (const [key, value] of Object.entries(attribute)) {
    if (ATTRIBUTE_MEMBERS.has(key)) continue;
    checkName(key, `${name}: the sub-attribute`);
    attribute[key] = normalizeAttribute(`${name}.${key}`, value, depth + 1);
  }
  return attribute as Attribute;
}

/** Parses a write's body: id and type where present or required, every other member an attribute. */
export function parseFragment(body: unknown, need: { id: boolean; type: boolean }): EntityFragment {
  if (!isPlainObject(body)) throw badRequest('The body must be a JSON object (an NGSI-LD entity).');
  const fragment: EntityFragment = { attributes: {} };
  if (body.id !== undefined || need.id) fragment.id = checkEntityId(body.id);
  if (body.type !== undefined || need.type) fragment.type = checkType(body.type);
  const names = Object.keys(body).filter((key) => !RESERVED.has(key));
  if (names.length > 500) throw badRequest('An entity has at most 500 attributes.');
  for (const name of names) fragment.attributes[checkName(name, 'The attribute')] = normalizeAttribute(name, body[name]);
  return fragment;
}

/** An attribute written at `now`: its createdAt kept from the one it replaces. */
export function stamp(attribute: Attribute, previous: Attribute | undefined, now: Date): Attribute {
  return { ...attribute, createdAt: (previous?.createdAt) ?? now.toISOString(), modifiedAt: now.toISOString() };
}

/** Merges a fragment into an attribute (merge-patch, clause 5.6.17): members replaced, `urn:ngsi-ld:null` removes a sub-attribute. */
export function mergeAttribute(previous: Attribute, fragment: Record<string, unknown>): Attribute {
  const merged: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(fragment)) {
    if (value === NGSI_NULL || (isPlainObject(value) && value.value === NGSI_NULL)) delete merged[key];
    else if (!ATTRIBUTE_MEMBERS.has(key) && isPlainObject(previous[key]) && isPlainObject(value)) merged[key] = mergeAttribute(previous[key] as Attribute, value);
    else merged[key] = value;
  }
  return merged as Attribute;
}

/** True when a raw fragment asks to delete the attribute (merge-patch's NGSI-LD null). */
export function isNullAttribute(raw: unknown): boolean {
  return raw === NGSI_NULL || (isPlainObject(raw) && (raw.value === NGSI_NULL || raw.object === NGSI_NULL));
}

/** The geometry of a GeoProperty attribute, if it is one. */
export function geometryOf(attribute: Attribute | undefined): Geometry | undefined {
  return attribute?.type === 'GeoProperty' ? (attribute.value as Geometry) : undefined;
}

export interface Presentation {
  keyValues: boolean;
  sysAttrs: boolean;
  /** Only these attributes (undefined: all). */
  attrs?: readonly string[];
}

function simplified(attribute: Attribute): unknown {
  if (attribute.type === 'Relationship') return attribute.object;
  if (attribute.type === 'LanguageProperty') return attribute.languageMap;
  return attribute.value;
}

function presentAttribute(attribute: Attribute, sysAttrs: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attribute)) {
    if (SYSTEM_MEMBERS.includes(key) && !sysAttrs) continue;
    out[key] = !ATTRIBUTE_MEMBERS.has(key) && isPlainObject(value) ? presentAttribute(value as Attribute, sysAttrs) : value;
  }
  return out;
}

/** The entity as the API shows it. */
export function presentEntity(entity: EntityRecord, how: Presentation): Record<string, unknown> {
  const out: Record<string, unknown> = { id: entity.id, type: entity.type };
  for (const [name, attribute] of Object.entries(entity.attributes)) {
    if (how.attrs && !how.attrs.includes(name)) continue;
    out[name] = how.keyValues ? simplified(attribute) : presentAttribute(attribute, how.sysAttrs);
  }
  if (how.sysAttrs && !how.keyValues) {
    out.createdAt = entity.createdAt.toISOString();
    out.modifiedAt = entity.modifiedAt.toISOString();
  }
  return out;
}

/** Parses the `options` query parameter (comma list). */
export function parseOptions(options: string | undefined, allowed: readonly string[]): Set<string> {
  const set = new Set((options ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  for (const option of set) if (!allowed.includes(option)) throw badRequest(`options: "${option.slice(0, 40)}" is not one of ${allowed.join(', ')}.`);
  return set;
}

/** Parses a comma list of names (attrs, type). */
export function parseNames(value: string | undefined, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((s) => s.trim());
  if (names.length > 100) throw badRequest(`${what}: at most 100 names.`);
  return names.map((name) => checkName(name, what));
}
