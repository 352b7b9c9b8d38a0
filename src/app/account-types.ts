import { z } from 'zod';

/**
 * The shapes the results server answers with (its HTTP API), checked on the way in. Fields the app does not
 * use are dropped, so a newer server still reads.
 */

export const ROLES = ['admin', 'hr', 'instructor', 'trainee'] as const;
export type Role = (typeof ROLES)[number];

export const UserSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string().optional(),
});
export type User = z.infer<typeof UserSchema>;

export const CohortSchema = z.object({ id: z.string().min(1), name: z.string() });
export type Cohort = z.infer<typeof CohortSchema>;

export const MeSchema = z.object({ user: UserSchema, cohorts: z.array(CohortSchema).default([]) });
export type Me = z.infer<typeof MeSchema>;

export const UserAnswerSchema = z.object({ user: UserSchema });

export const SetupSchema = z.object({ kind: z.literal('setup') });

export const InviteSchema = z.object({
  kind: z.enum(['invite', 'reset']),
  email: z.string().nullable().default(null),
  /** The name the account has already, when an administrator created it. */
  name: z.string().nullable().default(null),
  cohort: CohortSchema.nullable().default(null),
});
export type Invite = z.infer<typeof InviteSchema>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ScenarioRefSchema = z.object({ id: z.string().min(1), version: z.string(), sha256: Sha256, title: z.string() });

export const AssignmentSchema = z.object({
  id: z.string().min(1),
  cohortId: z.string(),
  cohortName: z.string(),
  scenario: ScenarioRefSchema,
  dueAt: z.string().nullable().default(null),
  createdAt: z.string().optional(),
  done: z.boolean().default(false),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const PublishedScenarioSchema = z.object({
  id: z.string().min(1),
  version: z.string(),
  sha256: Sha256,
  title: z.string(),
  text: z.string(),
  playbook: z.object({ id: z.string().min(1), sha256: Sha256, text: z.string() }),
});
export type PublishedScenario = z.infer<typeof PublishedScenarioSchema>;

export const VersionTextSchema = z.object({ kind: z.enum(['scenario', 'playbook']), id: z.string().min(1), version: z.string(), sha256: Sha256, text: z.string() });
export type VersionText = z.infer<typeof VersionTextSchema>;

export const SessionSchema = z.object({ user: UserSchema.nullable().default(null) });

/** A cohort as an instructor sees it: with its member count, when the server says. */
export const CohortSummarySchema = CohortSchema.extend({ memberCount: z.number().int().nonnegative().optional(), createdAt: z.string().optional() });
export type CohortSummary = z.infer<typeof CohortSummarySchema>;

export const CohortDetailSchema = z.object({
  cohort: CohortSummarySchema,
  members: z.array(UserSchema).default([]),
  assignments: z.array(AssignmentSchema).default([]),
});
export type CohortDetail = z.infer<typeof CohortDetailSchema>;

/**
 * One address of an invitation: its one-time link, `added` when it was a trainee's account already and joined at
 * once, or `refused` (why) when it belongs to a staff account, which never joins a cohort.
 */
export const InviteOutcomeSchema = z.object({ email: z.string(), link: z.string().optional(), added: z.boolean().optional(), refused: z.string().optional() });
export type InviteOutcome = z.infer<typeof InviteOutcomeSchema>;

/** A stored scenario (or playbook) version, bundled or published. */
export const ScenarioVersionSchema = z.object({ id: z.string().min(1), version: z.string(), sha256: Sha256, title: z.string() });
export type ScenarioVersion = z.infer<typeof ScenarioVersionSchema>;

/** A problem the server found in a scenario file, as `bridge-drill check` reports it. */
export const ServerDiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']).default('error'),
  code: z.string(),
  message: z.string(),
  line: z.number().int().default(1),
  column: z.number().int().default(1),
});
export type ServerDiagnostic = z.infer<typeof ServerDiagnosticSchema>;

export const PublishAnswerSchema = z.object({ scenario: ScenarioVersionSchema, playbook: ScenarioVersionSchema, warnings: z.array(ServerDiagnosticSchema).default([]) });
export type PublishAnswer = z.infer<typeof PublishAnswerSchema>;
