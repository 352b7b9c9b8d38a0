import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/load.ts';
import { acmeObject, bundledPlaybooks, repoPath } from '../helpers.ts';

type Mutable = Record<string, unknown> & { [key: string]: any };

/** The Acme rubric entry with this id, to mutate in place. */
const rubricItem = (s: Mutable, id: string): Mutable => (s.rubric as Mutable[]).find((item) => item.id === id) ?? {};

function diagnose(mutate: (scenario: Mutable) => void) {
  const scenario = acmeObject() as Mutable;
  mutate(scenario);
  return loadScenario(JSON.stringify(scenario, null, 2), bundledPlaybooks()).diagnostics;
}

describe('references', () => {
  it('suggests the phase a misspelt transition target meant', () => {
    const diagnostics = diagnose((s) => (s.phases[0].next[0].to = 'customer-impakt'));
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'E_UNKNOWN_TARGET', message: 'phase "bridge-chaos" goes to "customer-impakt"; did you mean "customer-impact"?', line: expect.any(Number), column: expect.any(Number) }),
    );
  });

  it('reports unknown speakers, levels, audiences, rules and duplicate ids', () => {
    const diagnostics = diagnose((s) => {
      s.timeline[1].speaker = 'peet';
      rubricItem(s, 'senior-executive').expect = { level: 'P0' };
      rubricItem(s, 'next-update-committed').expect = { did: { type: 'notify', audience: 'executive' } };
      rubricItem(s, 'mute-noisy-line').rule = 'customer-notise';
      s.cast.push({ ...s.cast[0] });
    });
    const messages = diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(messages).toContain('E_UNKNOWN_PARTICIPANT: unknown participant "peet"; did you mean "pete"?');
    expect(messages).toContain('E_UNKNOWN_LEVEL: unknown level "P0"; did you mean "P1"?');
    expect(messages).toContain('E_UNKNOWN_AUDIENCE: unknown audience "executive"; did you mean "executives"?');
    expect(messages).toContain('E_UNKNOWN_RULE: unknown rule of playbook "itil-major-incident" "customer-notise"; did you mean "customer-notice"?');
    expect(messages).toContain('E_DUPLICATE_ID: duplicate participant id "pete"');
  });

  it('requires a default ending', () => {
    const diagnostics = diagnose((s) => (s.endings[2].when = { level: 'P4' }));
    expect(diagnostics.map((d) => d.code)).toContain('E_NO_DEFAULT_ENDING');
  });
});

describe('lint', () => {
  it('flags a beat outside the clock window', () => {
    const diagnostics = diagnose((s) => (s.timeline[1].at = '04:30:00'));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_OUTSIDE_WINDOW', severity: 'error' }));
  });

  it('flags a beat whose condition can never hold', () => {
    const diagnostics = diagnose((s) => (s.timeline[1].when = { var: 'customer-escalations', eq: 7 }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'W_UNREACHABLE_BEAT', severity: 'warning', message: expect.stringContaining('"pete-recap"') }));
  });

  it('flags a beat that waits for an event that only happens later', () => {
    const diagnostics = diagnose((s) => (s.timeline[1].when = { fired: 'customers-cannot-log-in' }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'W_UNREACHABLE_BEAT' }));
  });

  it('flags unreachable phases, dead ends and unreachable endings', () => {
    const diagnostics = diagnose((s) => {
      s.phases[0].next[0].when = false;
      s.endings.splice(1, 0, { id: 'never', title: 'Never', summary: 'x', outcome: 'failure', when: { var: 'service-restored', eq: 'yes' } });
    });
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('W_UNREACHABLE_PHASE');
    expect(codes).toContain('W_DEAD_END');
    expect(codes).toContain('W_UNREACHABLE_ENDING');
  });

  it('flags an ending shadowed by an earlier unconditional one', () => {
    const diagnostics = diagnose((s) => s.endings.reverse());
    expect(diagnostics.filter((d) => d.code === 'W_UNREACHABLE_ENDING')).toHaveLength(2);
  });

  it('flags expectations that can never be met or are due before they can apply', () => {
    const diagnostics = diagnose((s) => {
      rubricItem(s, 'senior-executive').expect = false;
      rubricItem(s, 'classify-disruption').by = '02:50:00';
    });
    const impossible = diagnostics.filter((d) => d.code === 'E_IMPOSSIBLE_EXPECTATION').map((d) => d.message);
    expect(impossible).toContain('expectation "senior-executive" can never be met: its condition can never hold');
    expect(impossible).toContain('expectation "classify-disruption" is due at 02:50:00, before its trigger can first happen at 03:00:21');
  });
});

