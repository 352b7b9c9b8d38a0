import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/load.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

type Json = Record<string, unknown>;

function messagesFor(edit: (scenario: Json) => void): string[] {
  const scenario = acmeObject();
  edit(scenario);
  return loadScenario(JSON.stringify(scenario, null, 2), bundledPlaybooks()).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

describe('schema messages an author can act on', () => {
  it('calls a required field that is left out missing, not a wrong value, and points at its object', () => {
    const messages = messagesFor((scenario) => {
      const item = (scenario.rubric as Json[]).find((entry) => 'competency' in entry)!;
      delete item.competency;
    });
    const missing = messages.find((message) => message.includes('competency'));
    expect(missing).toMatch(/missing required property "rubric\.\d+\.competency"/);
    expect(missing).not.toMatch(/must be one of/);
  });

  it('says an effect cannot have "when" and where the condition goes, instead of suggesting another key', () => {
    const messages = messagesFor((scenario) => {
      const effect = ((scenario.reactions as Json[])[0]!.do as Json[])[0]!;
      effect.when = { fired: 'customers-cannot-log-in' };
    });
    const effect = messages.find((message) => message.includes('"when"'));
    expect(effect).toMatch(/an effect cannot have "when" \(in "reactions\.0\.do\.0"\): put the condition on the reaction, or put the effect in a branch/);
    expect(effect).not.toMatch(/did you mean/);
  });
});
