import { z } from 'zod';
import { ACTION_TYPES } from '../actions/action.ts';
import { ClockTime, Duration, Id, IdOrIds, LevelOrLevels, Scalar } from '../schema-primitives.ts';

/** The fields of an action matcher that compare ids, in the order they are described. */
export const MATCHER_ID_FIELDS = ['participant', 'audience', 'channel', 'level', 'as', 'to', 'bridge', 'purpose', 'decision', 'choice'] as const;

/**
 * The scenario expression language: conditions are JSON data, never code.
 * Each object form has exactly one operator key (plus its modifiers).
 */

export const ActionMatcherSchema = z
  .strictObject({
    type: z
      .union([z.enum(ACTION_TYPES as [string, ...string[]]), z.array(z.enum(ACTION_TYPES as [string, ...string[]])).min(1)])
      .meta({ description: 'The action type, or a list of types.' }),
    participant: IdOrIds.optional().meta({ description: 'mute, unmute, page, assign, request-update, move: the participant.' }),
    audience: IdOrIds.optional().meta({ description: 'notify: the playbook audience.' }),
    channel: IdOrIds.optional().meta({ description: 'notify: the playbook channel.' }),
    level: LevelOrLevels.optional().meta({ description: 'set-priority: the level.' }),
    as: IdOrIds.optional().meta({ description: 'classify: the classification.' }),
    to: IdOrIds.optional().meta({ description: 'escalate or hand-off: a playbook escalation or a participant id.' }),
    bridge: IdOrIds.optional().meta({ description: 'open-bridge, move: the bridge id.' }),
    purpose: IdOrIds.optional().meta({ description: 'open-bridge: technical, business or customer, as the scenario declares for that bridge.' }),
    decision: IdOrIds.optional().meta({ description: 'decide: the decision id.' }),
    choice: IdOrIds.optional().meta({ description: 'decide: the option id.' }),
    timeBoxed: z.boolean().optional().meta({ description: 'assign only: whether the task had a time box (dueMinutes).' }),
    mentions: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ description: 'The action text (task, message, summary) mentions at least one of these words, in any word form.' }),
    says: z
      .record(Id, z.array(z.string().min(1)).min(1))
      .optional()
      .meta({
        description:
          'The action text states every one of these elements, each in one of its phrasings: {"service": ["customers cannot log in"], "next-update": ["next update {time}"]}. A negated or bare keyword-list statement does not count; {time} stands for any time or duration.',
      }),
  })
  .meta({
    description: 'Matches trainee actions: every field given must match; a list means any of its values.',
    id: 'ActionMatcher',
    examples: [{ type: 'notify', audience: 'executives' }],
  });
export type ActionMatcher = z.infer<typeof ActionMatcherSchema>;

export type Expr =
  | boolean
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr }
  | { did: ActionMatcher; by?: string; atLeast?: number; inLast?: string; per?: 'audience' | 'participant' | 'audience-and-channel' }
  | { fired: string }
  | { after: string }
  | { before: string }
  | { var: string; eq?: Scalar; ne?: Scalar; gt?: number; gte?: number; lt?: number; lte?: number }
  | { present: string }
  | { muted: string }
  | { noisy: string }
  | { level: string | string[] }
  | { classified: string | string[] }
  | { decided: string; choice?: string | string[] }
  | { bridgeOpen: string }
  | { onBridge: string; participant: string }
  | { escalated: string };

const described = <T extends z.ZodType>(schema: T, description: string, example: unknown): T =>
  schema.meta({ description, examples: [example] }) as T;

