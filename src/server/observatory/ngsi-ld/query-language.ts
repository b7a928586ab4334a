/**
 * @module The NGSI-LD query language (ETSI GS CIM 009 clause 4.9), pure: a parser from the `q` text to a tree and an
 * evaluator of that tree on an entity. Never pasted into SQL: queries prefilter by index, then this decides.
 * `;` (AND) binds tighter than `|` (OR); parentheses group; `!attr` is non-existence.
 */
import { badRequest } from './errors.ts';
import type { Attribute, Attributes } from './entity-model.ts';

export type Operator = '==' | '!=' | '>' | '<' | '>=' | '<=' | '~=' | '!~=';
export type Value = string | number | boolean;
export type Comparable = { kind: 'one'; value: Value } | { kind: 'list'; values: Value[] } | { kind: 'range'; min: Value; max: Value };
export interface AttrPath {
  /** Attribute, then sub-attributes or attribute members (`observedAt`, `unitCode`). */
  path: string[];
  /** Keys inside a compound value: `address[city]`. */
  inValue: string[];
}
export type QueryNode =
  | { kind: 'and' | 'or'; terms: QueryNode[] }
  | { kind: 'exists'; attr: AttrPath; negated: boolean }
  | { kind: 'compare'; attr: AttrPath; op: Operator; value: Comparable };

const OPERATORS: Operator[] = ['!~=', '==', '!=', '>=', '<=', '~=', '>', '<'];
const NAME_CHAR = /[^\s<>"'=;()|!~[\].,]/;
const MAX_LENGTH = 4000;
const MAX_DEPTH = 20;

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  private fail(what: string): never {
    throw badRequest(`q: ${what} at character ${this.pos + 1}.`);
  }

  private peek(n = 1): string {
    return this.text.slice(this.pos, this.pos + n);
  }

  parse(): QueryNode {
    const node = this.or();
    if (this.pos < this.text.length) this.fail(`unexpected "${this.peek()}"`);
    return node;
  }

  private or(): QueryNode {
    const terms = [this.and()];
    while (this.peek() === '|') {
      this.pos += 1;
      terms.push(this.and());
    }
    return terms.length === 1 ? terms[0]! : { kind: 'or', terms };
  }

  private and(): QueryNode {
    const terms = [this.term()];
    while (this.peek() === ';') {
      this.pos += 1;
      terms.push(this.term());
    }
    return terms.length === 1 ? terms[0]! : { kind: 'and', terms };
  }

  private term(): QueryNode {
    if (this.peek() === '(') {
      if (++this.depth > MAX_DEPTH) this.fail('too many nested parentheses');
      this.pos += 1;
      const node = this.or();
      if (this.peek() !== ')') this.fail('a parenthesis is not closed');
      this.pos += 1;
      this.depth -= 1;
      return node;
    }
    if (this.peek() === '!' && this.peek(2) !== '!=' && this.peek(3) !== '!~=') {
      this.pos += 1;
      return { kind: 'exists', attr: this.attrPath(), negated: true };
    }
    const attr = this.attrPath();
    const op = OPERATORS.find((o) => this.text.startsWith(o, this.pos));
    if (!op) return { kind: 'exists', attr, negated: false };
    this.pos += op.length;
    const value = this.comparable();
    if ((op === '~=' || op === '!~=') && (value.kind !== 'one' || typeof value.value !== 'string')) this.fail(`${op} compares with one quoted pattern`);
    if (value.kind === 'range' && op !== '==' && op !== '!=') this.fail('a range goes with == or !=');
    if (value.kind === 'list' && op !== '==' && op !== '!=') this.fail('a list goes with == or !=');
    return { kind: 'compare', attr, op, value };
  }

  private name(): string {
    const start = this.pos;
    while (this.pos < this.text.length && NAME_CHAR.test(this.text[this.pos]!)) this.pos += 1;
    if (this.pos === start) this.fail('an attribute name is expected');
    return this.text.slice(start, this.pos);
  }

  private attrPath(): AttrPath {
    const path = [this.name()];
    while (this.peek() === '.') {
      this.pos += 1;
      path.push(this.name());
    }
    const inValue: string[] = [];
    if (this.peek() === '[') {
      this.pos += 1;
      inValue.push(this.name());
      while (this.peek() === '.') {
        this.pos += 1;
        inValue.push(this.name());
      }
      if (this.peek() !== ']') this.fail('a "[" is not closed');
      this.pos += 1;
    }
    return { path, inValue };
  }

  private value(): Value {
    if (this.peek() === '"') {
      const end = this.text.indexOf('"', this.pos + 1);
      if (end < 0) this.fail('a quoted string is not closed');
      const text = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return text;
    }
    const start = this.pos;
    while (this.pos < this.text.length && !';|()",'.includes(this.text[this.pos]!) && this.peek(2) !== '..') this.pos += 1;
    const raw = this.text.slice(start, this.pos);
    if (raw === '') this.fail('a value is expected');
    // An unquoted value is a number, a boolean, a date-time or a URI: never an operator's characters.
    if (/[<>=!~'\s]/.test(raw)) this.fail(`"${raw.slice(0, 40)}" is not a value (quote a text)`);
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
    return raw;
  }

  private comparable(): Comparable {
    const first = this.value();
    if (this.peek(2) === '..') {
      this.pos += 2;
      return { kind: 'range', min: first, max: this.value() };
    }
    if (this.peek() !== ',') return { kind: 'one', value: first };
    const values = [first];
    while (this.peek() === ',') {
      this.pos += 1;
      values.push(this.value());
      if (values.length > 100) this.fail('a list has at most 100 values');
    }
    return { kind: 'list', values };
  }
}

/** Parses `q`; a BadRequestData names the character where it went wrong. */
export function parseQuery(text: string): QueryNode {
  if (text.length === 0 || text.length > MAX_LENGTH) throw badRequest(`q must be 1 to ${MAX_LENGTH} characters.`);
  return new Parser(text).parse();
}

/** A pattern of ~= compiled once; nested quantifiers (catastrophic backtracking) are refused. */
const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let regex = patterns.get(source);
  if (regex) return regex;
  if (source.length > 200 || /\([^)]*[+*}][^)]*\)\s*[+*{]/.test(source)) throw badRequest('q: a ~= pattern is at most 200 characters without nested quantifiers.');
  try {
    regex = new RegExp(source);
  } catch {
    throw badRequest(`q: "${source.slice(0, 60)}" is not a valid pattern.`);
  }
  if (patterns.size > 1000) patterns.clear();
  patterns.set(source, regex);
  return regex;
}

