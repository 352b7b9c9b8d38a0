import { z } from 'zod';
import { ActionSchema, BridgePurpose } from '../actions/action.ts';
import { ActionMatcherSchema, ExprSchema } from '../expr/schema.ts';
import { ClockTime, Competency, Duration, Id, LevelId, Scalar, SemVer } from '../schema-primitives.ts';
import { parseDuration } from '../time.ts';

export const SCENARIO_SCHEMA_VERSION = 1;

const Text = z.string().min(1);

export const NOISE_SOUNDS = ['children', 'dog', 'traffic', 'typing', 'static', 'tv'] as const;

/** Effects are what beats, reactions, branches and decisions make happen. */
const effectShapes = {
  say: {
    type: z.literal('say').meta({ description: 'A participant speaks a line.' }),
    speaker: Id.meta({ description: 'Participant id of whoever speaks.' }),
    text: Text.meta({ description: 'What they say, as a caption. Rendered as text, never HTML.' }),
    bridge: Id.optional().meta({ description: 'Bridge the line is heard on; defaults to the first bridge.' }),
    overlap: z.boolean().optional().meta({ description: 'Spoken over someone else, as on a chaotic call.' }),
    asks: z
      .strictObject({
        until: ExprSchema.meta({ description: 'The request is answered once this holds, e.g. {"did": {"type": "notify", "audience": "customers"}}.' }),
        alert: z.boolean().optional().meta({ description: 'An executive or customer request: announced with an alert when it is made, not only listed.' }),
      })
      .optional()
      .meta({ description: 'The line asks the trainee for something: it waits in the "Waiting on you" list, with how long ago it was asked, until answered.' }),
  },
  join: {
    type: z.literal('join').meta({ description: 'A participant joins the bridge. Nothing happens if they are already on it.' }),
    participant: Id.meta({ description: 'Participant id of whoever joins.' }),
    bridge: Id.optional().meta({ description: 'Bridge they join; defaults to the bridge they were last on (at first, the first bridge).' }),
  },
  leave: {
    type: z.literal('leave').meta({ description: 'A participant leaves the bridge. Nothing happens if they are not on it.' }),
    participant: Id.meta({ description: 'Participant id of whoever leaves.' }),
    announced: z.boolean().optional().meta({ description: 'Whether the participant says they are leaving. Default false: they just drop.' }),
  },
  'noise-start': {
    type: z.literal('noise-start').meta({ description: 'Background noise starts on a participant line; heard until they are muted or it stops.' }),
    participant: Id.meta({ description: 'Participant id whose line gets noisy.' }),
    sound: z.enum(NOISE_SOUNDS).meta({ description: 'The kind of background noise.' }),
  },
  'noise-stop': {
    type: z.literal('noise-stop').meta({ description: 'The background noise on a participant line stops by itself.' }),
    participant: Id.meta({ description: 'Participant id whose line goes quiet.' }),
  },
  report: {
    type: z.literal('report').meta({ description: 'Someone brings a finding to the bridge, shown as a card with an alert tone.' }),
    from: Id.optional().meta({ description: 'Participant who brings the report, if any.' }),
    title: Text.meta({ description: 'Short headline of the report.' }),
    text: Text.meta({ description: 'What the report says. Rendered as text, never HTML.' }),
  },
  inject: {
    type: z.literal('inject').meta({ description: 'News from outside the call: a monitoring alert, a ticket, an e-mail.' }),
    title: Text.meta({ description: 'Short headline of the inject.' }),
    text: Text.meta({ description: 'What it says. Rendered as text, never HTML.' }),
    source: z.string().optional().meta({ description: 'Where it comes from: a monitoring alert, a ticket, an e-mail.' }),
  },
  set: {
    type: z.literal('set').meta({ description: 'Sets a scenario variable, declared in "variables".' }),
    var: Id.meta({ description: 'The variable to set.' }),
    to: Scalar.meta({ description: 'The new value: true or false, a number or a string.' }),
  },
  cancel: {
    type: z.literal('cancel').meta({ description: 'Stops a timeline beat that has not happened yet from happening.' }),
    beat: Id.meta({ description: 'A timeline beat that will no longer happen.' }),
  },
  'cancel-effects': {
    type: z.literal('cancel-effects').meta({ description: 'Drops the delayed effects of a reaction, branch or decision that are still waiting to happen.' }),
    of: Id.meta({ description: 'The reaction, branch or decision whose waiting effects are dropped, e.g. a promised fix that will no longer come.' }),
  },
  move: {
    type: z.literal('move').meta({ description: 'A participant moves to another open bridge. Nothing happens if they are not on a bridge or the bridge is closed.' }),
    participant: Id.meta({ description: 'Participant id of whoever moves.' }),
    bridge: Id.meta({ description: 'The bridge they move to.' }),
  },
  'set-priority': {
    type: z.literal('set-priority').meta({ description: 'Someone else on the call sets the incident priority.' }),
    level: LevelId.meta({ description: 'Someone other than the trainee sets the priority, e.g. a VIP who insists on a P1.' }),
  },
  classify: {
    type: z.literal('classify').meta({ description: 'Someone else on the call classifies the impact.' }),
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
    z.strictObject({ ...effectShapes['cancel-effects'], ...extra }),
    z.strictObject({ ...effectShapes.move, ...extra }),
    z.strictObject({ ...effectShapes['set-priority'], ...extra }),
    z.strictObject({ ...effectShapes.classify, ...extra }),
  ]);
}