/** Loads a mutated Acme and returns its text too, so a test can check the line a diagnostic points at. */
function diagnoseWithText(mutate: (scenario: Mutable) => void, options: Parameters<typeof loadScenario>[2] = {}) {
  const scenario = acmeObject() as Mutable;
  mutate(scenario);
  const text = JSON.stringify(scenario, null, 2);
  const diagnostics = loadScenario(text, bundledPlaybooks(), options).diagnostics;
  const lineOf = (code: string) => {
    const found = diagnostics.find((d) => d.code === code);
    expect(found, `no ${code} in ${JSON.stringify(diagnostics)}`).toBeDefined();
    expect(found?.line).toBeGreaterThanOrEqual(1);
    expect(found?.column).toBeGreaterThanOrEqual(1);
    return text.split('\n')[(found?.line ?? 0) - 1] ?? '';
  };
  return { diagnostics, lineOf, codes: diagnostics.map((d) => d.code) };
}

describe('lint: loops, decisions, captions and voice clips', () => {
  it('flags a decision that can never be offered', () => {
    const { lineOf, diagnostics } = diagnoseWithText((s) => (s.decisions[0].when = { var: 'customer-escalations', eq: 7 }));
    expect(lineOf('W_UNREACHABLE_DECISION')).toContain('"when"');
    expect(diagnostics.find((d) => d.code === 'W_UNREACHABLE_DECISION')?.message).toBe('decision "customer-issue-scope" can never be offered: its condition can never hold');
  });

  it('refuses phases that could switch back and forth forever in one instant', () => {
    const { lineOf, diagnostics } = diagnoseWithText((s) => (s.phases[2].next = [{ to: 'customer-impact', when: true }]));
    expect(lineOf('E_PHASE_LOOP')).toContain('"when"');
    expect(diagnostics.find((d) => d.code === 'E_PHASE_LOOP')?.message).toContain('customer-impact → executive-on-bridge → customer-impact');
    expect(diagnostics.find((d) => d.code === 'E_PHASE_LOOP')?.severity).toBe('error');
  });

  it('refuses a phase that goes to itself whenever its condition holds', () => {
    const { codes } = diagnoseWithText((s) => (s.phases[2].next = [{ to: 'executive-on-bridge', when: { present: 'senior-executive' } }]));
    expect(codes).toContain('E_PHASE_LOOP');
  });

  it('accepts a loop whose conditions exclude each other, but warns that it traps the run', () => {
    const { codes, lineOf, diagnostics } = diagnoseWithText((s) => (s.phases[2].next = [{ to: 'customer-impact', when: { not: { present: 'senior-executive' } } }]));
    expect(codes).not.toContain('E_PHASE_LOOP');
    expect(lineOf('W_TRAP_CYCLE')).toContain('"next"');
    expect(diagnostics.find((d) => d.code === 'W_TRAP_CYCLE')?.message).toContain('"customer-impact", "executive-on-bridge" only lead to each other');
  });

  it('accepts loops on variables that cannot hold both values at once, and no trap when the loop has a way out', () => {
    const { codes } = diagnoseWithText((s) => {
      s.phases[1].next = [
        { to: 'executive-on-bridge', when: { var: 'customer-escalations', eq: 2 } },
        { to: 'bridge-lost', when: { after: '03:45:00' } },
      ];
      s.phases[2].next = [{ to: 'customer-impact', when: { var: 'customer-escalations', eq: 1 } }];
    });
    expect(codes).not.toContain('E_PHASE_LOOP');
    expect(codes).not.toContain('W_TRAP_CYCLE');
  });

  it('flags a line over the word limit wherever it is written', () => {
    const long = Array.from({ length: 41 }, (_, i) => `word${i}`).join(' ');
    const { lineOf, diagnostics } = diagnoseWithText((s) => (s.reactions[0].do[0].text = long));
    expect(lineOf('W_CAPTION_TOO_LONG')).toContain('word0 word1');
    expect(diagnostics.find((d) => d.code === 'W_CAPTION_TOO_LONG')?.message).toContain('41 words; captions over 40 words');
  });

  it('flags a timeline line that cannot be read before the next line on its bridge, unless that line overlaps it', () => {
    const { lineOf, diagnostics } = diagnoseWithText((s) => (s.timeline[2].overlap = false));
    expect(lineOf('W_CAPTION_TOO_LONG')).toContain('So the release went in');
    expect(diagnostics.find((d) => d.code === 'W_CAPTION_TOO_LONG')?.message).toMatch(/beat "pete-recap" has 23 words, which take 7\.7 s to read at 3 words a second, but the next line on its bridge \("db-cant-hear"\) comes 7 s later/);
  });

  it('flags spoken lines with no voice clip only when asked to look, once per line', () => {
    const clips = new Set(readdirSync(repoPath('assets/audio/lines')).map((name) => name.replace(/\.ogg$/, '')));
    const withClips = { hasVoiceClip: (key: string) => clips.has(key) };
    expect(diagnoseWithText(() => {}, withClips).diagnostics).toEqual([]);

    const changed = diagnoseWithText((s) => (s.timeline[3].text = 'A line nobody has recorded yet.'), withClips);
    expect(changed.diagnostics.filter((d) => d.code === 'W_MISSING_VOICE_CLIP')).toHaveLength(1);
    expect(changed.lineOf('W_MISSING_VOICE_CLIP')).toContain('A line nobody has recorded yet.');
    expect(changed.diagnostics[0]?.message).toContain('run `npm run audio`');
    expect(diagnoseWithText((s) => (s.timeline[3].text = 'A line nobody has recorded yet.')).codes).not.toContain('W_MISSING_VOICE_CLIP');

    const renamed = diagnoseWithText((s) => {
      delete s.cast[0].rollCall;
      s.cast[0].name = 'Someone Else';
    }, withClips);
    expect(renamed.lineOf('W_MISSING_VOICE_CLIP')).toContain('"name": "Someone Else"');
  });
});

