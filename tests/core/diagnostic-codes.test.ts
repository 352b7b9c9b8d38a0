import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ACTIONS } from '../../src/core/actions/action.ts';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_GROUPS, diagnosticCodeInfo, type DiagnosticGroup } from '../../src/core/diagnostic-codes.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/core/json/source.ts';
import { readRepoText, repoPath } from '../helpers.ts';

const REGISTRY = 'src/core/diagnostic-codes.ts';
/** A whole `E_…` or `W_…` word, wherever it stands: quoted, in a template string, or printed by hand. */
const CODE = /(?<![A-Za-z0-9_])[EW]_[A-Z0-9]+(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every code written in src/, outside the registry, with the files that write it. */
function codesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(repoPath('src'))) {
    const name = relative(repoPath(''), file).split('\\').join('/');
    if (name === REGISTRY) continue;
    for (const [code] of readFileSync(file, 'utf8').matchAll(CODE)) found.set(code, [...(found.get(code) ?? []), name]);
  }
  return found;
}

describe('the diagnostic code registry', () => {
  const registered = DIAGNOSTIC_CODES.map((info) => info.code);

  it('holds every code the source reports', () => {
    const unregistered = [...codesInSource()].filter(([code]) => diagnosticCodeInfo(code) === undefined);
    expect(unregistered, `add these to ${REGISTRY} and scenarios/README.md`).toEqual([]);
  });

  it('holds no code the source never reports', () => {
    const inSource = codesInSource();
    expect(registered.filter((code) => !inSource.has(code))).toEqual([]);
  });

  it('lists each code once, with the severity its prefix says and a summary', () => {
    expect(new Set(registered).size).toBe(registered.length);
    for (const info of DIAGNOSTIC_CODES) {
      expect(info.severity, info.code).toBe(info.code.startsWith('E_') ? 'error' : 'warning');
      expect(info.summary.trim(), info.code).not.toBe('');
      expect(info.summary, info.code).not.toContain('|');
      expect(Object.keys(DIAGNOSTIC_GROUPS), info.code).toContain(info.group);
    }
  });

  it('states the limits the code enforces', () => {
    expect(diagnosticCodeInfo('E_LOG_TOO_MANY_ACTIONS')?.summary).toContain(MAX_ACTIONS.toLocaleString('en-US'));
    expect(diagnosticCodeInfo('E_TOO_LARGE')?.summary).toContain(`${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  });

  it('gives every action-log code the E_LOG_ prefix that LogDiagnostic codes use', () => {
    const logCodes = DIAGNOSTIC_CODES.filter((info) => info.group === 'log' && info.code.startsWith('E_LOG_')).map((info) => info.code);
    expect(logCodes).toEqual(expect.arrayContaining(['E_LOG_SHAPE', 'E_LOG_OUT_OF_ORDER', 'E_LOG_UNKNOWN_PARTICIPANT', 'E_LOG_TOO_MANY_ACTIONS']));
    expect(DIAGNOSTIC_CODES.filter((info) => info.code.startsWith('E_LOG_') && info.group !== 'log')).toEqual([]);
  });
});

interface ReadmeGroup {
  readonly title: string;
  readonly rows: readonly (readonly [string, string])[];
}

/** The tables under "### Diagnostics" in scenarios/README.md: each bold heading and its `code | meaning` rows. */
function readmeTables(): ReadmeGroup[] {
  const text = readRepoText('scenarios/README.md').replace(/\r\n/g, '\n');
  const start = text.indexOf('\n### Diagnostics\n');
  expect(start, 'a "### Diagnostics" section in scenarios/README.md').toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + 1);
  const end = rest.slice(1).search(/\n#{1,3} /);
  const section = end === -1 ? rest : rest.slice(0, end + 1);
  const groups: { title: string; rows: [string, string][] }[] = [];
  for (const line of section.split('\n')) {
    const heading = /^\*\*(.+?)\*\*/.exec(line);
    if (heading) groups.push({ title: heading[1] ?? '', rows: [] });
    const row = /^\| `([EW]_[A-Z0-9_]+)` \| (.+) \|$/.exec(line);
    if (row) groups.at(-1)?.rows.push([row[1] ?? '', row[2] ?? '']);
  }
  return groups;
}

describe('the diagnostics reference in scenarios/README.md', () => {
  it('lists exactly the registry, group by group, with its summaries', () => {
    const expected = (Object.keys(DIAGNOSTIC_GROUPS) as DiagnosticGroup[]).map((group) => ({
      title: DIAGNOSTIC_GROUPS[group],
      rows: DIAGNOSTIC_CODES.filter((info) => info.group === group).map((info) => [info.code, info.summary] as const),
    }));
    expect(readmeTables()).toEqual(expected);
  });
});
