import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from './helpers.ts';

/** The import direction of ARCHITECTURE.md, checked: core <- classroom <- app <- {game, audio, ui} <- main.ts; core <- classroom <- server <- cli. */

const src = repoPath('src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Rule {
  readonly folder: string;
  /** Layers under src it may import (its own included). */
  readonly layers: readonly string[];
  /** Packages it may import. */
  readonly packages: readonly string[];
}

const RULES: readonly Rule[] = [
  { folder: 'core', layers: ['core'], packages: ['xstate', 'zod', 'jsonc-parser', 'stemmer', '@noble/hashes/sha2.js', '@noble/hashes/legacy.js'] },
  { folder: 'classroom', layers: ['core', 'classroom'], packages: ['zod'] },
  { folder: 'app', layers: ['core', 'classroom', 'app'], packages: ['zod', 'zustand/vanilla', '@colyseus/sdk'] },
  { folder: 'game', layers: ['core', 'app', 'game'], packages: ['phaser'] },
  { folder: 'audio', layers: ['core', 'app', 'audio'], packages: ['howler'] },
  { folder: 'ui', layers: ['core', 'app', 'ui'], packages: [] },
  { folder: 'cli', layers: ['core', 'app', 'server', 'cli'], packages: ['node:fs', 'node:path', 'node:url', 'node:events', 'node:readline', 'node:stream'] },
  {
    folder: 'server',
    layers: ['core', 'classroom', 'server'],
    packages: ['zod', 'xstate', '@colyseus/core', '@colyseus/ws-transport', '@colyseus/schema', '@colyseus/redis-presence', '@colyseus/redis-driver', 'ws', 'node:http', 'fastify', '@fastify/static', 'kysely', 'kysely/migration', '@electric-sql/pglite', 'pg', '@node-rs/argon2', 'node:fs', 'node:fs/promises', 'node:path', 'node:url', 'node:crypto', 'node:os', 'node:process', 'node:events', 'node:readline', 'node:stream', 'exceljs', '@xapi/xapi', 'pdfmake', 'node:module', 'node:timers/promises', 'fflate'],
  },
];

/** The imports of a file that its layer's rule does not allow. */
export function forbiddenImports(file: string, source: string, rule: Rule): string[] {
  const targets = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
  return targets.filter((target) => {
    if (!target.startsWith('.')) return !rule.packages.includes(target);
    const layer = relative(src, join(file, '..', target)).split('/')[0] ?? '';
    return !rule.layers.includes(layer);
  });
}

describe('each layer imports only what is below it', () => {
  for (const rule of RULES) {
    it(`src/${rule.folder} imports only ${[...rule.layers.map((layer) => `src/${layer}`), ...rule.packages].join(', ')}`, () => {
      const files = sourceFiles(join(src, rule.folder));
      const offenders = files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8'), rule).map((target) => `${relative(src, file)} imports ${target}`));
      expect(files.length).toBeGreaterThan(0);
      expect(offenders).toEqual([]);
    });
  }

  it('catches a forbidden import, so the rules above can fail', () => {
    const ui = RULES.find((rule) => rule.folder === 'ui')!;
    const file = join(src, 'ui', 'example.ts');
    expect(forbiddenImports(file, "import { Game } from 'phaser';\nimport { h } from './dom.ts';\nconst g = import('../game/mount-game.ts');", ui)).toEqual(['phaser', '../game/mount-game.ts']);
  });
});

const DOM = String.raw`(?<![.\w])(document|window|localStorage|sessionStorage|navigator)\.|(?<![.\w])requestAnimationFrame\(`;
const FORBIDDEN_IN_CORE = new RegExp(String.raw`${DOM}|Date\.now\(|new Date\(|Math\.random\(|(?<![.\w])process\.|(?<![.\w])require\(`);
const DOM_GLOBALS = new RegExp(DOM);

describe('pure layers stay pure', () => {
  it('the core never touches the DOM, the wall clock, randomness or the process', () => {
    const offenders = sourceFiles(join(src, 'core')).filter((file) => FORBIDDEN_IN_CORE.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(src, file))).toEqual([]);
  });

  it('the app layer never touches the DOM: the page hands it storage and a frame loop', () => {
    const offenders = sourceFiles(join(src, 'app')).filter((file) => DOM_GLOBALS.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(src, file))).toEqual([]);
  });
});

describe('the purity checks', () => {
  it('see globals but not properties that share their names', () => {
    expect(DOM_GLOBALS.test('const body = document.body;')).toBe(true);
    expect(FORBIDDEN_IN_CORE.test('const now = Date.now();')).toBe(true);
    expect(DOM_GLOBALS.test("loaded.document.diagnostic('error')")).toBe(false);
  });
});
