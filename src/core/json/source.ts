import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic, JsonPath, Severity } from '../diagnostics.ts';

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
const MAX_NESTING = 64;

/** A parsed JSON text that remembers where every value came from, so diagnostics can point at line:col. */
export class JsonDocument {
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    readonly root: Node | undefined,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
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
  const errors: ParseError[] = [];
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const doc = new JsonDocument(text, root);
  const diagnostics = errors.map((error) =>
    doc.diagnostic('error', 'E_SYNTAX', describeParseError(printParseErrorCode(error.error)), [], error.offset),
  );
  if (diagnostics.length > 0 || !root) {
    if (diagnostics.length === 0) diagnostics.push(doc.diagnostic('error', 'E_SYNTAX', 'the file is empty', [], 0));
    return { document: doc, value: undefined, diagnostics };
  }
  diagnostics.push(...duplicateKeys(doc, root));
  return { document: doc, value: getNodeValue(root), diagnostics };
}

function describeParseError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `invalid JSON: ${words}`;
}

/** At most this many duplicate keys are reported one by one; the rest are counted in one more. */
export const MAX_DUPLICATE_KEY_DIAGNOSTICS = 100;

/**
 * Every repeated key, walking the tree without recursion; a key's path is built only when it is
 * reported, from its parents, so the walk costs one step per node however deep or wide the file.
 */
function duplicateKeys(doc: JsonDocument, root: Node): Diagnostic[] {
  const found: Diagnostic[] = [];
  let more = 0;
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'array') {
      for (const child of node.children ?? []) pending.push(child);
      continue;
    }
    if (node.type !== 'object') continue;
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const key = String(keyNode?.value);
      if (!seen.has(key)) seen.add(key);
      else if (found.length < MAX_DUPLICATE_KEY_DIAGNOSTICS) {
        found.push(doc.diagnostic('error', 'E_DUPLICATE_KEY', `duplicate key "${key}"; JSON keeps only the last one`, [...pathOf(node), key], property.offset));
      } else more++;
      if (valueNode) pending.push(valueNode);
    }
  }
  found.sort((x, y) => x.line - y.line || x.column - y.column);
  const last = found[found.length - 1];
  if (more > 0 && last) {
    found.push({ ...last, message: `${more.toLocaleString('en')} more duplicate key(s) are not listed here; JSON keeps only the last of each` });
  }
  return found;
}

/** The JSON path of a node, from its parents. */
function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property') path.push(String(parent.children?.[0]?.value));
    else if (parent.type === 'array') path.push(parent.children?.indexOf(child) ?? 0);
  }
  return path.reverse();
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
