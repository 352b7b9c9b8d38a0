import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers.ts';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const ALLOWED_PACKAGES = new Set(['xstate', 'zod', 'jsonc-parser', 'stemmer']);
const FORBIDDEN_GLOBALS = /\b(document|window|localStorage|sessionStorage|navigator)\.|Date\.now\(|new Date\(|Math\.random\(|\bprocess\.|\brequire\(/;

describe('the core stays pure', () => {
  const root = repoPath('src/core');
  const files = sourceFiles(root);

  it('imports only small pure libraries and its own files', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm)) {
        const target = match[1] ?? '';
        const allowed = target.startsWith('.') ? join(file, '..', target).startsWith(`${root}/`) : ALLOWED_PACKAGES.has(target);
        if (!allowed) offenders.push(`${relative(root, file)} imports ${target}`);
      }
    }
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('never touches the DOM, the wall clock, randomness or the process', () => {
    const offenders = files.filter((file) => FORBIDDEN_GLOBALS.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
