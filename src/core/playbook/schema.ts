import { z } from 'zod';
import { Competency, Id, LevelId, SemVer } from '../schema-primitives.ts';

export const PLAYBOOK_SCHEMA_VERSION = 1;

const Text = z.string().min(1);
const Named = z.strictObject({ id: Id, name: Text, description: z.string().optional() });

export const CitationSchema = z
  .strictObject({
    source: Text.meta({ description: 'Title of the source doc.' }),
    section: Text.meta({ description: 'The section of the source the rule comes from.' }),
    quote: Text.meta({ description: 'The words of the source the rule rests on, quoted exactly.' }),
  })
  .meta({ description: 'Where a rule comes from.' });

export const PlaybookRuleSchema = z.strictObject({
  id: Id,
  section: Text.meta({ description: 'Section of this playbook, shown in references: "itil-major-incident §Communication".', examples: ['Communication'] }),
  title: Text,
  text: Text.meta({ description: 'The rule, in the words shown to trainees.' }),
  competency: Competency.optional(),
  cites: CitationSchema,
});
export type PlaybookRule = z.infer<typeof PlaybookRuleSchema>;

export const LevelSchema = z.strictObject({
  id: LevelId,
  name: Text,
  description: Text,
  rank: z.number().int().positive().meta({ description: '1 is the most severe.' }),
  major: z.boolean().optional().meta({ description: 'Whether this level is handled as a major incident.' }),
  updateEveryMinutes: z.number().positive().optional().meta({ description: 'Stakeholder update cadence at this level.' }),
  respond: z.string().optional().meta({ description: 'The response this level calls for.' }),
});
export type Level = z.infer<typeof LevelSchema>;

export const PlaybookSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(PLAYBOOK_SCHEMA_VERSION),
  id: Id,
  title: Text,
  version: SemVer,
  summary: Text,
  levelKind: z.enum(['priority', 'severity']),
  levels: z.array(LevelSchema).min(1),
  impacts: z.array(Named).optional(),
  urgencies: z.array(Named).optional(),
  matrix: z
    .array(z.strictObject({ impact: Id, urgency: Id, level: LevelId }))
    .optional()
    .meta({ description: 'Impact x urgency priority matrix.' }),
  tiers: z.array(Named).optional().meta({ description: 'Service criticality tiers.' }),
  classifications: z.array(Named).min(1),
  audiences: z.array(Named).min(1),
  channels: z.array(Named).min(1),
  escalations: z.array(Named).optional().meta({ description: 'Processes and roles the trainee can escalate to.' }),
  templates: z
    .array(z.strictObject({ id: Id, audience: Id, title: Text, text: Text }))
    .optional()
    .meta({ description: 'Message templates; {placeholders} are filled from what is known.' }),
  rules: z.array(PlaybookRuleSchema).min(1),
});
export type Playbook = z.infer<typeof PlaybookSchema>;
