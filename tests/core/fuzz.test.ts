import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonPath } from '../../src/core/diagnostics.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/core/json/source.ts';
import { loadScenario } from '../../src/core/load.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { bundledPlaybooks, readRepoText, repoPath } from '../helpers.ts';

/**
 * 10,000 mutated scenario files through the whole loader (parser, validator, references, lint) and,
 * when one comes out valid, the compiler. Nothing may throw, and every file either loads or gets at
 * least one diagnostic, each with a real line and column. Seeded, so a failure names its case.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const CASES = 10_000;
const BLOCKS = 4;
const playbooks = bundledPlaybooks();
const fullTexts = readdirSync(repoPath('scenarios'))
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .sort()
  .map((name) => readRepoText(`scenarios/${name}`));

/** mulberry32: a small seeded generator, so every case can be replayed from its number. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

const CONDITION_KEYS = new Set(['when', 'trigger', 'expect', 'until', 'noAdditionalNeeds']);
const EMPTIABLE_LISTS = new Set(['next', 'timeline', 'reactions', 'branches', 'decisions']);

/**
 * A small valid scenario cut from a bundled one: a few items of each list, then whatever a
 * diagnostic points at is dropped (or its condition set to true) until the file loads. Small
 * bases keep 10,000 runs fast; one case in a hundred mutates a full bundled file instead.
 */
function smallValid(text: string): string {
  const scenario = JSON.parse(text) as Record<string, Json>;
  const keep: Record<string, number> = { cast: 3, phases: 2, timeline: 3, reactions: 2, branches: 2, decisions: 2, rubric: 3, objectives: 1 };
  for (const [key, count] of Object.entries(keep)) {
    const list = scenario[key];
    if (Array.isArray(list)) scenario[key] = list.slice(0, count);
  }
  const endings = scenario.endings;
  if (Array.isArray(endings) && endings.length > 2) scenario.endings = [endings[0] ?? null, endings[endings.length - 1] ?? null];
  const can = scenario.can as { facts?: Json[] } | undefined;
  if (can?.facts) can.facts = can.facts.slice(0, 2);
  for (let round = 0; round < 200; round++) {
    const candidate = JSON.stringify(scenario, null, 2);
    const error = loadScenario(candidate, playbooks).diagnostics.find((d) => d.severity === 'error');
    if (!error) return candidate;
    if (!repair(scenario, error.path)) throw new Error(`cannot cut a small scenario: ${error.code} at ${error.path.join('.')}`);
  }
  throw new Error('cannot cut a small scenario');
}

function repair(root: Record<string, Json>, path: JsonPath): boolean {
  const conditionAt = path.findIndex((key) => typeof key === 'string' && CONDITION_KEYS.has(key));
  const owner = (depth: number) => path.slice(0, depth).reduce<Json | undefined>((node, key) => (node as Record<string | number, Json> | undefined)?.[key], root);
  if (conditionAt > 0) {
    const parent = owner(conditionAt) as Record<string, Json>;
    parent[path[conditionAt] as string] = true;
    return true;
  }
  for (let depth = path.length - 1; depth >= 1; depth--) {
    const index = path[depth];
    const list = owner(depth);
    const mayEmpty = EMPTIABLE_LISTS.has(String(path[depth - 1]));
    if (typeof index === 'number' && Array.isArray(list) && (list.length > 1 || mayEmpty)) {
      list.splice(index, 1);
      return true;
    }
  }
  return false;
}

const UNICODE = ['\u0000', '\u200b', '\u202e', '\ud800', '😀', 'é', '\ufeff', '\u2028', 'Ω≈ç√', '\\u0000', '"', '\\', '<img src=x onerror=alert(1)>'];
const HUGE = ['1e308', '-1e308', '99999999999999999999999', '1.7976931348623157e309', '-0', '0.0000000001', '4294967297'];

