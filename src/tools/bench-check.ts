import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_DOCUMENT_BYTES } from '../core/json/source.ts';

/**
 * `check` as the CLI runs it (read, parse, schema, references, lint, voice clips, printing) on the
 * largest bundled scenario and on generated files built to make the analyses slow, each against
 * JSON.parse of the same text in the same run. Target: at most 2 s each.
 */

export const CHECK_TITLE = 'Bridge Drill check benchmark (the CLI check command, adversarial files near the size limit)';
const TARGET_MS = 2000;

type ScenarioObject = Record<string, unknown> & { clock: { start: string; end: string }; timeline: unknown[]; phases: unknown[]; endings: unknown[]; cast: { id: string }[] };
type Phase = { id: string; title: string; next?: { to: string; when: unknown }[] };

/** Beats each waiting for the next one, the last of which can never happen: impossibility flows back down the whole chain. */
export function beatChain(base: ScenarioObject, count: number): ScenarioObject {
  const speaker = base.cast[0]?.id ?? '';
  const chain = Array.from({ length: count }, (_, i) => ({
    id: `chain-${i}`,
    at: base.clock.start,
    type: 'say',
    speaker,
    text: `Line ${i} of a long exchange that waits for the next.`,
    when: i === count - 1 ? false : { fired: `chain-${i + 1}` },
  }));
  return { ...base, timeline: [...base.timeline, ...chain] };
}

/**
 * Layers of two phases, each leading to both phases of the next layer, the last layer back to the
 * first: twice as many loops with every layer. Transitions alternate between "a beat fired" and
 * its negation, so no loop can spin, yet no single transition is impossible.
 */
export function phaseLadder(base: ScenarioObject, layers: number): ScenarioObject {
  const first = (base.timeline[0] as { id: string } | undefined)?.id ?? '';
  const flag = { fired: first };
  const phases: Phase[] = [];
  for (let layer = 0; layer < layers; layer++) {
    const to = (layer + 1) % layers;
    for (const side of ['a', 'b']) {
      phases.push({
        id: `l${layer}${side}`,
        title: `Layer ${layer} ${side}`,
        next: [
          { to: `l${to}a`, when: layer % 2 === 0 ? flag : { not: flag } },
          { to: `l${to}b`, when: layer % 2 === 0 ? flag : { not: flag } },
        ],
      });
    }
  }
  return { ...base, phases };
}

/** Every phase leads to every later one. */
export function denseDag(base: ScenarioObject, count: number): ScenarioObject {
  const phases: Phase[] = Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    title: `Phase ${i}`,
    ...(i < count - 1 ? { next: Array.from({ length: count - 1 - i }, (_, j) => ({ to: `d${i + 1 + j}`, when: { after: base.clock.end } })) } : {}),
  }));
  return { ...base, phases };
}

/** Beats each waiting for a beat whose id is misspelt ("baet-7" for "beat-7"): every reference is unknown, and each has a near name among thousands. */
export function unknownReferences(base: ScenarioObject, count: number): ScenarioObject {
  const speaker = base.cast[0]?.id ?? '';
  const beats = Array.from({ length: count }, (_, i) => ({ id: `beat-${i}`, at: base.clock.start, type: 'say', speaker, text: 'x', when: { fired: `baet-${i}` } }));
  return { ...base, timeline: [...base.timeline, ...beats] };
}

/** `count` cast members with ids `length` characters long, each named by a beat with one letter changed, so that suggesting the right one compares long names. */
export function longNames(base: ScenarioObject, count: number, length: number): ScenarioObject {
  const ids = Array.from({ length: count }, (_, i) => `${i}-${'x'.repeat(length)}`);
  const cast = ids.map((id) => ({ id, name: 'Long Name', role: 'Engineer', team: 'Network', location: 'Home' }));
  const beats = ids.map((id, i) => ({ id: `long-${i}`, at: base.clock.start, type: 'say', speaker: `${id.slice(0, -1)}y`, text: 'x' }));
  return { ...base, cast: [...base.cast, ...cast], timeline: [...base.timeline, ...beats] };
}

/** A chain of `count` phases, each also leading to an ending of its own, placed before the scenario's endings. */
export function phasesWithEndings(base: ScenarioObject, count: number): ScenarioObject {
  const phases: Phase[] = Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    title: `Phase ${i}`,
    next: [...(i < count - 1 ? [{ to: `p${i + 1}`, when: { after: base.clock.start } }] : []), { to: `e${i}`, when: { before: base.clock.end } }],
  }));
  const endings = Array.from({ length: count }, (_, i) => ({ id: `e${i}`, title: `Ending ${i}`, outcome: 'partial', summary: 'x', when: false }));
  return { ...base, phases, endings: [...endings, ...(base.endings as unknown[])] };
}

