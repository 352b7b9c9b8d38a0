import { z } from 'zod';
import { BridgePurpose } from '../actions/action.ts';
import { ActionMatcherSchema, ExprSchema } from '../expr/schema.ts';
import { ClockTime, Competency, Duration, Id, LevelId, Scalar, SemVer } from '../schema-primitives.ts';

export const SCENARIO_SCHEMA_VERSION = 1;

const Text = z.string().min(1);

export const NOISE_SOUNDS = ['children', 'dog', 'traffic', 'typing', 'static', 'tv'] as const;

/** Effects are what beats, reactions, branches and decisions make happen. */
const effectShapes = {
  say: {
    type: z.literal('say'),
    speaker: Id.meta({ description: 'Participant id of whoever speaks.' }),
    text: Text.meta({ description: 'What they say, as a caption. Rendered as text, never HTML.' }),
    bridge: Id.optional().meta({ description: 'Bridge the line is heard on; defaults to the first bridge.' }),
    overlap: z.boolean().optional().meta({ description: 'Spoken over someone else, as on a chaotic call.' }),
  },
  join: { type: z.literal('join'), participant: Id, bridge: Id.optional() },
  leave: {
    type: z.literal('leave'),
    participant: Id,
    announced: z.boolean().optional().meta({ description: 'Whether the participant says they are leaving. Default false: they just drop.' }),
  },
  'noise-start': { type: z.literal('noise-start'), participant: Id, sound: z.enum(NOISE_SOUNDS) },
  'noise-stop': { type: z.literal('noise-stop'), participant: Id },
  report: {
    type: z.literal('report'),
    from: Id.optional().meta({ description: 'Participant who brings the report, if any.' }),
    title: Text,
    text: Text,
  },
  inject: {
    type: z.literal('inject'),
    title: Text,
    text: Text,
    source: z.string().optional().meta({ description: 'Where it comes from: a monitoring alert, a ticket, an e-mail.' }),
  },
  set: { type: z.literal('set'), var: Id, to: Scalar },
  cancel: { type: z.literal('cancel'), beat: Id.meta({ description: 'A timeline beat that will no longer happen.' }) },
  'set-priority': {
    type: z.literal('set-priority'),
    level: LevelId.meta({ description: 'Someone other than the trainee sets the priority, e.g. a VIP who insists on a P1.' }),
  },
  classify: {
    type: z.literal('classify'),
    as: Id.meta({ description: 'Someone other than the trainee classifies the impact, e.g. "we\'ll keep it a performance degradation".' }),
  },
} as const;

function effectUnion<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion('type', [
    z.strictObject({ ...effectShapes.say, ...extra }),
    z.strictObject({ ...effectShapes.join, ...extra }),
    z.strictObject({ ...effectShapes.leave, ...extra }),
    z.strictObject({ ...effectShapes['noise-start'], ...extra }),
    z.strictObject({ ...effectShapes['noise-stop'], ...extra }),
    z.strictObject({ ...effectShapes.report, ...extra }),
    z.strictObject({ ...effectShapes.inject, ...extra }),
    z.strictObject({ ...effectShapes.set, ...extra }),
    z.strictObject({ ...effectShapes.cancel, ...extra }),
    z.strictObject({ ...effectShapes['set-priority'], ...extra }),
    z.strictObject({ ...effectShapes.classify, ...extra }),
  ]);
}

export const EffectSchema = effectUnion({
  in: Duration.optional().meta({ description: 'Delay after the trigger before the effect happens.' }),
});
export type Effect = z.infer<typeof EffectSchema>;

export const BeatSchema = effectUnion({
  id: Id,
  at: ClockTime.meta({ description: 'When the beat happens on the incident clock.' }),
  when: ExprSchema.optional().meta({ description: 'The beat happens only if this holds at its time.' }),
  note: z.string().optional().meta({ description: 'Authoring note; never shown to trainees.' }),
});
export type Beat = z.infer<typeof BeatSchema>;

