import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/load.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

type Mutable = Record<string, unknown> & { [key: string]: any };

function warningsWith(mutate: (scenario: Mutable) => void) {
  const scenario = acmeObject() as Mutable;
  mutate(scenario);
  const text = JSON.stringify(scenario, null, 2);
  const found = loadScenario(text, bundledPlaybooks()).diagnostics.filter((d) => d.code === 'W_NOISE_COMPLAINT_UNGUARDED');
  return { found, lines: found.map((d) => text.split('\n')[d.line - 1] ?? '') };
}

const complaint = (extra: Record<string, unknown> = {}) => ({ id: 'late-complaint', at: '02:50:00', type: 'say', speaker: 'db-engineer', text: "It's still so loud on that line.", ...extra });

describe('a line that complains about noise', () => {
  it('is flagged when it would still be said after the noisy line was muted, at its text', () => {
    const { found, lines } = warningsWith((s) => s.timeline.push(complaint()));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/"when": \{"noisy": "<participant>"\}/);
    expect(lines[0]).toContain("It's still so loud");
  });

  it('is not flagged when it depends on the noise, on its own or through its reaction', () => {
    expect(warningsWith((s) => s.timeline.push(complaint({ when: { all: [{ present: 'db-engineer' }, { noisy: 'noisy-sme' }] } }))).found).toEqual([]);
    expect(
      warningsWith((s) => s.reactions.push({ id: 'still-loud', on: { type: 'roll-call' }, when: { noisy: 'noisy-sme' }, do: [{ type: 'say', speaker: 'db-engineer', text: 'Can whoever it is mute, please?' }] })).found,
    ).toEqual([]);
  });

  it('is flagged inside a reaction that does not depend on the noise, and never for thanks or the noisy person', () => {
    expect(warningsWith((s) => s.reactions.push({ id: 'still-loud', on: { type: 'roll-call' }, do: [{ type: 'say', speaker: 'db-engineer', text: 'Can whoever it is mute, please?' }] })).found).toHaveLength(1);
    expect(warningsWith((s) => s.timeline.push(complaint({ text: 'Thanks for the mute, that is better.' }))).found).toEqual([]);
    expect(warningsWith((s) => s.timeline.push(complaint({ speaker: 'noisy-sme', text: 'Sorry, the kids are loud today.' }))).found).toEqual([]);
  });
});