export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.boolean().meta({ description: 'Always true or always false.' }),
    described(z.strictObject({ all: z.array(ExprSchema).min(1).meta({ description: 'Conditions that must all hold.' }) }), 'True when every condition is true.', { all: [{ present: 'pete' }, { after: '03:00:00' }] }),
    described(z.strictObject({ any: z.array(ExprSchema).min(1).meta({ description: 'Conditions of which one must hold.' }) }), 'True when at least one condition is true.', { any: [{ muted: 'noisy-sme' }, { fired: 'kids-quiet' }] }),
    described(z.strictObject({ not: ExprSchema }), 'True when the condition is false.', { not: { did: { type: 'mute' } } }),
    described(
      z.strictObject({
        did: ActionMatcherSchema,
        by: ClockTime.optional().meta({ description: 'Count only actions taken at or before this time.' }),
        atLeast: z.number().int().positive().optional().meta({ description: 'How many matching actions are needed. Default 1.' }),
        inLast: Duration.optional().meta({ description: 'Count only actions taken within this long before now, e.g. to catch a burst of messages.' }),
        per: z
          .enum(['audience', 'participant', 'audience-and-channel'])
          .optional()
          .meta({ description: 'Count separately for each audience, participant, or audience on one channel: true when any one of them reaches atLeast.' }),
      }),
      'True once the trainee has taken a matching action (at least `atLeast` times, by the time `by` if given).',
      { did: { type: 'set-priority', level: 'P1' }, by: '03:10:00' },
    ),
    described(z.strictObject({ fired: Id }), 'True once the timeline beat, reaction or branch with this id has happened.', { fired: 'customers-cannot-log-in' }),
    described(z.strictObject({ after: ClockTime }), 'True from this scenario time on.', { after: '03:05:00' }),
    described(z.strictObject({ before: ClockTime }), 'True until this scenario time.', { before: '03:05:00' }),
    described(
      z.strictObject({
        var: Id,
        eq: Scalar.optional().meta({ description: 'Equal to this value.' }),
        ne: Scalar.optional().meta({ description: 'Not equal to this value.' }),
        gt: z.number().optional().meta({ description: 'A number greater than this.' }),
        gte: z.number().optional().meta({ description: 'A number greater than or equal to this.' }),
        lt: z.number().optional().meta({ description: 'A number less than this.' }),
        lte: z.number().optional().meta({ description: 'A number less than or equal to this.' }),
      }),
      'Tests a scenario variable; with no comparison it is true when the value is truthy.',
      { var: 'customer-escalations', gte: 2 },
    ),
    described(z.strictObject({ present: Id }), 'True while the participant is on the bridge.', { present: 'pete' }),
    described(z.strictObject({ muted: Id }), 'True while the participant line is muted.', { muted: 'noisy-sme' }),
    described(z.strictObject({ noisy: Id }), 'True while background noise from the participant can be heard.', { noisy: 'noisy-sme' }),
    described(z.strictObject({ level: LevelOrLevels.meta({ description: 'A playbook level id, or a list of them.' }) }), 'True while the incident priority is this level (or one of these).', { level: 'P1' }),
    described(z.strictObject({ classified: IdOrIds.meta({ description: 'A playbook classification id, or a list of them.' }) }), 'True while the impact classification is this one (or one of these).', { classified: 'service-disruption' }),
    described(
      z.strictObject({ decided: Id, choice: IdOrIds.optional().meta({ description: 'The option chosen, or a list of options.' }) }),
      'True once the trainee has answered the decision point (with this choice, if given).',
      { decided: 'release-rollback', choice: 'roll-back' },
    ),
    described(z.strictObject({ bridgeOpen: Id }), 'True while the bridge is open.', { bridgeOpen: 'customer-bridge' }),
    described(
      z.strictObject({ onBridge: Id, participant: Id.meta({ description: 'The participant.' }) }),
      'True while the participant is on this bridge (present, and on it rather than another).',
      { onBridge: 'customer-bridge', participant: 'customer-service' },
    ),
    described(z.strictObject({ escalated: Id }), 'True once the trainee has escalated to this process or role.', { escalated: 'major-incident' }),
  ]).meta({ id: 'Condition', description: 'A condition in the expression language: JSON data, never code.' }),
);

export const EXPR_OPERATORS = [
  'all', 'any', 'not', 'did', 'fired', 'after', 'before', 'var', 'present', 'muted', 'noisy', 'level', 'classified', 'decided', 'bridgeOpen', 'onBridge', 'escalated',
] as const;