export const ParticipantSchema = z.strictObject({
  id: Id,
  name: Text,
  role: Text,
  team: Text,
  location: Text.meta({ description: 'Where they dial in from.' }),
  noisyLine: z.boolean().optional().meta({ description: 'Whether their line is noisy.' }),
  noise: z.enum(NOISE_SOUNDS).optional().meta({ description: 'Background noise heard on a noisy line from the start, until muted.' }),
  present: z.boolean().optional().meta({ description: 'On the bridge when the trainee arrives. Default true.' }),
  answersPageIn: Duration.optional().meta({ description: 'How long after a page they join. Default 02:00.' }),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const BridgeSchema = z.strictObject({
  id: Id,
  name: Text,
  purpose: BridgePurpose,
  open: z.boolean().optional().meta({ description: 'Open when the trainee arrives. The first bridge is always open.' }),
});
export type Bridge = z.infer<typeof BridgeSchema>;

export const ReactionSchema = z.strictObject({
  id: Id,
  on: ActionMatcherSchema,
  when: ExprSchema.optional(),
  repeat: z.boolean().optional().meta({ description: 'React every time; default only the first time.' }),
  do: z.array(EffectSchema).min(1),
});

export type Reaction = z.infer<typeof ReactionSchema>;

export const BranchSchema = z.strictObject({
  id: Id,
  description: z.string().optional(),
  when: ExprSchema.meta({ description: 'The branch is taken the first time this holds.' }),
  do: z.array(EffectSchema).min(1),
});
export type Branch = z.infer<typeof BranchSchema>;

export const DecisionSchema = z.strictObject({
  id: Id,
  prompt: Text,
  askedBy: Id.optional().meta({ description: 'Participant who raises the question.' }),
  when: ExprSchema.optional().meta({ description: 'The decision can be taken only while this holds.' }),
  options: z
    .array(
      z.strictObject({
        id: Id,
        label: Text,
        do: z.array(EffectSchema).optional(),
      }),
    )
    .min(2),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const PhaseSchema = z.strictObject({
  id: Id,
  title: Text,
  description: z.string().optional(),
  next: z
    .array(z.strictObject({ to: Id, when: ExprSchema, label: z.string().optional() }))
    .optional()
    .meta({ description: 'Transitions to other phases or endings, tried in order after every event.' }),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const ENDING_OUTCOMES = ['success', 'partial', 'failure'] as const;
export const EndingSchema = z.strictObject({
  id: Id,
  title: Text,
  summary: Text,
  outcome: z.enum(ENDING_OUTCOMES),
  when: ExprSchema.optional().meta({
    description: 'At the end of the clock, the first ending whose condition holds is reached. One ending must have no condition.',
  }),
});
export type Ending = z.infer<typeof EndingSchema>;

const Feedback = z.strictObject({
  met: z.string().optional(),
  late: z.string().optional(),
  missed: z.string().optional(),
});

const expectationBase = {
  id: Id,
  title: Text.meta({ description: 'What the trainee is expected to do, in a few words.' }),
  rule: Id.meta({ description: 'The playbook rule this expectation applies.' }),
  competency: Competency,
  points: z.number().int().positive(),
  trigger: ExprSchema.optional().meta({ description: 'When the expectation starts to apply. Default: from the start.' }),
  triggerLabel: z.string().optional().meta({ description: 'The trigger, in words, for the debrief.' }),
  optional: z.boolean().optional().meta({ description: 'When the trigger never happens, leave the expectation out of the score. Default false: it counts as missed.' }),
  afterTrigger: z.boolean().optional().meta({ description: 'Only actions taken at or after the trigger count. Default false: earlier actions count too.' }),
  feedback: Feedback.optional(),
};

const deadline = {
  within: Duration.optional().meta({ description: 'Due this long after the trigger.' }),
  by: ClockTime.optional().meta({ description: 'Due at this scenario time.' }),
};

export const ExpectationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...expectationBase,
    ...deadline,
    kind: z.literal('achieve'),
    expect: ExprSchema.meta({ description: 'What must become true.' }),
    late: z
      .strictObject({ within: Duration.optional(), points: z.number().int().nonnegative() })
      .optional()
      .meta({ description: 'Partial credit when met after the due time (within this much more time, or any time).' }),
  }),
  z.strictObject({
    ...expectationBase,
    ...deadline,
    kind: z.literal('avoid'),
    expect: ExprSchema.meta({ description: 'What must never become true after the trigger (until the due time, if given).' }),
  }),
  z.strictObject({
    ...expectationBase,
    kind: z.literal('cadence'),
    expect: ExprSchema.meta({ description: 'A `did` condition for one update, e.g. a notify to executives.' }),
    every: Duration,
    until: ExprSchema.optional().meta({ description: 'The cadence stops once this holds (e.g. the incident is resolved).' }),
  }),
  z.strictObject({
    ...expectationBase,
    ...deadline,
    kind: z.literal('can-report'),
  }),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const CAN_SECTIONS = ['conditions', 'actions', 'needs'] as const;
export const CanSection = z.enum(CAN_SECTIONS);
export type CanSection = z.infer<typeof CanSection>;

export const CanFactSchema = z.strictObject({
  id: Id,
  section: CanSection,
  label: Text.meta({ description: 'The fact, as the debrief shows it.' }),
  accept: z
    .array(z.string().min(1))
    .min(1)
    .meta({ description: 'Accepted phrasings. Matching ignores case, word forms, synonyms and how numbers and times are written.' }),
  points: z.number().positive(),
  when: ExprSchema.optional().meta({ description: 'The fact is expected only if this held when the report was submitted.' }),
});
export type CanFact = z.infer<typeof CanFactSchema>;

export const CanRubricSchema = z.strictObject({
  facts: z.array(CanFactSchema).min(1),
  noAdditionalNeeds: ExprSchema.optional().meta({
    description: 'When this holds at submission, "no additional needs" is the right answer and earns the needs points.',
  }),
});
export type CanRubric = z.infer<typeof CanRubricSchema>;

export const DIFFICULTIES = ['introductory', 'intermediate', 'advanced'] as const;

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
  id: Id,
  title: Text,
  version: SemVer,
  summary: Text,
  briefing: Text.meta({ description: 'What the trainee is told before play starts.' }),
  objectives: z.array(Text).min(1),
  difficulty: z.enum(DIFFICULTIES),
  estimatedMinutes: z.number().int().positive(),
  playbook: Id.meta({ description: 'Default playbook id (a file in scenarios/playbooks/).' }),
  passPercent: z.number().int().min(0).max(100).optional().meta({ description: 'Pass mark. Default 70.' }),
  clock: z.strictObject({ start: ClockTime, end: ClockTime }),
  cast: z.array(ParticipantSchema).min(1),
  bridges: z.array(BridgeSchema).min(1),
  variables: z.record(Id, Scalar).optional().meta({ description: 'Scenario variables and their starting values.' }),
  phases: z.array(PhaseSchema).min(1),
  timeline: z.array(BeatSchema),
  reactions: z.array(ReactionSchema).optional(),
  branches: z.array(BranchSchema).optional(),
  decisions: z.array(DecisionSchema).optional(),
  endings: z.array(EndingSchema).min(1),
  rubric: z.array(ExpectationSchema).min(1),
  can: CanRubricSchema.optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
