import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, parseJson } from '../../src/core/json/source.ts';
import { AnalysisBudget, scenarioUnits } from '../../src/core/scenario/analysis-budget.ts';
import { phaseLoopDiagnostics } from '../../src/core/scenario/lint-loops.ts';
import { Possibility } from '../../src/core/scenario/possibility.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { ScenarioClock } from '../../src/core/time.ts';
import { checkReferences } from '../../src/core/scenario/references.ts';
import { Suggestions } from '../../src/core/suggest.ts';
import { lintScenario } from '../../src/core/scenario/lint.ts';
import { beatChain, denseDag, duplicateKeys, longNames, oneVariable, phaseLadder, phasesWithEndings, unknownReferences } from '../../src/tools/bench-check.ts';
import { acmeObject, acmeText, loadAcme } from '../helpers.ts';

type ScenarioObject = Parameters<typeof beatChain>[0];
const acme = () => acmeObject() as ScenarioObject;
const { scenario: acmeScenario, playbook: acmePlaybook } = loadAcme();

/** The generated object as the loader would hand it to lint (it keeps the shape of a valid scenario). */
const asScenario = (object: ScenarioObject) => object as unknown as Scenario;

/** Runs the possibility analysis and the phase-loop lint as `check` does, each with its own budget. */
function analyse(object: ScenarioObject, budgets?: { possibility?: AnalysisBudget; loops?: AnalysisBudget }) {
  const scenario = asScenario(object);
  const doc = parseJson(JSON.stringify(object, null, 1)).document;
  const analysis = new Possibility(scenario, new ScenarioClock(scenario.clock), budgets?.possibility);
  const loops = budgets?.loops ?? AnalysisBudget.forScenario(scenario);
  const reachable = new Set(scenario.phases.map((phase) => phase.id));
  const diagnostics = phaseLoopDiagnostics(doc, scenario, analysis, reachable, loops);
  return { analysis, loops, diagnostics, units: scenarioUnits(scenario), size: doc.text.length };
}

/** Steps per unit of input an analysis may take on these families before it counts as super-linear. */
const LINEAR = 16;

