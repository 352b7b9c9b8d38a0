import type { ColumnType, Generated } from 'kysely';
import type { Role } from './store.ts';

/** The tables as Kysely sees them; migrations.ts creates them. */

/** A timestamptz: read as a Date (the drivers parse it), written as a Date or an ISO text. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A `json` column: the driver parses it; written as JSON text. */
type JsonText<T> = ColumnType<T, string, string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: CreatedAt;
}

export interface AuthSessionsTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export interface OneTimeTokensTable {
  token_hash: string;
  kind: 'setup' | 'invite' | 'reset';
  email: string | null;
  role: Role;
  cohort_id: string | null;
  user_id: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface CohortsTable {
  id: Generated<string>;
  name: string;
  instructor_id: string;
  created_at: CreatedAt;
}

export interface CohortMembersTable {
  cohort_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface ContentVersionsTable {
  kind: 'scenario' | 'playbook';
  sha256: string;
  id: string;
  version: string;
  text: string;
  created_at: CreatedAt;
}

export interface PublishedScenariosTable {
  cohort_id: string;
  scenario_sha256: string;
  created_at: CreatedAt;
}

export interface AssignmentsTable {
  id: Generated<string>;
  cohort_id: string;
  scenario_sha256: string;
  due_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AttemptsTable {
  attempt_id: string;
  user_id: string | null;
  trainee_id: string;
  scenario_id: string;
  scenario_sha256: string;
  playbook_id: string;
  playbook_sha256: string;
  mode: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  percent: number;
  passed: boolean;
  /** The whole attempt record, exactly as it was stored. */
  record: JsonText<unknown>;
  /** `AttemptSummary`; null for attempts stored before summaries were kept. */
  summary: JsonText<unknown> | null;
  classroom_code: string | null;
  /** The report's percent per competency; null where it graded none of it. */
  competency_priority: number | null;
  competency_notification: number | null;
  competency_bridge_control: number | null;
  competency_escalation: number | null;
  competency_can_report: number | null;
  /** Each finding's id and whether it was met: `[{ "i": id, "m": met }]`. */
  findings: JsonText<unknown> | null;
  created_at: CreatedAt;
}

export interface RegradeJobsTable {
  id: Generated<string>;
  scenario_id: string;
  scenario_version: string;
  scenario_sha256: string;
  playbook_sha256: string;
  requested_by: string | null;
  state: ColumnType<'running' | 'finished', 'running' | 'finished' | undefined, 'running' | 'finished'>;
  total: number;
  done: ColumnType<number, number | undefined, number>;
  failed: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface RegradesTable {
  attempt_id: string;
  scenario_sha256: string;
  playbook_sha256: string;
  scenario_version: string;
  engine_version: string;
  percent: number | null;
  passed: boolean | null;
  report: JsonText<unknown> | null;
  problem: string | null;
  job_id: string | null;
  created_at: CreatedAt;
}

/** A finding's words, once per scenario version, for the item analysis. */
export interface FindingTextsTable {
  scenario_sha256: string;
  finding_id: string;
  scenario_id: string;
  title: string;
  rule: string;
  competency: string;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  actor: string;
  action: string;
  detail: JsonText<unknown>;
}

export interface DraftsTable {
  attempt_id: string;
  user_id: string;
  record: JsonText<unknown>;
  action_count: number;
  updated_at: Timestamp;
}

export interface ClassroomsTable {
  code: string;
  host_key_hash: string;
  created_by: string | null;
  scenario_sha256: string;
  playbook_sha256: string;
  mode: 'everyone' | 'vote';
  exam: boolean;
  anonymous: boolean;
  late_join: boolean;
  phase: Generated<'lobby' | 'running' | 'paused' | 'ended'>;
  clock_ms: Generated<number>;
  speed: Generated<number>;
  locked: Generated<boolean>;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ClassroomSeatsTable {
  id: Generated<string>;
  code: string;
  token_hash: string;
  name: string;
  user_id: string | null;
  attempt_id: string;
  removed: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ClassroomActionsTable {
  code: string;
  lane: string;
  index: number;
  action: JsonText<unknown>;
  created_at: CreatedAt;
}

export interface ClassroomVotesTable {
  code: string;
  ballot: string;
  seat_id: string;
  choice: string;
  updated_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: JsonText<unknown>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type XapiOutboxState = 'queued' | 'sent' | 'failed';

export interface XapiOutboxTable {
  attempt_id: string;
  state: Generated<XapiOutboxState>;
  tries: Generated<number>;
  next_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  last_error_at: Timestamp | null;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  one_time_tokens: OneTimeTokensTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  content_versions: ContentVersionsTable;
  published_scenarios: PublishedScenariosTable;
  assignments: AssignmentsTable;
  attempts: AttemptsTable;
  drafts: DraftsTable;
  classrooms: ClassroomsTable;
  classroom_seats: ClassroomSeatsTable;
  classroom_actions: ClassroomActionsTable;
  classroom_votes: ClassroomVotesTable;
  audit_log: AuditLogTable;
  finding_texts: FindingTextsTable;
  regrade_jobs: RegradeJobsTable;
  regrades: RegradesTable;
  settings: SettingsTable;
  xapi_outbox: XapiOutboxTable;
}
