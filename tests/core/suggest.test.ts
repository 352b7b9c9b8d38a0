import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/load.ts';
import { abbreviationIn, suggestion } from '../../src/core/scenario/suggest.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

type Mutable = Record<string, unknown> & { [key: string]: any };

describe('suggestions for ids written out in full', () => {
  it('finds the short id a long name spells out', () => {
    expect(abbreviationIn('Priority1', ['P1', 'P2', 'P3', 'P4'])).toBe('P1');
    expect(abbreviationIn('Severity-2', ['SEV1', 'SEV2'])).toBe('SEV2');
    expect(abbreviationIn('Priority5', ['P1', 'P2'])).toBeUndefined();
    expect(abbreviationIn('Priority', ['P1', 'P2'])).toBeUndefined();
    expect(suggestion('P2x', new Set(['P1', 'P2']))).toBe('; did you mean "P2"?');
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