describe('duplicate ids', () => {
  const duplicates: [string, (s: Mutable) => void, string][] = [
    ['bridges', (s) => s.bridges.push({ ...s.bridges[1] }), 'duplicate bridge id "customer-bridge"'],
    ['beats', (s) => s.timeline.push({ ...s.timeline[1] }), 'duplicate beat, reaction or branch id "pete-recap"'],
    ['a reaction and a branch', (s) => (s.branches[0].id = s.reactions[0].id), 'duplicate beat, reaction or branch id "command-welcomed"'],
    ['decisions', (s) => s.decisions.push({ ...s.decisions[0] }), 'duplicate decision id "customer-issue-scope"'],
    ['options', (s) => (s.decisions[0].options[1].id = s.decisions[0].options[0].id), 'duplicate option id "same-incident"'],
    ['a phase and an ending', (s) => (s.endings[2].id = s.phases[2].id), 'duplicate phase or ending id "executive-on-bridge"'],
    ['expectations', (s) => (s.rubric[1].id = s.rubric[0].id), `duplicate expectation id "${(acmeObject() as Mutable).rubric[0].id}"`],
    ['CAN facts', (s) => (s.can.facts[1].id = s.can.facts[0].id), `duplicate CAN fact id "${(acmeObject() as Mutable).can.facts[0].id}"`],
  ];
  it.each(duplicates)('reports duplicate %s at the second one', (_, mutate, message) => {
    const { diagnostics, lineOf } = diagnoseWithText(mutate);
    expect(diagnostics.filter((d) => d.code === 'E_DUPLICATE_ID').map((d) => d.message)).toContain(message);
    expect(lineOf('E_DUPLICATE_ID')).toContain('"id"');
  });
});