/** Checks the patterns of a parsed query up front, so a bad one is a 400 even when no entity is evaluated. */
export function checkPatterns(node: QueryNode): void {
  if (node.kind === 'and' || node.kind === 'or') node.terms.forEach(checkPatterns);
  else if (node.kind === 'compare' && (node.op === '~=' || node.op === '!~=') && node.value.kind === 'one') patternOf(String(node.value.value));
}

const MISSING = Symbol('missing');

function targetOf(attributes: Attributes, attr: AttrPath): unknown {
  let current: unknown = attributes[attr.path[0]!];
  for (const step of attr.path.slice(1)) {
    if (current === undefined || current === null || typeof current !== 'object') return MISSING;
    current = (current as Record<string, unknown>)[step];
  }
  if (current === undefined) return MISSING;
  let value: unknown = current;
  if (current !== null && typeof current === 'object' && !Array.isArray(current) && 'type' in current) {
    const a = current as Attribute;
    value = a.type === 'Relationship' ? a.object : a.type === 'LanguageProperty' ? Object.values((a.languageMap as object | undefined) ?? {}) : a.value;
  }
  for (const key of attr.inValue) {
    if (value === null || typeof value !== 'object') return MISSING;
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined ? MISSING : value;
}

function asTime(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? Date.parse(value) : undefined;
}

/** -1, 0, 1, or undefined when the two are not comparable (different kinds). */
function compare(target: unknown, value: Value): number | undefined {
  if (typeof target === 'number' && typeof value === 'number') return Math.sign(target - value);
  if (typeof target === 'boolean' && typeof value === 'boolean') return target === value ? 0 : target ? 1 : -1;
  if (typeof target === 'string') {
    const [a, b] = [asTime(target), asTime(String(value))];
    if (a !== undefined && b !== undefined && !Number.isNaN(a) && !Number.isNaN(b)) return Math.sign(a - b);
    const other = String(value);
    return target === other ? 0 : target < other ? -1 : 1;
  }
  return undefined;
}

function matchesOne(target: unknown, op: Operator, value: Comparable): boolean {
  if (Array.isArray(target)) return op === '!=' || op === '!~=' ? target.every((t) => matchesOne(t, op, value)) : target.some((t) => matchesOne(t, op, value));
  if (op === '~=' || op === '!~=') {
    if (typeof target !== 'string' || value.kind !== 'one') return op === '!~=';
    return patternOf(String(value.value)).test(target) === (op === '~=');
  }
  if (value.kind === 'range') {
    const lo = compare(target, value.min);
    const hi = compare(target, value.max);
    const inside = lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
    return op === '==' ? inside : lo !== undefined && !inside;
  }
  if (value.kind === 'list') {
    const any = value.values.some((v) => compare(target, v) === 0);
    return op === '==' ? any : !any && value.values.some((v) => compare(target, v) !== undefined);
  }
  const c = compare(target, value.value);
  if (c === undefined) return false;
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '>': return c > 0;
    case '<': return c < 0;
    case '>=': return c >= 0;
    default: return c <= 0;
  }
}

/** True when the entity's attributes satisfy the query. */
export function evaluateQuery(node: QueryNode, attributes: Attributes): boolean {
  switch (node.kind) {
    case 'and': return node.terms.every((term) => evaluateQuery(term, attributes));
    case 'or': return node.terms.some((term) => evaluateQuery(term, attributes));
    case 'exists': return (targetOf(attributes, node.attr) !== MISSING) !== node.negated;
    default: {
      const target = targetOf(attributes, node.attr);
      return target !== MISSING && target !== null && matchesOne(target, node.op, node.value);
    }
  }
}
