/**
 * Canonical JSON text: one spelling for one JSON value, so that equal content always hashes the same.
 *
 * It follows RFC 8785 (the JSON Canonicalization Scheme) for every value JSON can hold:
 * - no whitespace between tokens;
 * - object members sorted by name, comparing UTF-16 code units (JavaScript's own string order, as RFC 8785
 *   §3.2.3 requires; it differs from code point order only between astral characters and U+E000–U+FFFF);
 * - strings escaped as JSON.stringify escapes them (RFC 8785 §3.2.2.2);
 * - numbers written as JSON.stringify writes them, the ECMAScript shortest round-trip form (§3.2.2.3), so
 *   `1.0` and `1` are the same number and `-0` is written `0`.
 * One departure from RFC 8785: a lone surrogate in a string (which a JSON file may spell `"\ud800"`) is
 * written as its `\uXXXX` escape, as JSON.stringify writes it, rather than refused, so any file the loader
 * accepts has a hash.
 * Where JavaScript holds more than JSON can, it departs from a plain JSON.stringify and throws instead of
 * guessing: NaN and infinities, `undefined` in a list or as the whole value, functions, symbols, bigints, cycles, and objects that are not
 * plain (a Date, a Map, a class instance). An object member whose value is `undefined` is left out, as
 * JSON.stringify leaves it out: it is how optional fields are absent in JavaScript.
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, '$', new Set(), parts);
  return parts.join('');
}

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
  /** Where the offending value is, e.g. `$.cast[2].name`. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.path = path;
  }
}

function write(value: unknown, path: string, open: Set<object>, parts: string[]): void {
  switch (typeof value) {
    case 'string':
      parts.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a JSON number`);
      parts.push(JSON.stringify(value));
      return;
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return;
    case 'object':
      if (value === null) parts.push('null');
      else writeContainer(value, path, open, parts);
      return;
    default:
      throw new CanonicalJsonError(path, `${typeof value} is not a JSON value`);
  }
}

function writeContainer(value: object, path: string, open: Set<object>, parts: string[]): void {
  if (open.has(value)) throw new CanonicalJsonError(path, 'the value contains itself');
  open.add(value);
  if (Array.isArray(value)) writeArray(value, path, open, parts);
  else if (isPlainObject(value)) writeObject(value, path, open, parts);
  else throw new CanonicalJsonError(path, `${Object.prototype.toString.call(value)} is not a plain JSON object`);
  open.delete(value);
}

function writeArray(items: readonly unknown[], path: string, open: Set<object>, parts: string[]): void {
  parts.push('[');
  for (let index = 0; index < items.length; index++) {
    if (index > 0) parts.push(',');
    const itemPath = `${path}[${index}]`;
    const item: unknown = items[index];
    if (item === undefined) throw new CanonicalJsonError(itemPath, 'undefined (or a hole) is not a JSON value');
    write(item, itemPath, open, parts);
  }
  parts.push(']');
}

function writeObject(object: Record<string, unknown>, path: string, open: Set<object>, parts: string[]): void {
  // Default sort compares UTF-16 code units, which is the order RFC 8785 asks for.
  const names = Object.keys(object)
    .filter((name) => object[name] !== undefined)
    .sort();
  parts.push('{');
  names.forEach((name, index) => {
    if (index > 0) parts.push(',');
    const memberPath = `${path}${/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`}`;
    write(name, memberPath, open, parts);
    parts.push(':');
    write(object[name], memberPath, open, parts);
  });
  parts.push('}');
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