function mutateText(text: string, random: Random): string {
  const lines = text.split('\n');
  const at = random.int(text.length + 1);
  switch (random.int(9)) {
    case 0:
      lines.splice(random.int(lines.length), 1);
      return lines.join('\n');
    case 1: {
      const line = random.int(lines.length);
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    }
    case 2: {
      const a = random.int(lines.length);
      const b = random.int(lines.length);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 3:
      return text.slice(0, at) + text.slice(at + 1 + random.int(3));
    case 4:
      return text.slice(0, at) + text.charAt(at) + text.slice(at);
    case 5: {
      const b = random.int(text.length);
      const [first, second] = at < b ? [at, b] : [b, at];
      return text.slice(0, first) + text.charAt(second) + text.slice(first + 1, second) + text.charAt(first) + text.slice(second + 1);
    }
    case 6:
      return text.slice(0, at);
    case 7:
      return text.slice(0, at) + random.pick(UNICODE) + text.slice(at);
    default: {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?/g)];
      const target = numbers.length > 0 ? random.pick(numbers) : undefined;
      if (!target || target.index === undefined) return text + random.pick(HUGE);
      return text.slice(0, target.index) + random.pick(HUGE) + text.slice(target.index + target[0].length);
    }
  }
}

/** Every container in a JSON value with the path to it. */
function containers(value: Json, path: (string | number)[] = [], found: { node: Json[] | { [key: string]: Json }; path: (string | number)[] }[] = []) {
  if (Array.isArray(value)) {
    found.push({ node: value, path });
    value.forEach((child, i) => containers(child, [...path, i], found));
  } else if (value !== null && typeof value === 'object') {
    found.push({ node: value, path });
    for (const [key, child] of Object.entries(value)) containers(child, [...path, key], found);
  }
  return found;
}

function flipType(value: Json, random: Random): Json {
  if (typeof value === 'string') return random.pick([value.length, null, [value], { value }, true]);
  if (typeof value === 'number') return random.pick([String(value), -value, value * 1e300, Number.MAX_SAFE_INTEGER + 2, 0.5]);
  if (typeof value === 'boolean') return random.pick([String(value), Number(value), null]);
  if (Array.isArray(value)) return random.pick([{}, value.length, value[0] ?? null, [...value, ...value], []]);
  if (value === null) return random.pick(['', 0, false, {}]);
  return random.pick([[value], Object.keys(value).join(' '), null, {}]);
}

function deepNest(value: Json, depth: number): Json {
  let nested = value;
  for (let i = 0; i < depth; i++) nested = i % 2 === 0 ? [nested] : { nested };
  return nested;
}

function mutateObject(text: string, random: Random): string {
  const root = JSON.parse(text) as Json;
  const all = containers(root);
  const { node } = random.pick(all);
  const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
  if (keys.length === 0) return JSON.stringify(root, null, 2);
  const key = random.pick(keys);
  const record = node as Record<string | number, Json>;
  const strings = all.flatMap(({ node: container }) => Object.values(container).filter((value): value is string => typeof value === 'string'));
  switch (random.int(8)) {
    case 0:
      record[key] = flipType(record[key] ?? null, random);
      break;
    case 1:
      if (Array.isArray(node)) node.splice(key as number, 1);
      else delete record[key];
      break;
    case 2:
      if (!Array.isArray(node)) {
        const value = record[key] ?? null;
        delete record[key];
        record[random.pick([`${key}s`, String(key).slice(1), String(key).toUpperCase(), `x-${key}`, '__proto__', 'constructor'])] = value;
      }
      break;
    case 3:
      record[key] = Number(random.pick(HUGE));
      break;
    case 4:
      record[key] = deepNest(record[key] ?? null, random.pick([3, 30, 70, 200]));
      break;
    case 5:
      record[key] = random.pick([random.pick(UNICODE), 'x'.repeat(random.pick([0, 1, 10_000])), random.pick(strings), '25:61:00', '00:00:00', '99:99']);
      break;
    case 6:
      if (Array.isArray(node)) node.push(JSON.parse(JSON.stringify(node[key as number] ?? null)) as Json);
      else record[key] = random.pick(strings);
      break;
    default:
      if (Array.isArray(node)) node.reverse();
      else record[key] = random.pick(strings) ?? null;
      break;
  }
  return JSON.stringify(root, null, random.int(3));
}