describe('every analysis is bounded by a budget proportional to the scenario', () => {
  it('finds every impossible beat in a chain of 12,000 in a number of steps linear in its length', () => {
    const result = analyse(beatChain(acme(), 12_000));
    expect(result.analysis.gaveUp).toBe(false);
    for (let i = 0; i < 12_000; i += 997) expect(result.analysis.beatCanHappen(`chain-${i}`)).toBe(false);
    expect(result.analysis.beatCanHappen(acmeScenario.timeline[0]!.id)).toBe(true);
    expect(result.analysis.budget.used).toBeLessThan(LINEAR * result.units);
  });

  it('proves that none of the 2^400 loops of a ladder of phases can spin, in linear steps', () => {
    const result = analyse(phaseLadder(acme(), 400));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['W_TRAP_CYCLE']);
    expect(result.loops.used).toBeLessThan(LINEAR * result.units);
  });

  it('finds the one loop that can spin in a ladder whose other loops cannot', () => {
    const object = phaseLadder(acme(), 300);
    const phases = object.phases as { id: string; next: { to: string; when: unknown }[] }[];
    phases.push({ id: 'spin', next: [{ to: 'l0a', when: true }] } as (typeof phases)[number]);
    phases[0]!.next.push({ to: 'spin', when: true });
    const result = analyse(object);
    expect(result.diagnostics.filter((d) => d.code === 'E_PHASE_LOOP').map((d) => d.message)).toEqual([expect.stringContaining('switch l0a → spin → l0a forever')]);
    expect(result.loops.used).toBeLessThan(LINEAR * result.units);
  });

  it('reports one spinning loop for a ladder whose transitions can all hold together, in linear steps', () => {
    const object = phaseLadder(acme(), 2_000);
    for (const phase of object.phases as { next: { when: unknown }[] }[]) for (const transition of phase.next) transition.when = true;
    const result = analyse(object);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['W_TRAP_CYCLE', 'E_PHASE_LOOP']);
    expect(result.diagnostics[1]?.message).toMatch(/^phases can switch l0a → l1a → .* → l0a forever/);
    expect(result.loops.used).toBeLessThan(LINEAR * result.units);
  });

  it('checks a dense DAG near the size limit in linear steps', () => {
    const object = denseDag(acme(), 250);
    const result = analyse(object);
    expect(result.size).toBeLessThan(MAX_DOCUMENT_BYTES);
    expect(result.diagnostics).toEqual([]);
    expect(result.loops.used + result.analysis.budget.used).toBeLessThan(LINEAR * result.units);
  });

  it('tests a variable set to 5,000 values 5,000 times without going through its values each time', () => {
    const result = analyse(oneVariable(acme(), 5_000));
    expect(result.analysis.gaveUp).toBe(false);
    for (let i = 0; i < 5_000; i += 499) expect(result.analysis.beatCanHappen(`test-${i}`)).toBe(false);
    expect(result.analysis.mayHold({ var: 'counter', gte: 4_999, ne: 5_000 })).toBe(true);
    expect(result.analysis.budget.used).toBeLessThan(LINEAR * result.units);
  });

  it('finds which endings transitions lead to in one pass, however many endings there are', () => {
    const object = phasesWithEndings(acme(), 3_000);
    object.endings.unshift({ id: 'orphan', title: 'Orphan', outcome: 'partial', summary: 'x', when: false });
    let reads = 0;
    const phases = new Proxy(object.phases, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const doc = parseJson(JSON.stringify(object, null, 1)).document;
    const diagnostics = lintScenario(doc, asScenario({ ...object, phases }), acmePlaybook);
    expect(diagnostics.filter((d) => d.code.startsWith('W_UNREACHABLE')).map((d) => d.message)).toEqual(['ending "orphan" can never be reached: no transition or condition can lead to it']);
    expect(reads).toBeLessThan(LINEAR * object.phases.length);
  });

  it('says where and why when the phase-loop budget runs out, instead of running on', () => {
    const result = analyse(phaseLadder(acme(), 30), { loops: new AnalysisBudget(50) });
    const limit = result.diagnostics.find((d) => d.code === 'W_ANALYSIS_LIMIT');
    expect(limit?.severity).toBe('warning');
    expect(limit?.path).toEqual(['phases', 0, 'next']);
    expect(limit?.line).toBeGreaterThan(1);
    expect(limit?.message).toContain('stopped checking whether phases "l0a"');
    expect(result.loops.used).toBeLessThan(50 + 8 * (60 + 120));
  });

  it('says so when the beat budget runs out, and keeps every beat not proved impossible as possible', () => {
    const result = analyse(beatChain(acme(), 200), { possibility: new AnalysisBudget(100) });
    expect(result.analysis.gaveUp).toBe(true);
    expect(result.analysis.beatCanHappen('chain-0')).toBe(true);
    const limit = result.diagnostics.find((d) => d.code === 'W_ANALYSIS_LIMIT');
    expect(limit?.path).toEqual(['timeline']);
    expect(limit?.line).toBeGreaterThan(1);
  });

  it('keeps to its budget on any graph of phases, and either answers as with no limit or says where it stopped', () => {
    const conditions = [true, { fired: acmeScenario.timeline[0]!.id }, { not: { fired: acmeScenario.timeline[0]!.id } }, { after: '03:00:00' }];
    const graph = fc.integer({ min: 2, max: 40 }).chain((count) =>
      fc.record({
        count: fc.constant(count),
        edges: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1), fc.nat(conditions.length - 1)), { maxLength: count * 6 }),
        budget: fc.integer({ min: 1, max: 5_000 }),
      }),
    );
    fc.assert(
      fc.property(graph, ({ count, edges, budget }) => {
        const phases = Array.from({ length: count }, (_, i) => ({
          id: `p${i}`,
          title: `Phase ${i}`,
          next: edges.filter(([from]) => from === i).map(([, to, condition]) => ({ to: `p${to}`, when: conditions[condition] })),
        }));
        const result = analyse({ ...acme(), phases }, { loops: new AnalysisBudget(budget) });
        const gaveUp = result.diagnostics.filter((d) => d.code === 'W_ANALYSIS_LIMIT');
        expect(result.loops.used).toBeLessThanOrEqual(budget + 8 * (count + edges.length));
        if (gaveUp.length > 0) {
          expect(result.loops.exhausted).toBe(true);
          expect(gaveUp[0]?.line).toBeGreaterThan(1);
        } else {
          expect(result.diagnostics).toEqual(analyse({ ...acme(), phases }).diagnostics);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Checks the references of a generated scenario with the given suggestions (by default, those `check` makes). */
function references(object: ScenarioObject, budget?: AnalysisBudget) {
  const doc = parseJson(JSON.stringify(object, null, 1)).document;
  const suggestions = new Suggestions(doc, budget);
  const diagnostics = checkReferences(doc, asScenario(object), acmePlaybook, suggestions);
  return { diagnostics, suggestions, size: doc.text.length };
}

describe('"did you mean" for unknown names is bounded by a budget proportional to the file', () => {
  it('reports each of 12,000 misspelt beat ids, suggests for the first 50, and says where it stopped, in steps linear in the file', () => {
    const result = references(unknownReferences(acme(), 12_000));
    expect(result.size).toBeLessThan(MAX_DOCUMENT_BYTES);
    const unknown = result.diagnostics.filter((d) => d.code === 'E_UNKNOWN_EVENT');
    expect(unknown).toHaveLength(12_000);
    expect(unknown.slice(0, 50).every((d, i) => d.message.endsWith(`; did you mean "beat-${i}"?`))).toBe(true);
    expect(unknown.slice(50).some((d) => d.message.includes('did you mean'))).toBe(false);
    const limit = result.diagnostics.filter((d) => d.code === 'W_ANALYSIS_LIMIT');
    expect(limit).toEqual([expect.objectContaining({ severity: 'warning', path: unknown[50]!.path, line: unknown[50]!.line, column: unknown[50]!.column })]);
    expect(limit[0]!.message).toContain('and 11,949 more: only the first 50 different unknown names of one kind get one; each is still reported');
    expect(result.suggestions.budget.used).toBeLessThan(result.size);
  });

  it('suggests once for a name misspelt the same way many times', () => {
    const object = acme();
    const speaker = object.cast[0]!.id;
    for (let i = 0; i < 2_000; i++) object.timeline.push({ id: `said-${i}`, at: object.clock.start, type: 'say', speaker: `${speaker}x`, text: 'x' });
    const result = references(object);
    const unknown = result.diagnostics.filter((d) => d.code === 'E_UNKNOWN_PARTICIPANT');
    expect(unknown).toHaveLength(2_000);
    expect(unknown.every((d) => d.message.endsWith(`; did you mean "${speaker}"?`))).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === 'W_ANALYSIS_LIMIT')).toEqual([]);
    expect(result.suggestions.budget.used).toBeLessThan(10_000);
  });

  it('stops, and says where, when names are too long to compare within the budget', () => {
    const result = references(longNames(acme(), 100, 8_000));
    expect(result.size).toBeLessThan(MAX_DOCUMENT_BYTES);
    const unknown = result.diagnostics.filter((d) => d.code === 'E_UNKNOWN_PARTICIPANT');
    expect(unknown).toHaveLength(100);
    const limit = result.diagnostics.filter((d) => d.code === 'W_ANALYSIS_LIMIT');
    expect(limit).toHaveLength(1);
    expect(limit[0]).toMatchObject({ path: unknown[0]!.path, line: unknown[0]!.line });
    expect(limit[0]!.message).toMatch(/^stopped looking for near names after [\d,]+ steps, the limit for a file this size: no "did you mean" for this unknown name and 99 more; each is still reported$/);
    expect(result.suggestions.budget.used).toBeLessThanOrEqual(result.suggestions.budget.limit);
  });

  it('keeps to any budget, and either suggests as with no limit or says where it stopped', () => {
    const speakers = acmeScenario.cast.map((person) => person.id);
    const misspelt = fc.oneof(
      fc.constantFrom(...speakers).map((id) => `${id}x`),
      fc.constantFrom(...speakers).map((id) => id.slice(1)),
      fc.string({ unit: fc.constantFrom('a', 'e', 'n', '-', '1'), minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(misspelt, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 20_000 }), (names, limit) => {
        const object = acme();
        names.forEach((speaker, i) => object.timeline.push({ id: `said-${i}`, at: object.clock.start, type: 'say', speaker, text: 'x' }));
        const bounded = references(object, new AnalysisBudget(limit));
        expect(bounded.suggestions.budget.used).toBeLessThanOrEqual(limit);
        const gaveUp = bounded.diagnostics.find((d) => d.code === 'W_ANALYSIS_LIMIT' && d.message.startsWith('stopped'));
        if (gaveUp) expect(gaveUp.line).toBeGreaterThan(1);
        else expect(bounded.diagnostics).toEqual(references(object).diagnostics);
      }),
      { numRuns: 100 },
    );
  });
});

describe('duplicate keys', () => {
  it('reports 200,000 copies of a key (199,999 duplicates) without overflowing the stack: 100 positioned, then one summary', () => {
    const parsed = parseJson(duplicateKeys(acmeText(), 200_000));
    const duplicates = parsed.diagnostics.filter((d) => d.code === 'E_DUPLICATE_KEY');
    expect(duplicates).toHaveLength(101);
    expect(duplicates[0]).toMatchObject({ line: 1, path: ['x'], severity: 'error' });
    expect(duplicates[100]?.message).toContain('199,899 more duplicate key(s) are not listed');
  });

  it('gives the path of a duplicate key deep inside arrays and objects', () => {
    const parsed = parseJson('{"a": [{"b": 1}, {"c": {"d": 1,\n "d": 2}}]}');
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ code: 'E_DUPLICATE_KEY', path: ['a', 1, 'c', 'd'], line: 2, column: 2 })]);
  });

  it('reads a clean file with the native parser, so a "__proto__" key is a key like any other', () => {
    expect(parseJson('{"a":\t[1, 2e400, -0]}')).toMatchObject({ value: { a: [1, Infinity, -0] }, diagnostics: [] });
    const proto = parseJson('{"__proto__": {"polluted": true}}').value as object;
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect('polluted' in proto).toBe(false);
  });

  it('builds the tree of positions only when a diagnostic needs it', () => {
    const parsed = parseJson('{"a": 1,\n "b": [true]}');
    expect(parsed.document.nodeAt(['b', 0])?.offset).toBe(16);
    expect(parsed.document.diagnostic('warning', 'W_X', 'm', ['b', 0])).toMatchObject({ line: 2, column: 8 });
  });
});
