import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../../src/core/actions/registry.ts';
import { ACTION_TYPES_WITH_FIELD, unmatchableFields } from '../../src/core/expr/matcher-fields.ts';
import { mutuallyExclusive } from '../../src/core/expr/exclusive.ts';
import { loadScenario } from '../../src/core/load.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

type Mutable = Record<string, unknown> & { [key: string]: any };

/** Loads a mutated Acme; returns its diagnostics and the text of the line each code points at. */
function lint(mutate: (scenario: Mutable) => void) {
  const scenario = acmeObject() as Mutable;
  mutate(scenario);
  const text = JSON.stringify(scenario, null, 2);
  const diagnostics = loadScenario(text, bundledPlaybooks()).diagnostics;
  const of = (code: string) => diagnostics.filter((d) => d.code === code);
  const lineOf = (code: string) => text.split('\n')[(of(code)[0]?.line ?? 0) - 1] ?? '';
  return { diagnostics, of, lineOf };
}

const say = (id: string, at: string, words: number, when?: unknown) => ({
  id, at, type: 'say', speaker: 'pete', text: Array.from({ length: words }, (_, i) => `word${i}`).join(' '), ...(when === undefined ? {} : { when }),
});

describe('matcher fields no listed action type has', () => {
  it('knows which action types have each field from the action registry', () => {
    const withField = (field: string) => ACTION_KINDS.filter((kind) => field in kind.schema.shape).map((kind) => kind.schema.shape.type.value);
    expect(ACTION_TYPES_WITH_FIELD.get('participant')).toEqual(withField('participant'));
    expect(ACTION_TYPES_WITH_FIELD.get('participant')).not.toContain('escalate');
    expect(ACTION_TYPES_WITH_FIELD.get('to')).toEqual(expect.arrayContaining(['escalate', 'hand-off']));
    expect(ACTION_TYPES_WITH_FIELD.get('timeBoxed')).toEqual(['assign']);
    expect(ACTION_TYPES_WITH_FIELD.get('mentions')).toContain('note');
    expect(ACTION_TYPES_WITH_FIELD.get('mentions')).not.toContain('close');
    expect(unmatchableFields({ type: ['escalate', 'page'], participant: 'pete' })).toEqual([]);
  });

  it('reports "participant" on an escalate reaction, at the field', () => {
    const { of, lineOf } = lint((s) => (s.reactions[0].on = { type: 'escalate', participant: 'bill' }));
    expect(of('E_MATCHER_FIELD')).toHaveLength(1);
    expect(of('E_MATCHER_FIELD')[0]?.severity).toBe('error');
    expect(of('E_MATCHER_FIELD')[0]?.message).toBe('"participant" never matches: no action of type "escalate" has a "participant" (only mute, unmute, page, assign, request-update, move have one); remove the field or change "type"');
    expect(lineOf('E_MATCHER_FIELD')).toContain('"participant"');
  });

  it('reports a field in a rubric condition, and not one some listed type has', () => {
    const { of } = lint((s) => {
      s.rubric.find((r: Mutable) => r.id === 'senior-executive').expect = { did: { type: 'close', mentions: ['done'] } };
      s.reactions[0].on = { type: ['escalate', 'page'], participant: 'bill' };
    });
    expect(of('E_MATCHER_FIELD').map((d) => d.message)).toEqual([expect.stringContaining('"mentions" never matches: no action of type "close" has a "mentions"')]);
  });
});

describe('a cadence whose expect is not a did', () => {
  const cadence = (expect: unknown) => ({
    id: 'status-cadence', kind: 'cadence', title: 'Status updates', rule: 'update-cadence', competency: 'notification', points: 5, every: '10:00', expect,
  });

  it('is an error at its expect, since it always scores 0', () => {
    const { of, lineOf } = lint((s) => s.rubric.push(cadence({ level: 'P1' })));
    expect(of('E_CADENCE_NOT_DID')).toHaveLength(1);
    expect(of('E_CADENCE_NOT_DID')[0]?.message).toContain('always scores 0');
    expect(lineOf('E_CADENCE_NOT_DID')).toContain('"expect"');
  });

  it('is fine with a did', () => {
    expect(lint((s) => s.rubric.push(cadence({ did: { type: 'notify', audience: 'executives' } }))).of('E_CADENCE_NOT_DID')).toEqual([]);
  });
});

describe('a variable set but never read', () => {
  const withReaction = (extra: Mutable = {}, doMore: unknown[] = []) => (s: Mutable) => {
    s.variables.escalated = false;
    s.reactions.push({ id: 'escalation-noted', on: { type: 'escalate' }, do: [{ type: 'set', var: 'escalated', to: true }, ...doMore], ...extra });
  };

  it('is a warning at the set when that is all the reaction does', () => {
    const { of, lineOf } = lint(withReaction());
    expect(of('W_VARIABLE_NEVER_READ').map((d) => d.message)).toEqual([
      'variable "escalated" is set but no condition reads it, and nothing tests reaction "escalation-noted", so it does nothing at all; test the variable with {"var": "escalated"}, or remove the "set"',
    ]);
    expect(lineOf('W_VARIABLE_NEVER_READ')).toContain('"var": "escalated"');
  });

  it('is quiet once a condition reads the variable, the reaction is tested, or it does something else too', () => {
    const readBy = (s: Mutable) => s.rubric.find((r: Mutable) => r.id === 'senior-executive').expect = { var: 'escalated' };
    expect(lint((s) => { withReaction()(s); readBy(s); }).of('W_VARIABLE_NEVER_READ')).toEqual([]);
    expect(lint((s) => { withReaction()(s); s.endings[0].when = { fired: 'escalation-noted' }; }).of('W_VARIABLE_NEVER_READ')).toEqual([]);
    expect(lint(withReaction({}, [{ type: 'say', speaker: 'bill', text: 'Noted.' }])).of('W_VARIABLE_NEVER_READ')).toEqual([]);
  });
});

