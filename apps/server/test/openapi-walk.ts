import { randomUUID } from 'node:crypto';
import { STREET_A } from './test-app';

/**
 * Plausible and hostile values for the operations of the OpenAPI document, so that a test can
 * send every route the inputs that once answered 500 (NUL, control characters, invisible names,
 * year-0 dates, huge numbers, out-of-range cursors) without a hand-written list that a new route
 * could be missing from.
 */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface Operation {
  method: string;
  /** OpenAPI path, `{param}` style. */
  path: string;
  parameters: { name: string; in: 'query' | 'path' | 'header'; schema: JsonSchema }[];
  body?: JsonSchema;
}

export function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const body = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters as Operation['parameters'] | undefined) ?? [],
        body,
      });
    }
  return ops;
}

/** Values a test fixture provides for path parameters and id fields, by parameter name. */
export type Fixtures = Record<string, string>;

const nonNull = (options: JsonSchema[]) =>
  options.find((o) => o.type !== 'null' && !(Array.isArray(o.type) && o.type.includes('null'))) ??
  options[0]!;

/** A value that passes the schema's own constraints as far as a JSON schema can tell. */
export function sample(schema: JsonSchema, key: string, fixtures: Fixtures): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sample(nonNull(schema.anyOf), key, fixtures);
  if (schema.oneOf) return sample(nonNull(schema.oneOf), key, fixtures);
  if (schema.allOf) return sample(schema.allOf[0]!, key, fixtures);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (fixtures[key]) return fixtures[key];
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2024-03-01';
      if (schema.format === 'date-time') return '2024-03-01T08:00:00Z';
      if (schema.pattern?.includes('\\d{12}')) return STREET_A;
      if (schema.pattern?.includes('1\\d{10}')) return '13800000001';
      if (schema.pattern?.includes('[a-z0-9]')) return 'walker';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 2));
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(low, schema.maximum ?? low);
    }
    case 'boolean':
      return false;
    case 'array':
      return schema.maxItems === 0 || !schema.items ? [] : [sample(schema.items, key, fixtures)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = sample(s, k, fixtures);
      return out;
    }
    default:
      return null;
  }
}

export interface Leaf {
  /** Path inside the value, as the validation details name it (`contacts.0.name`). */
  path: (string | number)[];
  schema: JsonSchema;
}

/** The scalar positions of a sampled value, with the schema that produced each. */
export function leaves(schema: JsonSchema, value: unknown, path: (string | number)[] = []): Leaf[] {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return leaves(nonNull(options), value, path);
  if (schema.allOf) return leaves(schema.allOf[0]!, value, path);
  if (Array.isArray(value) && schema.items)
    return value.flatMap((v, i) => leaves(schema.items!, v, [...path, i]));
  if (value && typeof value === 'object' && schema.properties)
    return Object.entries(value).flatMap(([k, v]) =>
      schema.properties![k] ? leaves(schema.properties![k]!, v, [...path, k]) : [],
    );
  return [{ path, schema }];
}

export function withLeaf(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = withLeaf(copy[head!], rest, leaf);
  return copy;
}

/** A field that holds the name of a person or an organisation. */
export const isNameField = (key: string): boolean =>
  (/name$/i.test(key) && key !== 'username') ||
  [
    'legalRepresentative',
    'institution',
    'familyDoctorInstitution',
    'relation',
    'gradeBody',
    'trainer',
  ].includes(key);

export interface Hostile {
  label: string;
  value: unknown;
  /** Must be refused by validation, with a detail naming the field. */
  refused: boolean;
}

const isString = (s: JsonSchema) =>
  s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string')) || s.enum !== undefined;
const isNumber = (s: JsonSchema) =>
  ['integer', 'number'].some((t) => s.type === t || (Array.isArray(s.type) && s.type.includes(t)));

/** Hostile values for one scalar field, given its schema, name and a sample of it. */
export function hostileValues(schema: JsonSchema, key: string, plausible: unknown): Hostile[] {
  const out: Hostile[] = [];
  if (isString(schema)) {
    const base = typeof plausible === 'string' ? plausible : 'x';
    out.push(
      { label: 'NUL', value: `${base}\u0000`, refused: true },
      { label: 'control character', value: `${base}\u0007\u001b`, refused: true },
    );
    if (isNameField(key))
      out.push(
        { label: 'zero-width only', value: '\u200b\u200d\ufeff', refused: true },
        { label: 'bidi override', value: `ab\u202ecd`, refused: true },
      );
    if (schema.format === 'date' || schema.format === 'date-time') {
      const time = schema.format === 'date-time' ? 'T00:00:00Z' : '';
      for (const day of ['0000-01-01', '2026-02-30', '0001-01-01'])
        out.push({ label: `date ${day}`, value: day + time, refused: true });
    }
  }
  if (isNumber(schema))
    for (const n of [1e300, -1e300, 2 ** 31]) out.push({ label: `number ${n}`, value: n, refused: false });
  return out;
}

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Cursors no list ever sent: wrong shapes, out-of-range keys, NUL, not base64 at all. */
export const HOSTILE_CURSORS: string[] = [
  '!!not-base64!!',
  b64('{"a":'),
  b64('99999999999999999999'),
  b64('"99999999999999999999"'),
  b64('"-1"'),
  b64('"\u0000"'),
  b64(['0000-01-01T00:00:00Z', randomUUID()]),
  b64(['0000-01-01', randomUUID()]),
  b64(['0000-01-01T00:00:00.000000Z', randomUUID()]),
  b64(['2024-01-01T00:00:00Z', 'a\u0000']),
  b64(['000000000000', randomUUID()]),
  b64([1e308, -1]),
  b64(null),
];

/** Text that must never reach a client: SQL, driver messages, stack frames. */
export const INTERNALS =
  /failed query|select .* from|insert into|update .* set|delete from|invalid input syntax|out of range for type|violates|\bat .*\.(?:ts|js):\d+|node_modules|stack/i;