const smallTexts = fullTexts.map(smallValid);

function mutant(seed: number): string {
  const random = generator(seed);
  let text = random.next() < 0.01 ? random.pick(fullTexts) : random.pick(smallTexts);
  const rounds = 1 + random.int(3);
  for (let round = 0; round < rounds; round++) {
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    text = parses && random.next() < 0.5 ? mutateObject(text, random) : mutateText(text, random);
  }
  return text;
}

interface Tally {
  valid: number;
  invalid: number;
  failures: string[];
}

function runCases(from: number, to: number): Tally {
  const tally: Tally = { valid: 0, invalid: 0, failures: [] };
  for (let seed = from; seed < to; seed++) {
    let text = '';
    try {
      text = mutant(seed);
      const loaded = loadScenario(text, playbooks);
      if (loaded.value && loaded.playbook) {
        compileScenario(loaded.value, loaded.playbook);
        tally.valid++;
      } else {
        tally.invalid++;
        const misplaced = loaded.diagnostics.filter((d) => !(d.line >= 1 && d.column >= 1));
        if (loaded.diagnostics.length === 0) tally.failures.push(`case ${seed}: invalid with no diagnostic`);
        if (misplaced.length > 0) tally.failures.push(`case ${seed}: diagnostic without a position: ${JSON.stringify(misplaced[0])}`);
      }
    } catch (error) {
      tally.failures.push(`case ${seed}: threw ${(error as Error).stack ?? String(error)}`);
    }
  }
  return tally;
}

describe(`fuzzing the scenario loader with ${CASES.toLocaleString('en')} mutated files`, () => {
  it('cuts a small valid scenario from every bundled one to mutate', () => {
    expect(smallTexts).toHaveLength(fullTexts.length);
    for (const text of smallTexts) expect(loadScenario(text, playbooks).value).toBeDefined();
  });

  const perBlock = CASES / BLOCKS;
  for (let block = 0; block < BLOCKS; block++) {
    it(`cases ${block * perBlock} to ${(block + 1) * perBlock - 1}: nothing throws, and each file loads or is diagnosed with a position`, { timeout: 120_000 }, () => {
      const tally = runCases(block * perBlock, (block + 1) * perBlock);
      expect(tally.failures.slice(0, 5)).toEqual([]);
      expect(tally.valid + tally.invalid).toBe(perBlock);
      // Both outcomes must be common, or the mutations are too mild or too wild to test much.
      expect(tally.valid).toBeGreaterThan(perBlock / 50);
      expect(tally.invalid).toBeGreaterThan(perBlock / 2);
    });
  }
});

describe('hostile files', () => {
  it('refuses a file over the size limit at once, with a clear message', () => {
    const text = readRepoText('scenarios/acme-chemical.json') + ' '.repeat(MAX_DOCUMENT_BYTES);
    const started = performance.now();
    const loaded = loadScenario(text, playbooks);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(loaded.value).toBeUndefined();
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'E_TOO_LARGE', line: 1, column: 1, message: expect.stringContaining('2 MB') })]);
  });

  it('refuses deep nesting at once, pointing at where it goes too deep', () => {
    const nested = `{"id": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const started = performance.now();
    const loaded = loadScenario(nested, playbooks);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'E_TOO_DEEP', line: 1, message: expect.stringContaining('nested more than') })]);
    expect(loaded.diagnostics[0]?.column).toBeGreaterThan(1);
  });

  it('refuses a valid scenario with one value nested too deep', () => {
    const scenario = JSON.parse(readRepoText('scenarios/acme-chemical.json')) as Record<string, Json>;
    scenario.summary = deepNest('deep', 100);
    const loaded = loadScenario(JSON.stringify(scenario, null, 2), playbooks);
    expect(loaded.value).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['E_TOO_DEEP']);
    expect(loaded.diagnostics[0]?.line).toBeGreaterThan(1);
  });
});