/** Beats setting one variable to `count` different numbers, and as many beats each testing it against a bound none of them reaches. */
export function oneVariable(base: ScenarioObject, count: number): ScenarioObject {
  const speaker = base.cast[0]?.id ?? '';
  const sets = Array.from({ length: count }, (_, i) => ({ id: `set-${i}`, at: base.clock.start, type: 'set', var: 'counter', to: i }));
  const tests = Array.from({ length: count }, (_, i) => ({ id: `test-${i}`, at: base.clock.start, type: 'say', speaker, text: 'x', when: { var: 'counter', gt: count + i } }));
  return { ...base, variables: { ...(base.variables as object), counter: 0 }, timeline: [...base.timeline, ...sets, ...tests] };
}

/** The scenario's text with `count` copies of one key added to its first object. */
export function duplicateKeys(baseText: string, count: number): string {
  const open = baseText.indexOf('{');
  return `${baseText.slice(0, open + 1)}${'"x":0,'.repeat(count)}${baseText.slice(open + 1)}`;
}

/** The largest n, up to `most`, whose generated text fits under the size limit (sizes grow with n). */
export function largestUnderLimit(make: (n: number) => string, most: number): { n: number; text: string } {
  let low = 1;
  let high = most;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (make(mid).length <= MAX_DOCUMENT_BYTES) low = mid;
    else high = mid - 1;
  }
  return { n: low, text: make(low) };
}

const sink = { write: () => true };

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeCheck(path: string, runs: number): Promise<number> {
  const { main } = await import('../cli/main.ts');
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await main(['check', path], { out: sink, err: sink });
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function timeParse(text: string, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    JSON.parse(text);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** The rows of the check benchmark: for each file, check time, JSON.parse time and their ratio. */
export async function checkBenchmark(root: string, largest: { name: string; text: string }): Promise<[string, string][]> {
  const acmeText = readFileSync(join(root, 'scenarios/acme-chemical.json'), 'utf8');
  const acme = (): ScenarioObject => JSON.parse(acmeText) as ScenarioObject;
  const text = (object: ScenarioObject) => JSON.stringify(object);
  const chain = largestUnderLimit((n) => text(beatChain(acme(), n)), 12_000);
  const ladder = largestUnderLimit((n) => text(phaseLadder(acme(), n)), 20_000);
  const dag = largestUnderLimit((n) => text(denseDag(acme(), n)), 2_000);
  const keys = largestUnderLimit((n) => duplicateKeys(acmeText, n), 400_000);
  const unknown = largestUnderLimit((n) => text(unknownReferences(acme(), n)), 40_000);
  const long = largestUnderLimit((n) => text(longNames(acme(), 100, n)), 20_000);
  const endings = largestUnderLimit((n) => text(phasesWithEndings(acme(), n)), 40_000);
  const variable = largestUnderLimit((n) => text(oneVariable(acme(), n)), 20_000);
  const cases = [
    { label: `largest bundled scenario (${largest.name})`, text: largest.text, runs: 10 },
    { label: `chain of ${chain.n.toLocaleString('en')} beats, each waiting for the next`, text: chain.text, runs: 3 },
    { label: `ladder of ${ladder.n.toLocaleString('en')} layers of phases (2^${ladder.n} loops)`, text: ladder.text, runs: 3 },
    { label: `dense DAG: ${dag.n} phases, each leading to every later one`, text: dag.text, runs: 3 },
    { label: `${keys.n.toLocaleString('en')} duplicate keys`, text: keys.text, runs: 3 },
    { label: `${unknown.n.toLocaleString('en')} beats waiting for misspelt beat ids`, text: unknown.text, runs: 3 },
    { label: `100 cast members with ids of ${long.n.toLocaleString('en')} characters, each misspelt once`, text: long.text, runs: 3 },
    { label: `chain of ${endings.n.toLocaleString('en')} phases, each also leading to an ending of its own`, text: endings.text, runs: 3 },
    { label: `one variable set to ${variable.n.toLocaleString('en')} values and tested as often`, text: variable.text, runs: 3 },
  ];
  const folder = mkdtempSync(join(tmpdir(), 'bench-check-'));
  const rows: [string, string][] = [];
  try {
    for (const [i, item] of cases.entries()) {
      const path = join(folder, `case-${i}.json`);
      writeFileSync(path, item.text);
      const check = await timeCheck(path, item.runs);
      const parse = timeParse(item.text, item.runs);
      const size = `${(Buffer.byteLength(item.text) / 1024 / 1024).toFixed(2)} MB`;
      rows.push([`check ${item.label}, ${size}, median of ${item.runs}`, `${check.toFixed(0)} ms ${check <= TARGET_MS ? '(target ≤ 2 s met)' : '(target ≤ 2 s NOT met)'}`]);
      rows.push(['  ratio check / JSON.parse of the same text (baseline, same run)', `${(check / parse).toFixed(0)}× (JSON.parse ${parse.toFixed(1)} ms)`]);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}
