import { z } from 'zod';
import { Competency, Id, LevelId, SemVer } from '../schema-primitives.ts';

export const PLAYBOOK_SCHEMA_VERSION = 1;

const Text = z.string().min(1);
const Named = z.strictObject({
  id: Id.meta({ description: 'Id that scenarios and actions use.' }),
  name: Text.meta({ description: 'Name shown to trainees.' }),
  description: z.string().optional().meta({ description: 'What it means, shown as help.' }),
});

export const CitationSchema = z
  .strictObject({
    source: Text.meta({ description: 'Title of the source doc.' }),
    section: Text.meta({ description: 'The section of the source the rule comes from.' }),
    quote: Text.meta({ description: 'The words of the source the rule rests on, quoted exactly.' }),
  })
  .meta({ description: 'Where a rule comes from.' });

export const PlaybookRuleSchema = z.strictObject({
  id: Id.meta({ description: 'Rule id; scenario rubric items name it in "rule".' }),
  section: Text.meta({ description: 'Section of this playbook, shown in references: "itil-major-incident §Communication".', examples: ['Communication'] }),
  title: Text.meta({ description: 'The rule in a few words.' }),
  text: Text.meta({ description: 'The rule, in the words shown to trainees.' }),
  competency: Competency.optional(),
  cites: CitationSchema,
});
export type PlaybookRule = z.infer<typeof PlaybookRuleSchema>;

export const LevelSchema = z.strictObject({
  id: LevelId,
  name: Text.meta({ description: 'Name shown to trainees, e.g. "Priority 1 (major incident)".' }),
  description: Text.meta({ description: 'When this level applies.' }),
  rank: z.number().int().positive().meta({ description: '1 is the most severe.' }),
  major: z.boolean().optional().meta({ description: 'Whether this level is handled as a major incident.' }),
  updateEveryMinutes: z.number().positive().optional().meta({ description: 'Stakeholder update cadence at this level.' }),
  respond: z.string().optional().meta({ description: 'The response this level calls for.' }),
});
export type Level = z.infer<typeof LevelSchema>;

export const RubricTemplateSchema = z.strictObject({
  id: Id.meta({ description: 'Template id; a scenario rubric item names it in "use".' }),
  description: Text.meta({ description: 'What the template grades, for instructors.' }),
  params: z
    .array(z.strictObject({ id: Id, description: Text }))
    .optional()
    .meta({ description: 'The {placeholders} a scenario fills with "with". {level} and {updateEvery} are derived from "impact" and "urgency" through the matrix.' }),
  expectation: z
    .record(z.string(), z.unknown())
    .meta({
      description:
        'A rubric expectation (kind, rule, competency, title, points, expect, times…) in which any string may be a {placeholder}. A string that is only a placeholder takes the parameter\'s value whole, so lists fill in as lists.',
    }),
});
export type RubricTemplate = z.infer<typeof RubricTemplateSchema>;

export const PlaybookSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'Path to playbook.schema.json, for editor completion and hover help.', examples: ['./playbook.schema.json'] }),
  schemaVersion: z.literal(PLAYBOOK_SCHEMA_VERSION).meta({ description: 'Version of the playbook format. Always 1.' }),
  id: Id.meta({ description: 'Unique id of the playbook; also its file name. Scenarios name it in "playbook".' }),
  title: Text.meta({ description: 'Shown in the debrief and the score report.' }),
  version: SemVer.meta({ description: 'Version of this playbook; it is recorded in every score report.' }),
  summary: Text.meta({ description: 'One or two sentences on where the playbook comes from.' }),
  levelKind: z.enum(['priority', 'severity']).meta({ description: 'Whether levels are priorities (P1...) or severities (SEV1...).' }),
  levels: z.array(LevelSchema).min(1).meta({ description: 'Priority or severity levels, most severe first.' }),
  impacts: z.array(Named).optional().meta({ description: 'Impact choices for the priority matrix.' }),
  urgencies: z.array(Named).optional().meta({ description: 'Urgency choices for the priority matrix.' }),
  matrix: z
    .array(z.strictObject({ impact: Id, urgency: Id, level: LevelId }))
    .optional()
    .meta({ description: 'Impact x urgency priority matrix.' }),
  tiers: z.array(Named).optional().meta({ description: 'Service criticality tiers.' }),
  classifications: z.array(Named).min(1).meta({ description: 'Impact classifications, e.g. service disruption.' }),
  audiences: z.array(Named).min(1).meta({ description: 'Who the trainee can notify.' }),
  channels: z.array(Named).min(1).meta({ description: 'How the trainee can notify them.' }),
  escalations: z.array(Named).optional().meta({ description: 'Processes and roles the trainee can escalate to.' }),
  templates: z
    .array(
      z.strictObject({
        id: Id,
        audience: Id.meta({ description: 'The audience this template is for.' }),
        title: Text.meta({ description: 'Subject line; may hold {placeholders}.' }),
        text: Text.meta({ description: 'Message body; may hold {placeholders}.' }),
      }),
    )
    .optional()
    .meta({ description: 'Message templates; {placeholders} are filled from what is known.' }),
  rules: z.array(PlaybookRuleSchema).min(1).meta({ description: 'The rules trainees are graded against, each citing its source.' }),
  rubricTemplates: z
    .array(RubricTemplateSchema)
    .optional()
    .meta({ description: 'How this playbook grades its rules: rubric items scenarios instantiate with their own facts and times.' }),
});
export type Playbook = z.infer<typeof PlaybookSchema>;
