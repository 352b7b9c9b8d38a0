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

  it('accepts a condition on an effect, and suggests "when" for a misspelt one', () => {
    const accepted = messagesFor((scenario) => {
      const effect = ((scenario.reactions as Json[])[0]!.do as Json[])[0]!;
      effect.when = { fired: 'customers-cannot-log-in' };
    });
    expect(accepted).toEqual([]);
    const misspelt = messagesFor((scenario) => {
      const effect = ((scenario.reactions as Json[])[0]!.do as Json[])[0]!;
      effect.wehn = { fired: 'customers-cannot-log-in' };
    });
    expect(misspelt.join('\n')).toMatch(/unknown property "wehn" in "reactions\.0\.do\.0".*did you mean "when"/);
  });
});