export const EffectSchema = effectUnion({
  in: Duration.optional().meta({ description: 'Delay after the trigger before the effect happens.' }),
  when: ExprSchema.optional().meta({
    description: 'The effect happens only if this holds at the moment it would happen (after its delay), e.g. a reply that is not given once the speaker was muted.',
  }),
});
export type Effect = z.infer<typeof EffectSchema>;

export const BeatSchema = effectUnion({
  id: Id.meta({ description: 'Unique id of the beat; conditions test it with {"fired": id}.' }),
  at: ClockTime.meta({ description: 'When the beat happens on the incident clock.' }),
  when: ExprSchema.optional().meta({ description: 'The beat happens only if this holds at its time.' }),
  note: z.string().optional().meta({ description: 'Authoring note; never shown to trainees.' }),
});
export type Beat = z.infer<typeof BeatSchema>;

export const ParticipantSchema = z.strictObject({
  id: Id.meta({ description: 'Unique id of the participant, used by beats, actions and conditions.' }),
  name: Text.meta({ description: 'Full name, shown on the tile and in captions.' }),
  role: Text.meta({ description: 'Job on this call, e.g. "Network SME".' }),
  team: Text.meta({ description: 'Team, e.g. "Network engineering". A hand-off can go to it as a lower-case, dashed id.' }),
  location: Text.meta({ description: 'Where they dial in from.' }),
  noisyLine: z.boolean().optional().meta({ description: 'Whether their line is noisy.' }),
  noise: z.enum(NOISE_SOUNDS).optional().meta({ description: 'Background noise heard on a noisy line from the start, until muted.' }),
  present: z.boolean().optional().meta({ description: 'On the bridge when the trainee arrives. Default true.' }),
  answersPageIn: Duration.optional().meta({ description: 'How long after a page they join. Default 02:00.' }),
  rollCall: Text.optional().meta({
    description: 'What they answer to a roll call, in their own words. Default: their name, role and team.',
    examples: ['Er, it\'s me. From the mail side, I think.'],
  }),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const BridgeSchema = z.strictObject({
  id: Id.meta({ description: 'Unique id of the bridge.' }),
  name: Text.meta({ description: 'Name shown on the bridge tab.' }),
  purpose: BridgePurpose.meta({ description: 'What the bridge is for. An open-bridge action counts as this purpose.' }),
  open: z.boolean().optional().meta({ description: 'Open when the trainee arrives. The first bridge is always open.' }),
});
export type Bridge = z.infer<typeof BridgeSchema>;

export const ReactionSchema = z.strictObject({
  id: Id.meta({ description: 'Unique id; {"fired": id} is true once the reaction has happened.' }),
  on: ActionMatcherSchema,
  when: ExprSchema.optional().meta({ description: 'React only if this also holds when the action is taken.' }),
  repeat: z.boolean().optional().meta({ description: 'React every time; default only the first time.' }),
  do: z.array(EffectSchema).min(1).meta({ description: 'What happens, in order. Give an effect "in" to delay it.' }),
});

export type Reaction = z.infer<typeof ReactionSchema>;

export const BranchSchema = z.strictObject({
  id: Id.meta({ description: 'Unique id; {"fired": id} is true once the branch was taken.' }),
  description: z.string().optional().meta({ description: 'Authoring note; never shown to trainees.' }),
  when: ExprSchema.meta({ description: 'The branch is taken the first time this holds.' }),
  do: z.array(EffectSchema).min(1).meta({ description: 'What happens, in order. Give an effect "in" to delay it.' }),
});
export type Branch = z.infer<typeof BranchSchema>;

export const DecisionSchema = z.strictObject({
  id: Id.meta({ description: 'Unique id; the trainee answers with a decide action, tested with {"decided": id}.' }),
  prompt: Text.meta({ description: 'The question, as the trainee sees it.' }),
  askedBy: Id.optional().meta({ description: 'Participant who raises the question.' }),
  when: ExprSchema.optional().meta({ description: 'The decision can be taken only while this holds.' }),
  options: z
    .array(
      z.strictObject({
        id: Id.meta({ description: 'Option id; {"decided": decision-id, "choice": option-id} is true once it was chosen.' }),
        label: Text.meta({ description: 'The option, as the trainee sees it.' }),
        do: z.array(EffectSchema).optional().meta({ description: 'What happens when this option is chosen.' }),
      }),
    )
    .min(2)
    .meta({ description: 'At least two options. The first answer is final.' }),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const PhaseSchema = z.strictObject({
  id: Id.meta({ description: 'Unique id among phases and endings. The first phase is where play starts.' }),
  title: Text.meta({ description: 'Shown in the transcript when the phase starts.' }),
  description: z.string().optional().meta({ description: 'Authoring note: shown in the debrief timeline after play, never during it.' }),
  next: z
    .array(
      z.strictObject({
        to: Id.meta({ description: 'A phase, or an ending (which ends the exercise at once).' }),
        when: ExprSchema.meta({ description: 'The transition is taken as soon as this holds.' }),
        label: z.string().optional().meta({ description: 'The condition in words, for the branch graph.' }),
      }),
    )
    .optional()
    .meta({ description: 'Transitions to other phases or endings, tried in order after every event.' }),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const ENDING_OUTCOMES = ['success', 'partial', 'failure'] as const;
export const EndingSchema = z.strictObject({
  id: Id.meta({ description: 'Unique id among phases and endings.' }),
  title: Text.meta({ description: 'The ending, as the debrief names it.' }),
  summary: Text.meta({ description: 'What happened, in a sentence or two, for the debrief.' }),
  outcome: z.enum(ENDING_OUTCOMES).meta({ description: 'How the debrief marks this ending.' }),
  when: ExprSchema.optional().meta({
    description: 'At the end of the clock, the first ending whose condition holds is reached. One ending must have no condition.',
  }),
  maxPercent: z.number().int().min(0).max(100).optional().meta({
    description: 'Caps the grade at this percent when the run ends here (for a partial ending). A failure ending never passes, whatever the cap.',
  }),
});
export type Ending = z.infer<typeof EndingSchema>;

const Feedback = z
  .strictObject({
    met: z.string().optional().meta({ description: 'Shown when the expectation is met on time (or an avoid is avoided).' }),
    late: z.string().optional().meta({ description: 'Shown when it is met late, or partly.' }),
    missed: z.string().optional().meta({
      description: 'Shown when it is missed (or an avoid is broken). Not shown when the decision it wants a particular answer to was never answered: see "unanswered".',
    }),
    unanswered: z.string().optional().meta({
      description: 'For an expectation that wants a particular answer to a decision: shown when nobody answered it. Default: a generated message saying the question went unanswered.',
    }),
  })
  .meta({ description: 'Debrief messages that replace the generated ones.' });

const expectationBase = {
  id: Id.meta({ description: 'Unique id of the expectation; it is the finding id in the score report.' }),
  title: Text.meta({ description: 'What the trainee is expected to do, in a few words.' }),
  rule: Id.meta({ description: 'The playbook rule this expectation applies.' }),
  competency: Competency,
  points: z.number().int().positive().meta({ description: 'Points for meeting it in full.' }),
  trigger: ExprSchema.optional().meta({ description: 'When the expectation starts to apply. Default: from the start.' }),
  triggerLabel: z.string().optional().meta({ description: 'The trigger, in words, for the debrief.' }),
  optional: z.boolean().optional().meta({ description: 'When the trigger never happens, leave the expectation out of the score. Default false: it counts as missed.' }),
  afterTrigger: z
    .boolean()
    .optional()
    .meta({ description: 'Only actions and settings (priority, classification, escalations, decisions) made at or after the trigger count. Default true; set false when earlier work should count.' }),
  critical: z
    .boolean()
    .optional()
    .meta({ description: 'A disqualifying miss: when it is missed or broken (or a CAN report or cadence earns under half), the attempt does not pass, whatever the total.' }),
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
    kind: z.literal('achieve').meta({ description: 'Something must become true, by a due time.' }),
    expect: ExprSchema.meta({ description: 'What must become true.' }),
    late: z
      .strictObject({
        within: Duration.optional().meta({ description: 'How long after the due time late work still earns points. Default: any time.' }),
        points: z.number().int().nonnegative().meta({ description: 'Points for late work.' }),
      })
      .optional()
      .meta({ description: 'Partial credit when met after the due time (within this much more time, or any time).' }),
    until: ExprSchema.optional().meta({
      description: 'What is achieved must stand until this holds (e.g. the service is restored); undoing it before then loses the credit. Default: until the end of the exercise.',
    }),
  }),
  z.strictObject({
    ...expectationBase,
    ...deadline,
    kind: z.literal('avoid').meta({ description: 'Something must never become true.' }),
    expect: ExprSchema.meta({ description: 'What must never become true after the trigger (until the due time, if given).' }),
  }),
  z.strictObject({
    ...expectationBase,
    kind: z.literal('cadence').meta({ description: 'A repeated update, at least once per period.' }),
    expect: ExprSchema.meta({ description: 'A `did` condition for one update, e.g. a notify to executives.' }),
    every: Duration.refine((text) => (parseDuration(text) ?? 0) > 0, 'the period must be longer than 00:00').meta({ description: 'The period: at least one update in each.' }),
    until: ExprSchema.optional().meta({ description: 'The cadence stops once this holds (e.g. the incident is resolved).' }),
  }),
  z.strictObject({
    ...expectationBase,
    ...deadline,
    kind: z.literal('can-report').meta({ description: 'A CAN report, graded against the "can" rubric.' }),
  }),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const TemplateParamSchema = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.string().min(1)).min(1)])
  .meta({ description: 'A value for a template parameter: text, a number, true or false, or a list of phrasings.' });
export type TemplateParam = z.infer<typeof TemplateParamSchema>;

/**
 * A rubric item that instantiates one of the playbook's rubric templates with this scenario's facts.
 * Fields given here replace the template's; "with" fills its {placeholders}.
 */
export const TemplateUseSchema = z
  .strictObject({
    use: Id.meta({ description: 'The id of a rubric template in the playbook (its "rubricTemplates").' }),
    id: expectationBase.id,
    with: z.record(Id, TemplateParamSchema).optional().meta({
      description: 'Values for the template\'s {placeholders}, e.g. {"impact": "enterprise", "urgency": "high"} for a priority template, which then expects the level the playbook\'s matrix gives.',
    }),
    title: expectationBase.title.optional(),
    rule: expectationBase.rule.optional(),
    competency: Competency.optional(),
    points: expectationBase.points.optional(),
    trigger: expectationBase.trigger,
    triggerLabel: expectationBase.triggerLabel,
    optional: expectationBase.optional,
    afterTrigger: expectationBase.afterTrigger,
    critical: expectationBase.critical,
    feedback: expectationBase.feedback,
    within: deadline.within,
    by: deadline.by,
    late: z
      .strictObject({ within: Duration.optional(), points: z.number().int().nonnegative() })
      .optional()
      .meta({ description: 'Partial credit when met after the due time; replaces the template\'s.' }),
    until: ExprSchema.optional().meta({ description: 'Achieve: must stand until this holds. Cadence: stops once this holds.' }),
    every: Duration.optional().meta({ description: 'Cadence: the period, replacing the template\'s.' }),
  })
  .meta({ description: 'A rubric item made from a playbook rubric template: the playbook owns the rule, the scenario gives its facts and times.' });
export type TemplateUse = z.infer<typeof TemplateUseSchema>;

export const RubricEntrySchema = z.union([TemplateUseSchema, ExpectationSchema]);
export type RubricEntry = z.infer<typeof RubricEntrySchema>;

export const isTemplateUse = (entry: RubricEntry): entry is TemplateUse => 'use' in entry;

export const CAN_SECTIONS = ['conditions', 'actions', 'needs'] as const;
export const CanSection = z.enum(CAN_SECTIONS);
export type CanSection = z.infer<typeof CanSection>;

export const CanFactSchema = z.strictObject({
  id: Id.meta({ description: 'Unique id of the fact.' }),
  section: CanSection.meta({ description: 'Where the fact belongs: conditions, actions or needs.' }),
  label: Text.meta({ description: 'The fact, as the debrief shows it.' }),
  accept: z
    .array(z.string().min(1))
    .min(1)
    .meta({ description: 'Accepted phrasings. Matching ignores case, word forms, synonyms and how numbers and times are written.' }),
  points: z.number().positive().meta({ description: 'Points when found in its own section; half in another.' }),
  when: ExprSchema.optional().meta({ description: 'The fact is expected only if this held when the report was submitted.' }),
  contradicts: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .meta({ description: 'Wrong versions of the fact (the wrong system, priority or impact). Stating one deducts the fact\'s points, whatever else the report says.' }),
});
export type CanFact = z.infer<typeof CanFactSchema>;

export const CanRubricSchema = z.strictObject({
  facts: z.array(CanFactSchema).min(1).meta({ description: 'The facts a good CAN report contains.' }),
  noAdditionalNeeds: ExprSchema.optional().meta({
    description: 'When this holds at submission, "no additional needs" is the right answer and earns the needs points.',
  }),
});
export type CanRubric = z.infer<typeof CanRubricSchema>;

export const ModelAnswerSchema = z
  .strictObject({
    summary: Text.optional().meta({ description: 'How an experienced incident manager runs this exercise, in a few sentences, for the debrief.' }),
    steps: z
      .array(
        z.strictObject({
          action: ActionSchema.meta({ description: 'What the expert does, written as an action of the log (CONTRACTS §2), with its scenario time.' }),
          why: Text.meta({ description: 'Why, at that moment: the cue on the call and the playbook rule it applies.' }),
        }),
      )
      .min(1)
      .meta({ description: 'The expert\'s actions in time order. Together they form a log that must replay on this scenario and pass; a can-report among them is the expert CAN report.' }),
  })
  .meta({ description: 'A model answer the debrief shows after play: what an expert did at each moment, and why.' });
export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;

export const DIFFICULTIES = ['introductory', 'intermediate', 'advanced'] as const;

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'Path to scenario.schema.json, for editor completion and hover help.', examples: ['./scenario.schema.json'] }),
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION).meta({ description: 'Version of the scenario format. Always 1.' }),
  id: Id.meta({ description: 'Unique id of the scenario; also its file name and its ?scenario= link.', examples: ['acme-chemical'] }),
  title: Text.meta({ description: 'Shown on the scenario card and in the debrief.' }),
  version: SemVer.meta({ description: 'Version of this scenario; it is recorded in every score report.' }),
  summary: Text.meta({ description: 'One or two sentences for the scenario card.' }),
  briefing: Text.meta({ description: 'What the trainee is told before play starts.' }),
  objectives: z.array(Text).min(1).meta({ description: 'Learning objectives, shown on the card and in the briefing.' }),
  difficulty: z.enum(DIFFICULTIES).meta({ description: 'Shown on the scenario card.' }),
  estimatedMinutes: z.number().int().positive().meta({ description: 'Expected playing time in minutes, shown on the card.' }),
  playbook: Id.meta({ description: 'Default playbook id (a file in scenarios/playbooks/).' }),
  affectedService: Text.optional().meta({
    description: 'The service the incident hurts, as notification templates name it (not the customer or the title). Without it the template leaves {service} for the trainee to fill.',
    examples: ['Online ordering and customer login'],
  }),
  incidentStart: ClockTime.optional().meta({
    description: 'When the incident started, as notification templates give it ("since ..."); it may be before the clock starts. Default: the time of the first report or inject.',
    examples: ['01:30:00'],
  }),
  passPercent: z.number().int().min(0).max(100).optional().meta({ description: 'Pass mark. Default 70.' }),
  clock: z
    .strictObject({
      start: ClockTime.meta({ description: 'When the trainee takes the seat.' }),
      end: ClockTime.meta({ description: 'When the exercise ends. An end earlier than the start means the next day.' }),
    })
    .meta({ description: 'The window of the incident clock the exercise covers.' }),
  cast: z.array(ParticipantSchema).min(1).meta({ description: 'Everyone who can be on the bridges, present at the start or not.' }),
  bridges: z.array(BridgeSchema).min(1).meta({ description: 'Conference bridges. The first is the main one, always open.' }),
  variables: z.record(Id, Scalar).optional().meta({ description: 'Scenario variables and their starting values.' }),
  phases: z.array(PhaseSchema).min(1).meta({ description: 'Stages of the story. Play starts in the first.' }),
  timeline: z.array(BeatSchema).meta({ description: 'Scripted beats on the incident clock. Beats at the same time happen in file order.' }),
  reactions: z.array(ReactionSchema).optional().meta({ description: 'What happens when the trainee takes a matching action.' }),
  branches: z.array(BranchSchema).optional().meta({ description: 'Effects that happen once, the first time a condition holds.' }),
  decisions: z.array(DecisionSchema).optional().meta({ description: 'Questions the trainee must answer by choosing an option.' }),
  endings: z.array(EndingSchema).min(1).meta({ description: 'How the exercise can end. One must have no "when".' }),
  rubric: z
    .array(RubricEntrySchema)
    .min(1)
    .meta({ description: 'What the trainee is graded on, each item tied to a playbook rule: written out in full, or made from one of the playbook\'s rubric templates with "use".' }),
  rubricNotes: z.string().optional().meta({ description: 'Why the rubric weighs what it weighs, for instructors and reviewers. Never shown to trainees during play.' }),
  can: CanRubricSchema.optional().meta({ description: 'The facts a CAN report (Conditions, Actions, Needs) should contain.' }),
  modelAnswer: ModelAnswerSchema.optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
