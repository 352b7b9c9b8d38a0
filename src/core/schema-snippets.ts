import type { z } from 'zod';
import { LevelSchema, PlaybookRuleSchema, PlaybookSchema } from './playbook/schema.ts';
import {
  BeatSchema,
  BranchSchema,
  BridgeSchema,
  CanFactSchema,
  CanRubricSchema,
  DecisionSchema,
  EffectSchema,
  EndingSchema,
  ExpectationSchema,
  RubricEntrySchema,
  ParticipantSchema,
  PhaseSchema,
  ReactionSchema,
  ScenarioSchema,
} from './scenario/schema.ts';

/**
 * VS Code's `defaultSnippets` for the editor JSON Schemas: completions that insert a whole
 * skeleton. In a body, `${1:text}` is a tab stop; a string starting with `^` is inserted
 * without quotes, so `"^${1:4}"` gives a number.
 */
export interface EditorSnippet {
  readonly label: string;
  readonly description: string;
  readonly body: unknown;
}

type Body = Record<string, unknown>;

/** The effect snippets, with the fields a beat adds (id, at) or an effect adds (in) in front. */
function effectSnippets(kind: 'beat' | 'effect'): EditorSnippet[] {
  const head = (n: number): Body =>
    kind === 'beat' ? { id: `\${${n}:beat-id}`, at: `\${${n + 1}:10:00:00}` } : { in: `\${${n}:00:05}` };
  const first = kind === 'beat' ? 3 : 2;
  const tab = (offset: number, text: string) => `\${${first + offset}:${text}}`;
  const made = (what: string, body: Body, description: string): EditorSnippet => ({
    label: `${kind}: ${what}`,
    description: kind === 'beat' ? `${description} At a time on the incident clock.` : `${description} "in" delays it after the trigger; remove it to act at once.`,
    body: { ...head(1), ...body },
  });
  return [
    made('say', { type: 'say', speaker: tab(0, 'participant-id'), text: tab(1, 'What they say.') }, 'A participant speaks a line.'),
    made('join', { type: 'join', participant: tab(0, 'participant-id') }, 'A participant joins the bridge.'),
    made('leave', { type: 'leave', participant: tab(0, 'participant-id'), announced: `^${tab(1, 'false')}` }, 'A participant leaves, announced or not.'),
    made('noise-start', { type: 'noise-start', participant: tab(0, 'participant-id'), sound: tab(1, 'children') }, 'Background noise starts on a line.'),
    made('noise-stop', { type: 'noise-stop', participant: tab(0, 'participant-id') }, 'Background noise on a line stops.'),
    made('report', { type: 'report', from: tab(0, 'participant-id'), title: tab(1, 'Headline'), text: tab(2, 'What the report says.') }, 'Someone brings a finding.'),
    made('inject', { type: 'inject', source: tab(0, 'Monitoring alert'), title: tab(1, 'Headline'), text: tab(2, 'What it says.') }, 'News from outside the call.'),
    made('set', { type: 'set', var: tab(0, 'variable-id'), to: `^${tab(1, 'true')}` }, 'Sets a scenario variable.'),
    made('cancel', { type: 'cancel', beat: tab(0, 'beat-id') }, 'A later timeline beat will not happen.'),
    made('cancel-effects', { type: 'cancel-effects', of: tab(0, 'reaction-id') }, 'The waiting delayed effects of a reaction, branch or decision are dropped.'),
    made('move', { type: 'move', participant: tab(0, 'participant-id'), bridge: tab(1, 'bridge-id') }, 'Someone moves to another open bridge.'),
    made('set-priority', { type: 'set-priority', level: tab(0, 'P1') }, 'Someone else sets the priority.'),
    made('classify', { type: 'classify', as: tab(0, 'performance-degradation') }, 'Someone else classifies the impact.'),
  ];
}

const participant: EditorSnippet[] = [
  {
    label: 'participant',
    description: 'Someone on the bridge from the start.',
    body: { id: '${1:participant-id}', name: '${2:Full Name}', role: '${3:Role}', team: '${4:Team}', location: '${5:Where they dial in from}' },
  },
  {
    label: 'participant who joins later',
    description: 'Someone off the bridge at the start, who joins when paged or by a join beat.',
    body: { id: '${1:participant-id}', name: '${2:Full Name}', role: '${3:Role}', team: '${4:Team}', location: '${5:Mobile phone}', present: false, answersPageIn: '${6:02:00}' },
  },
  {
    label: 'participant on a noisy line',
    description: 'Background noise is heard from the start until the trainee mutes the line.',
    body: { id: '${1:participant-id}', name: '${2:Full Name}', role: '${3:Role}', team: '${4:Team}', location: '${5:Working from home}', noisyLine: true, noise: '${6:children}' },
  },
];

const bridge: EditorSnippet[] = [
  { label: 'bridge', description: 'A conference bridge. The first is the main one.', body: { id: '${1:tech-bridge}', name: '${2:Technical bridge}', purpose: '${3:technical}' } },
];

