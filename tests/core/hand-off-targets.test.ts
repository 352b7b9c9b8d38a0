import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/load.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

/** Acme with a reaction to a hand-off to `to`. */
function withHandOffReaction(to: string, type: string | string[] = 'hand-off') {
  const object = acmeObject() as { reactions: unknown[] };
  object.reactions.push({ id: 'handed-off', on: { type, to }, do: [{ type: 'say', speaker: 'pete', text: 'We will take it from here.' }] });
  return loadScenario(JSON.stringify(object), bundledPlaybooks()).diagnostics.filter((d) => d.code === 'E_UNKNOWN_ESCALATION');
}

describe('hand-off targets in matchers', () => {
  it('accept a team of the cast by its slug, as the HUD writes it', () => {
    expect(withHandOffReaction('network-engineering')).toEqual([]);
    expect(withHandOffReaction('software-release', ['hand-off', 'escalate'])).toEqual([]);
  });

  it('still refuse an unknown target, and a team slug for an escalation', () => {
    expect(withHandOffReaction('network-engineerin')[0]?.message).toMatch(/did you mean "network-engineering"/);
    expect(withHandOffReaction('network-engineering', 'escalate')).toHaveLength(1);
  });
});
