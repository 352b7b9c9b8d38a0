import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, visit, type Node, type ParseOptions } from 'jsonc-parser';
import type { Diagnostic, JsonPath, Severity } from '../diagnostics.ts';

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
const MAX_NESTING = 64;
const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/**
 * A parsed JSON text that remembers where every value came from, so diagnostics can point at
 * line:col. The tree of positions is built the first time a diagnostic needs one.
 */
export class JsonDocument {
  private readonly lineStarts: number[];
  private tree: { readonly root: Node | undefined } | undefined;

  constructor(
    readonly text: string,
    root: Node | undefined | (() => Node | undefined),
  ) {
    if (typeof root !== 'function') this.tree = { root };
    else this.build = root;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  private build: () => Node | undefined = () => undefined;

  get root(): Node | undefined {
    this.tree ??= { root: this.build() };
    return this.tree.root;
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** The node for a path, or the deepest existing ancestor when the path runs past the doc. */
  nodeAt(path: JsonPath): Node | undefined {
    if (!this.root) return undefined;
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(this.root, path.slice(0, length) as (string | number)[]);
      if (node) return node;
    }
    return this.root;
  }

  /** Points at the key of a property when the path ends at one, else at the value. */
  offsetOf(path: JsonPath, atKey = false): number {
    const node = this.nodeAt(path);
    if (!node) return 0;
    if (atKey && node.parent?.type === 'property') return node.parent.offset;
    return node.offset;
  }

  /** The offset of `key` inside the object at `path`, for diagnostics about one property. */
  keyOffset(path: JsonPath, key: string): number {
    const object = this.nodeAt(path);
    const property = object?.children?.find((child) => child.type === 'property' && child.children?.[0]?.value === key);
    return property?.offset ?? object?.offset ?? 0;
  }

  diagnostic(severity: Severity, code: string, message: string, path: JsonPath, offset = this.offsetOf(path)): Diagnostic {
    return { severity, code, message, path, ...this.position(offset) };
  }
}

export interface ParsedJson {
  readonly document: JsonDocument;
  readonly value: unknown;
  readonly diagnostics: Diagnostic[];
}

/** Parses strict JSON, reporting syntax errors and duplicate keys with positions. Never throws. */
export function parseJson(text: string): ParsedJson {
  if (text.length > MAX_DOCUMENT_BYTES) {
    const doc = new JsonDocument('', undefined);
    return {
      document: doc,
      value: undefined,
      diagnostics: [doc.diagnostic('error', 'E_TOO_LARGE', `the file is larger than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB limit for a scenario or playbook`, [], 0)],
    };
  }
  const nesting = deepestNesting(text);
  if (nesting.depth > MAX_NESTING) {
    const doc = new JsonDocument(text, undefined);
    return {
      document: doc,
      value: undefined,
      diagnostics: [doc.diagnostic('error', 'E_TOO_DEEP', `values are nested more than ${MAX_NESTING} levels deep`, [], nesting.offset)],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  const source = text;
  const doc = new JsonDocument(source, () => parseTree(source, [], STRICT));
  const scan = scanJson(source);
  if (scan.errors.length > 0) {
    return { document: doc, value: undefined, diagnostics: scan.errors.map((error) => doc.diagnostic('error', 'E_SYNTAX', describeParseError(printParseErrorCode(error.error)), [], error.offset)) };
  }
  if (!scan.hasValue) return { document: doc, value: undefined, diagnostics: [doc.diagnostic('error', 'E_SYNTAX', 'the file is empty', [], 0)] };
  const diagnostics = scan.duplicates.map(({ key, path, offset }) =>
    doc.diagnostic('error', 'E_DUPLICATE_KEY', `duplicate key "${key}"; JSON keeps only the last one`, [...path, key], offset),
  );
  const last = diagnostics[diagnostics.length - 1];
  if (scan.unlisted > 0 && last) {
    diagnostics.push({ ...last, message: `${scan.unlisted.toLocaleString('en')} more duplicate key(s) are not listed here; JSON keeps only the last of each` });
  }
  return { document: doc, value: valueOf(doc), diagnostics };
}

/** The native parser's value (the text is strict JSON by now); the tree's for the few texts only the tree accepts, such as ones spaced with no-break spaces. */
function valueOf(doc: JsonDocument): unknown {
  try {
    return JSON.parse(doc.text) as unknown;
  } catch {
    return doc.root ? getNodeValue(doc.root) : undefined;
  }
}

function describeParseError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `invalid JSON: ${words}`;
}

/** At most this many duplicate keys are reported one by one; the rest are counted in one more. */
export const MAX_DUPLICATE_KEY_DIAGNOSTICS = 100;

interface Scan {
  readonly errors: { error: number; offset: number }[];
  readonly duplicates: { key: string; path: (string | number)[]; offset: number }[];
  unlisted: number;
  hasValue: boolean;
}

/**
 * One pass over the text, building no tree: syntax errors, and every repeated key (the first
 * MAX_DUPLICATE_KEY_DIAGNOSTICS with their paths, the rest counted). Never recurses into the value.
 */
function scanJson(text: string): Scan {
  const scan: Scan = { errors: [], duplicates: [], unlisted: 0, hasValue: false };
  const keys: Set<string>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        scan.hasValue = true;
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (key, offset, _length, _line, _column, pathSupplier) => {
        const seen = keys[keys.length - 1];
        if (!seen) return;
        if (!seen.has(key)) seen.add(key);
        else if (scan.duplicates.length < MAX_DUPLICATE_KEY_DIAGNOSTICS) scan.duplicates.push({ key, path: pathSupplier() as (string | number)[], offset });
        else scan.unlisted++;
      },
      onArrayBegin: () => {
        scan.hasValue = true;
      },
      onLiteralValue: () => {
        scan.hasValue = true;
      },
      onError: (error, offset) => {
        scan.errors.push({ error, offset });
      },
    },
    STRICT,
  );
  return scan;
}

/** Bracket depth outside strings, so hostile input cannot exhaust the parser's stack. */
function deepestNesting(text: string): { depth: number; offset: number } {
  let depth = 0;
  let deepest = 0;
  let offset = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        offset = i;
        if (deepest > MAX_NESTING) break;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return { depth: deepest, offset };
}
