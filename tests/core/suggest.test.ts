import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/load.ts';
import { boundedEditDistance, NameIndex } from '../../src/core/near-names.ts';
import { didYouMean } from '../../src/core/diagnostics.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

type Mutable = Record<string, unknown> & { [key: string]: any };

describe('suggestions for ids written out in full', () => {
  it('finds the short id a long name spells out', () => {
    expect(new NameIndex(['P1', 'P2', 'P3', 'P4']).spelledOut('Priority1')).toBe('P1');
    expect(new NameIndex(['SEV1', 'SEV2']).spelledOut('Severity-2')).toBe('SEV2');
    expect(new NameIndex(['P1', 'P2']).spelledOut('Priority5')).toBeUndefined();
    expect(new NameIndex(['P1', 'P2']).spelledOut('Priority')).toBeUndefined();
    expect(didYouMean('P2x', new Set(['P1', 'P2']))).toBe('; did you mean "P2"?');
  });

  it('says "did you mean P1" for a level written "Priority1", wherever a level is named', () => {
    const scenario = acmeObject() as Mutable;
    scenario.rubric.find((item: Mutable) => item.id === 'senior-executive').expect = { level: 'Priority1' };
    scenario.reactions[0].do.push({ type: 'set-priority', level: 'Priority2' });
    const messages = loadScenario(JSON.stringify(scenario), bundledPlaybooks()).diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(messages).toContain('E_UNKNOWN_LEVEL: unknown level "Priority1"; did you mean "P1"?');
    expect(messages).toContain('E_UNKNOWN_LEVEL: unknown level "Priority2"; did you mean "P2"?');
  });
});

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The search as it was before it was bounded: the full distance to every candidate. */
function closestByFullSearch(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(Math.max(name.length, best.length) / 3)) ? best : undefined;
}

describe('the bounded search for near names', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'c', '-', '1'), maxLength: 14 });

  it('measures the edit distance exactly up to its limit, and says only "farther" past it', () => {
    fc.assert(
      fc.property(word, word, fc.nat(8), (a, b, limit) => {
        expect(boundedEditDistance(a, b, limit)).toBe(Math.min(editDistance(a, b), limit + 1));
      }),
      { numRuns: 2_000 },
    );
  });

  it('suggests what a full search of every candidate suggests', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 12 }), (name, candidates) => {
        expect(new NameIndex(candidates).closest(name)).toBe(closestByFullSearch(name, candidates));
      }),
      { numRuns: 2_000 },
    );
  });
});