const reaction: EditorSnippet[] = [
  {
    label: 'reaction',
    description: 'What happens when the trainee takes a matching action (the first time).',
    body: { id: '${1:reaction-id}', on: { type: '${2:mute}', participant: '${3:participant-id}' }, do: [{ type: 'say', speaker: '${4:participant-id}', text: '${5:Thank you.}', in: '${6:00:03}' }] },
  },
];

const branch: EditorSnippet[] = [
  {
    label: 'branch',
    description: 'Effects that happen once, the first time a condition holds.',
    body: {
      id: '${1:branch-id}',
      description: '${2:What this branch is for.}',
      when: { all: [{ after: '${3:10:07:00}' }, { not: { did: { type: '${4:set-priority}' } } }] },
      do: [{ type: 'say', speaker: '${5:participant-id}', text: '${6:What they say.}' }],
    },
  },
];

const decision: EditorSnippet[] = [
  {
    label: 'decision with two options',
    description: 'A question the trainee answers once, open while "when" holds.',
    body: {
      id: '${1:decision-id}',
      prompt: '${2:The question?}',
      askedBy: '${3:participant-id}',
      when: { fired: '${4:beat-id}' },
      options: [
        { id: '${5:first-option}', label: '${6:First option}', do: [{ type: 'set', var: '${7:variable-id}', to: '^${8:true}', in: '${9:10:00}' }] },
        { id: '${10:second-option}', label: '${11:Second option}', do: [{ type: 'say', speaker: '${12:participant-id}', text: '${13:What they say.}', in: '00:05' }] },
      ],
    },
  },
];

const phase: EditorSnippet[] = [
  {
    label: 'phase',
    description: 'A stage of the story, with a transition to the next phase or an ending.',
    body: { id: '${1:phase-id}', title: '${2:Title}', description: '${3:From when to when.}', next: [{ to: '${4:next-phase-id}', when: { fired: '${5:beat-id}' }, label: '${6:what moves the story on}' }] },
  },
];

const ending: EditorSnippet[] = [
  {
    label: 'ending',
    description: 'Reached when the clock runs out and "when" holds (first match in order), or by a phase transition.',
    body: { id: '${1:ending-id}', title: '${2:Title}', outcome: '${3:success}', summary: '${4:What happened.}', when: { all: [{ level: '${5:P1}' }, { did: { type: 'notify', audience: '${6:customers}' } }] } },
  },
  {
    label: 'default ending',
    description: 'The ending with no condition, reached when no earlier ending holds. Put it last.',
    body: { id: '${1:ending-id}', title: '${2:Title}', outcome: '${3:failure}', summary: '${4:What happened.}' },
  },
];

const base = (n: number): Body => ({
  id: `\${${n}:expectation-id}`,
  title: `\${${n + 1}:What the trainee should do}`,
  rule: `\${${n + 2}:playbook-rule-id}`,
  competency: `\${${n + 3}:notification}`,
  points: `^\${${n + 4}:5}`,
});

const expectation: EditorSnippet[] = [
  {
    label: 'achieve (within, with late credit)',
    description: 'Must become true within a time after its trigger; late work earns partial points.',
    body: { ...base(1), kind: 'achieve', trigger: { fired: '${6:beat-id}' }, triggerLabel: '${7:what starts the clock}', expect: { did: { type: 'notify', audience: '${8:executives}' } }, within: '${9:10:00}', late: { within: '${10:05:00}', points: '^${11:2}' } },
  },
  {
    label: 'achieve (by a time)',
    description: 'Must become true by a time on the incident clock.',
    body: { ...base(1), kind: 'achieve', expect: { did: { type: '${6:announce-role}' } }, by: '${7:10:03:00}' },
  },
  {
    label: 'avoid',
    description: 'Must never become true (after the trigger, until the due time if given).',
    body: { ...base(1), kind: 'avoid', expect: { did: { type: 'assign', timeBoxed: false } }, feedback: { missed: '${6:Why this matters.}' } },
  },
  {
    label: 'cadence',
    description: 'At least one matching update in every period after the trigger.',
    body: { ...base(1), kind: 'cadence', trigger: { level: '${6:P1}' }, expect: { did: { type: 'notify', audience: ['${7:executives}', '${8:customers}'] } }, every: '${9:30:00}', until: { did: { type: 'resolve' } } },
  },
  {
    label: 'can-report',
    description: 'A CAN report after the trigger, graded against the "can" rubric.',
    body: { ...base(1), competency: 'can-report', kind: 'can-report', trigger: { fired: '${6:beat-id}' }, triggerLabel: '${7:leadership asked for a CAN report}', within: '${8:05:00}' },
  },
];

const rubricEntry: EditorSnippet[] = [
  {
    label: 'use a playbook rubric template',
    description: "A rubric item made from one of the playbook's rubricTemplates: give this scenario's facts in \"with\" and its times.",
    body: { id: '${1:expectation-id}', use: '${2:priority-from-matrix}', with: { impact: '${3:enterprise}', urgency: '${4:high}' }, trigger: { fired: '${5:beat-id}' }, triggerLabel: '${6:what starts the clock}' },
  },
  ...expectation,
];

