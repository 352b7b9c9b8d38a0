import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, ActionSchema, type ActionOf, type ActionType } from '../../src/core/actions/action.ts';
import { knownIds } from '../../src/core/actions/references.ts';
import { ACTION_KINDS, actionKind } from '../../src/core/actions/registry.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import { loadAcme } from '../helpers.ts';

/** The action types of CONTRACTS.md §2, row by row (`mute` and `unmute` share a row). */
const CONTRACT_TYPES = [
  'announce-role',
  'roll-call',
  'mute',
  'unmute',
  'page',
  'assign',
  'request-update',
  'open-bridge',
  'set-priority',
  'classify',
  'escalate',
  'notify',
  'set-next-update',
  'decide',
  'can-report',
  'resolve',
  'close',
  'hand-off',
  'note',
  'move',
];

const at = '02:50:00';

/** The smallest valid action of each type, naming ids the Acme scenario and its playbook have. */
const EXAMPLES: { readonly [T in ActionType]: ActionOf<T> } = {
  'announce-role': { at, type: 'announce-role' },
  'roll-call': { at, type: 'roll-call' },
  mute: { at, type: 'mute', participant: 'noisy-sme' },
  unmute: { at, type: 'unmute', participant: 'noisy-sme' },
  page: { at, type: 'page', participant: 'db-engineer' },
  assign: { at, type: 'assign', participant: 'network-sme', task: 'Check the load balancer' },
  'request-update': { at, type: 'request-update', participant: 'pete' },
  'open-bridge': { at, type: 'open-bridge', bridge: 'customer-bridge', purpose: 'business' },
  'set-priority': { at, type: 'set-priority', level: 'P1' },
  classify: { at, type: 'classify', as: 'service-disruption' },
  escalate: { at, type: 'escalate', to: 'major-incident' },
  notify: { at, type: 'notify', audience: 'executives', channel: 'sms', message: 'P1: orders are failing.' },
  'set-next-update': { at, type: 'set-next-update', minutes: 30 },
  decide: { at, type: 'decide', decision: 'release-rollback', choice: 'roll-back' },
  'can-report': { at, type: 'can-report', conditions: 'Orders fail.', actions: 'Rolling back.', needs: 'None.' },
  resolve: { at, type: 'resolve' },
  close: { at, type: 'close' },
  'hand-off': { at, type: 'hand-off', to: 'problem-management', summary: 'Find the root cause.' },
  note: { at, type: 'note', text: 'Pete joined late.' },
  move: { at, type: 'move', participant: 'customer-service', bridge: 'customer-bridge' },
};

const { scenario, playbook } = loadAcme();
const compiled = compileScenario(scenario, playbook);
const kinds = ACTION_KINDS.map((kind) => [kind.schema.shape.type.value, kind] as const);

/** The example with one of its fields taken out. */
function without(example: object, field: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(example).filter(([key]) => key !== field));
}

describe('the action registry', () => {
  it('has exactly the contract action types, in the order of CONTRACTS.md §2', () => {
    expect(kinds.map(([type]) => type)).toEqual(CONTRACT_TYPES);
    expect(ACTION_TYPES).toEqual(CONTRACT_TYPES);
  });

  it('finds each entry by its type', () => {
    for (const [type, kind] of kinds) expect(actionKind(type)).toBe(kind);
  });

  it.each(kinds)('%s: its schema, and the log schema, accept a minimal example as it is', (type, kind) => {
    const example = EXAMPLES[type];
    expect(kind.schema.parse(example)).toEqual(example);
    expect(ActionSchema.parse(example)).toEqual(example);
  });

  it.each(kinds)('%s: its schema rejects the example with any one field missing', (type, kind) => {
    const example = EXAMPLES[type];
    for (const field of Object.keys(example)) {
      expect(kind.schema.safeParse(without(example, field)).success, `without ${field}`).toBe(false);
      expect(ActionSchema.safeParse(without(example, field)).success, `without ${field}`).toBe(false);
    }
  });

  it.each(ACTION_TYPES)('%s: describes its example in a sentence', (type) => {
    const sentence = actionKind(type).describe(EXAMPLES[type], compiled);
    expect(sentence).toMatch(/^[A-Z].*\S$/s);
    expect(sentence).not.toMatch(/undefined|\[object/);
  });

  it('names a person by their name in the cast, and a playbook id by its name', () => {
    const pete = scenario.cast.find((person) => person.id === 'pete')?.name;
    const executives = playbook.audiences.find((audience) => audience.id === 'executives')?.name;
    expect(pete).toBeDefined();
    expect(actionKind('request-update').describe(EXAMPLES['request-update'], compiled)).toContain(pete);
    expect(actionKind('notify').describe(EXAMPLES.notify, compiled)).toContain(executives);
  });

  it('accepts every example in one log, so no entry reports a known id as unknown', () => {
    const result = validateLog({ scenario: scenario.id, actions: Object.values(EXAMPLES) }, scenario, playbook);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('reports an unknown id in the field that holds it', () => {
    const problems = actionKind('notify').references?.({ ...EXAMPLES.notify, channel: 'fax' }, knownIds(scenario, playbook)) ?? [];
    expect(problems.map((problem) => [problem.code, problem.field])).toEqual([['E_LOG_UNKNOWN_CHANNEL', 'channel']]);
  });

  it('gives free text for mentions only from the fields a trainee writes', () => {
    const texts = Object.fromEntries(ACTION_TYPES.map((type) => [type, actionKind(type).text?.(EXAMPLES[type]) ?? '']));
    expect(texts).toMatchObject({ assign: 'Check the load balancer', notify: 'P1: orders are failing.', note: 'Pete joined late.', 'hand-off': 'Find the root cause.', mute: '', decide: '' });
  });
});