describe('a join that does nothing', () => {
  it('warns about a join for someone on the main bridge from the start who never leaves', () => {
    const { of, lineOf } = lint((s) => s.timeline.push({ id: 'db-moves', at: '03:10:00', type: 'join', participant: 'db-engineer', bridge: 'customer-bridge' }));
    expect(of('W_JOIN_NO_EFFECT')).toHaveLength(1);
    expect(of('W_JOIN_NO_EFFECT')[0]?.message).toContain('a join never moves anyone to another bridge ("customer-bridge")');
    expect(lineOf('W_JOIN_NO_EFFECT')).toContain('"db-engineer"');
  });

  it('is quiet for someone who left before, or who was not there at the start', () => {
    expect(lint((s) => s.timeline.push({ id: 'pete-moves', at: '03:10:00', type: 'join', participant: 'pete', bridge: 'customer-bridge' })).of('W_JOIN_NO_EFFECT')).toEqual([]);
    expect(lint((s) => s.timeline.push({ id: 'exec-moves', at: '03:40:00', type: 'join', participant: 'senior-executive', bridge: 'customer-bridge' })).of('W_JOIN_NO_EFFECT')).toEqual([]);
  });

  it('warns about a second join for someone an earlier unconditional beat brought in', () => {
    const { of } = lint((s) => {
      s.timeline.push({ id: 'exec-joins', at: '03:30:00', type: 'join', participant: 'senior-executive' });
      s.timeline.push({ id: 'exec-to-customers', at: '03:40:00', type: 'join', participant: 'senior-executive', bridge: 'customer-bridge' });
    });
    expect(of('W_JOIN_NO_EFFECT').map((d) => d.message)).toEqual([
      'this join does nothing: "senior-executive" is already on bridge "main" since beat "exec-joins" and never leaves before this, and a join never moves anyone to another bridge ("customer-bridge"); add a "leave" before it',
    ]);
    const guarded = lint((s) => {
      s.timeline.push({ id: 'exec-joins', at: '03:30:00', type: 'join', participant: 'senior-executive', when: { fired: 'customer-escalation-1' } });
      s.timeline.push({ id: 'exec-to-customers', at: '03:40:00', type: 'join', participant: 'senior-executive', bridge: 'customer-bridge' });
    });
    expect(guarded.of('W_JOIN_NO_EFFECT')).toEqual([]);
  });

  it('counts a leave only when it can come first', () => {
    const { of } = lint((s) => {
      s.timeline.push({ id: 'db-joins', at: '03:10:00', type: 'join', participant: 'db-engineer' });
      s.timeline.push({ id: 'db-leaves', at: '03:20:00', type: 'leave', participant: 'db-engineer' });
    });
    expect(of('W_JOIN_NO_EFFECT')).toHaveLength(1);
  });
});

describe('a zero-length clock window', () => {
  it('is an error at the clock end', () => {
    const { of, lineOf } = lint((s) => (s.clock.end = s.clock.start));
    expect(of('E_EMPTY_WINDOW')).toHaveLength(1);
    expect(of('E_EMPTY_WINDOW')[0]?.message).toContain('lasts no time at all');
    expect(lineOf('E_EMPTY_WINDOW')).toContain('"end"');
  });
});

describe('caption reading time and alternative lines', () => {
  const captionWarnings = (first: unknown, second: unknown) =>
    lint((s) => s.timeline.push(say('alt-a', '03:40:00', 30, first), say('alt-b', '03:40:00', 30, second))).of('W_CAPTION_TOO_LONG').filter((d) => d.message.includes('"alt-'));

  it('treats lines guarded by "when X" and "when not X" at the same second as alternatives', () => {
    expect(captionWarnings({ fired: 'customer-escalation-2' }, { not: { fired: 'customer-escalation-2' } })).toEqual([]);
    expect(captionWarnings({ decided: 'customer-issue-scope', choice: 'a' }, { decided: 'customer-issue-scope', choice: 'b' })).toEqual([]);
  });

  it('still warns when both lines can be spoken', () => {
    expect(captionWarnings(undefined, undefined)).toHaveLength(1);
    expect(captionWarnings({ fired: 'customer-escalation-2' }, { fired: 'customer-escalation-1' })).toHaveLength(1);
  });

  it('finds a clash inside "all", in variables, levels and classifications', () => {
    expect(mutuallyExclusive({ all: [{ after: '03:00:00' }, { var: 'v', eq: 1 }] }, { var: 'v', eq: 2 })).toBe(true);
    expect(mutuallyExclusive({ level: ['P1', 'P2'] }, { level: 'P3' })).toBe(true);
    expect(mutuallyExclusive({ level: ['P1', 'P2'] }, { level: 'P2' })).toBe(false);
    expect(mutuallyExclusive({ classified: 'a' }, { classified: 'b' })).toBe(true);
    expect(mutuallyExclusive({ any: [{ var: 'v', eq: 1 }] }, { var: 'v', eq: 2 })).toBe(false);
    expect(mutuallyExclusive({ fired: 'x' }, undefined)).toBe(false);
  });
});