const canFact: EditorSnippet[] = [
  {
    label: 'CAN fact',
    description: 'A fact a good CAN report contains, with accepted phrasings.',
    body: { id: '${1:fact-id}', section: '${2:conditions}', label: '${3:The fact, as the debrief shows it}', points: '^${4:2}', accept: ['${5:a phrasing}', '${6:another phrasing}'] },
  },
];

const canRubric: EditorSnippet[] = [
  {
    label: 'CAN rubric',
    description: 'The facts a CAN report should contain.',
    body: { facts: [{ id: '${1:fact-id}', section: '${2:conditions}', label: '${3:The fact}', points: '^${4:2}', accept: ['${5:a phrasing}'] }] },
  },
];

const scenario: EditorSnippet[] = [
  {
    label: 'new scenario',
    description: 'A complete minimal scenario: one bridge, two participants, one beat, one phase, one ending, one expectation.',
    body: {
      $schema: '${1:./scenario.schema.json}',
      schemaVersion: 1,
      id: '${2:my-scenario}',
      title: '${3:Title}',
      version: '1.0.0',
      summary: '${4:One or two sentences for the card.}',
      briefing: '${5:What the trainee is told before play starts.}',
      objectives: ['${6:An objective.}'],
      difficulty: '${7:introductory}',
      estimatedMinutes: '^${8:15}',
      playbook: '${9:itil-major-incident}',
      clock: { start: '${10:10:00:00}', end: '${11:10:30:00}' },
      cast: [
        { id: '${12:ops-analyst}', name: '${13:Full Name}', role: '${14:Monitoring analyst}', team: '${15:Operations}', location: '${16:Network operations centre}' },
      ],
      bridges: [{ id: 'tech-bridge', name: 'Technical bridge', purpose: 'technical' }],
      timeline: [{ id: '${17:first-alert}', at: '${10:10:00:00}', type: 'inject', source: '${18:Monitoring alert}', title: '${19:Headline}', text: '${20:What the alert says.}' }],
      phases: [{ id: 'main', title: '${21:What is going on}' }],
      endings: [{ id: 'done', title: '${22:The exercise ends}', outcome: 'partial', summary: '${23:What happened.}' }],
      rubric: [
        { id: 'take-command', kind: 'achieve', title: 'Announce that you lead the bridge', rule: 'take-command', competency: 'bridge-control', points: 4, expect: { did: { type: 'announce-role' } }, within: '03:00' },
      ],
    },
  },
];

const playbookSnippets: EditorSnippet[] = [
  {
    label: 'new playbook',
    description: 'A minimal playbook: one level, classification, audience, channel and rule.',
    body: {
      $schema: '${1:./playbook.schema.json}',
      schemaVersion: 1,
      id: '${2:my-playbook}',
      title: '${3:Title}',
      version: '1.0.0',
      summary: '${4:Where it comes from.}',
      levelKind: '${5:priority}',
      levels: [{ id: 'P1', name: 'Priority 1', description: '${6:When it applies.}', rank: 1, major: true }],
      classifications: [{ id: 'service-disruption', name: 'Service disruption' }],
      audiences: [{ id: 'executives', name: 'Executives' }],
      channels: [{ id: 'email', name: 'E-mail' }],
      rules: [{ id: '${7:rule-id}', section: '${8:Section}', title: '${9:Title}', text: '${10:The rule.}', competency: '${11:notification}', cites: { source: '${12:Source title}', section: '${13:Source section}', quote: '${14:The exact words.}' } }],
    },
  },
];

const playbookRule: EditorSnippet[] = [
  {
    label: 'rule',
    description: 'A rule trainees are graded against, quoting its source word for word.',
    body: { id: '${1:rule-id}', section: '${2:Section}', title: '${3:Title}', text: '${4:The rule, for trainees.}', competency: '${5:notification}', cites: { source: '${6:Source title}', section: '${7:Source section}', quote: '${8:The exact words.}' } },
  },
];

const level: EditorSnippet[] = [
  {
    label: 'level',
    description: 'A priority or severity level.',
    body: { id: '${1:P1}', name: '${2:Priority 1}', description: '${3:When it applies.}', rank: '^${4:1}', major: '^${5:true}', updateEveryMinutes: '^${6:30}' },
  },
];

/** Which zod schema gets which snippets. Keys are the exported schema objects themselves. */
export const EDITOR_SNIPPETS: ReadonlyMap<z.ZodType, readonly EditorSnippet[]> = new Map<z.ZodType, readonly EditorSnippet[]>([
  [ScenarioSchema, scenario],
  [ParticipantSchema, participant],
  [BridgeSchema, bridge],
  [BeatSchema, effectSnippets('beat')],
  [EffectSchema, effectSnippets('effect')],
  [ReactionSchema, reaction],
  [BranchSchema, branch],
  [DecisionSchema, decision],
  [PhaseSchema, phase],
  [EndingSchema, ending],
  [ExpectationSchema, expectation],
  [RubricEntrySchema, rubricEntry],
  [CanFactSchema, canFact],
  [CanRubricSchema, canRubric],
  [PlaybookSchema, playbookSnippets],
  [PlaybookRuleSchema, playbookRule],
  [LevelSchema, level],
]);
