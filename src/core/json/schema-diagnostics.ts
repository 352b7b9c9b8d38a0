import type { z } from 'zod';
import { didYouMean, type Diagnostic, type JsonPath } from '../diagnostics.ts';
import { EXPR_OPERATORS } from '../expr/schema.ts';
import type { JsonDocument } from './source.ts';

type Issue = z.core.$ZodIssue;

/** Turns schema validation issues into positioned diagnostics with messages an author can act on. */
export function schemaDiagnostics(
  doc: JsonDocument,
  issues: readonly Issue[],
  value: unknown,
  propertyNames: readonly string[],
): Diagnostic[] {
  const flattened = issues.flatMap((issue) => flattenIssue(issue, []));
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const { issue, path } of flattened) {
    const message = describeIssue(issue, path, value, propertyNames);
    const key = `${path.join('/')}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const offset =
      issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
        ? doc.keyOffset(path, issue.keys[0])
        : doc.offsetOf(path, isMissingProperty(issue, path, value));
    diagnostics.push(doc.diagnostic('error', 'E_SCHEMA', message, path, offset));
  }
  return diagnostics;
}

interface PlacedIssue {
  readonly issue: Issue;
  readonly path: JsonPath;
}

function flattenIssue(issue: Issue, prefix: JsonPath): PlacedIssue[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ issue, path }];
  const branch = closestBranch(issue.errors);
  if (!branch) return [{ issue, path }];
  return branch.flatMap((inner) => flattenIssue(inner, path));
}

/**
 * Picks the union member the author most likely meant: the one that got furthest
 * before failing, i.e. with the fewest complaints about the value itself.
 */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestScore = -Infinity;
  let ties = 0;
  for (const branch of branches) {
    const shallow = branch.filter((issue) => issue.path.length === 0 || (issue.path.length === 1 && isMissingKey(issue))).length;
    const deepest = Math.max(0, ...branch.map((issue) => issue.path.length));
    const score = deepest * 10 - shallow * 100;
    if (score > bestScore) {
      best = branch;
      bestScore = score;
      ties = 0;
    } else if (score === bestScore) ties++;
  }
  return ties > 0 && bestScore < 0 ? undefined : best;
}

function isMissingKey(issue: Issue): boolean {
  return issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
}

/** Whether the issue is about a key its object does not have, whatever the schema would have accepted there. */
function isMissingProperty(issue: Issue, path: JsonPath, root: unknown): boolean {
  if (issue.code === 'unrecognized_keys' || path.length === 0 || valueAt(root, path) !== undefined) return false;
  const parent = valueAt(root, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !Object.hasOwn(parent, String(path[path.length - 1]));
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function where(path: JsonPath): string {
  return path.length === 0 ? 'the doc' : `"${path.join('.')}"`;
}

function describeIssue(issue: Issue, path: JsonPath, root: unknown, propertyNames: readonly string[]): string {
  if (isMissingProperty(issue, path, root)) return `missing required property ${where(path)}`;
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(root, path);
      if (actual === undefined) return `missing required property ${where(path)}`;
      return `${where(path)} should be ${issue.expected}, not ${describeValue(actual)}`;
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return `unknown property "${key}" in ${where(path)}${didYouMean(key, propertyNames)}`;
    }
    case 'invalid_union':
      return `${where(path)} does not match any allowed form${unionHint(valueAt(root, path))}`;
    case 'invalid_value':
      return `${where(path)} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${
        typeof valueAt(root, path) === 'string' ? didYouMean(String(valueAt(root, path)), issue.values.map(String)) : ''
      }`;
    case 'invalid_format':
    case 'too_small':
    case 'too_big':
    default:
      return `${where(path)}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
  }
}

const EXPRESSION_KEYS: readonly string[] = EXPR_OPERATORS;

function unionHint(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  const keys = Object.keys(value);
  const unknown = keys.find((key) => !EXPRESSION_KEYS.includes(key));
  if (unknown !== undefined && keys.length === 1) {
    return `: "${unknown}" is not a condition operator${didYouMean(unknown, EXPRESSION_KEYS)}`;
  }
  return '';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
