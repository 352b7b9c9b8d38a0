import type { Action } from '../../core/actions/action.ts';
import type { AttemptRecord } from '../../core/attempt.ts';
import type { AttemptRow, AttemptSummary } from '../../core/report/attempt-summary.ts';
import type { MissedFinding, ScenarioPassRate } from '../../core/report/results-types.ts';
import type { EraseOutcome } from './privacy.ts';
import type { NewRegrade, RegradeJob, RegradeTarget, StoredRegrade } from './regrades.ts';
import type { TraineeTotals } from '../../core/report/trainee-totals.ts';
import type { Competency } from '../../core/schema-primitives.ts';
import type { XapiStore } from './xapi-outbox.ts';

/** What the server keeps, behind one interface whether the database is embedded (PGlite) or PostgreSQL. */

export const ROLES = ['admin', 'hr', 'instructor', 'trainee'] as const;
export type Role = (typeof ROLES)[number];

export type DatabaseKind = 'pglite' | 'postgres';

export interface User {
  readonly id: string;
  /** Lowercased and trimmed; unique. */
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface Cohort {
  readonly id: string;
  readonly name: string;
  readonly instructorId: string;
  readonly createdAt: string;
  readonly memberCount: number;
}

/** A one-time link: the first admin's setup, a trainee's invitation to a cohort, or a password reset. */
export interface OneTimeToken {
  readonly kind: 'setup' | 'invite' | 'reset';
  readonly email: string | null;
  readonly role: Role;
  readonly cohortId: string | null;
  /** For a reset: whose password it sets. */
  readonly userId: string | null;
  readonly expiresAt: string;
}

export interface StoredVersion {
  readonly kind: 'scenario' | 'playbook';
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
  /** The file's text as it was loaded, so it loads again with the same diagnostics and hash. */
  readonly text: string;
}

export interface Assignment {
  readonly id: string;
  readonly cohortId: string;
  readonly cohortName: string;
  readonly scenario: { readonly id: string; readonly version: string; readonly sha256: string; readonly title: string };
  readonly dueAt: string | null;
  readonly createdAt: string;
}

export interface AttemptFilter {
  readonly scenario?: string;
  /** A user id. */
  readonly trainee?: string;
  readonly cohort?: string;
  /** ISO instants, inclusive, on finishedAt. */
  readonly from?: string;
  readonly to?: string;
  readonly passed?: boolean;
  /** Solo or in a classroom; or coach or exam. */
  readonly mode?: AttemptSetting;
  /** Only attempts by members of cohorts this instructor owns. */
  readonly visibleToInstructor?: string;
}

export const ATTEMPT_SETTINGS = ['solo', 'classroom', 'coach', 'exam'] as const;
export type AttemptSetting = (typeof ATTEMPT_SETTINGS)[number];

export interface AttemptPage {
  readonly attempts: readonly AttemptRecord[];
  /** Opaque; pass back as `after` for the next, older page. Null when this is the last page. */
  readonly next: string | null;
}

export const ATTEMPT_SORTS = ['finished', 'grade', 'trainee', 'scenario'] as const;
export type AttemptSort = (typeof ATTEMPT_SORTS)[number];

export interface AttemptsTableQuery {
  readonly sort: AttemptSort;
  readonly order: 'asc' | 'desc';
  /** From 1. */
  readonly page: number;
  readonly pageSize: number;
}

export interface AttemptsTablePage {
  /** How many attempts the filter matches in all. */
  readonly total: number;
  readonly attempts: readonly AttemptRow[];
}

export interface ResultsOverview {
  /** Each trainee's attempts summed up, by name: the rows of a cohort's heat map. */
  readonly trainees: readonly TraineeTotals[];
  readonly scenarios: readonly ScenarioPassRate[];
  /** The mean percent per competency over every attempt that graded it. */
  readonly competencies: Partial<Record<Competency, number>>;
}

export interface MissedFindings {
  /** How many attempts the filter matches. */
  readonly basedOn: number;
  /** Most missed first. */
  readonly findings: readonly MissedFinding[];
}

export interface ImportResult {
  readonly created: number;
  readonly existed: number;
}

export interface NewClassroom {
  readonly code: string;
  readonly hostKeyHash: string;
  readonly createdBy: string | null;
  readonly scenarioSha256: string;
  readonly playbookSha256: string;
  readonly mode: 'everyone' | 'vote';
  readonly exam: boolean;
  readonly anonymous: boolean;
  readonly lateJoin: boolean;
}

export type ClassroomPhase = 'lobby' | 'running' | 'paused' | 'ended';

export interface ClassroomRow extends NewClassroom {
  readonly phase: ClassroomPhase;
  /** Scenario ms the room's clock stands at. */
  readonly clockMs: number;
  readonly speed: number;
  readonly locked: boolean;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
}

export interface ClassroomUpdate {
  readonly phase?: ClassroomPhase;
  readonly clockMs?: number;
  readonly speed?: number;
  readonly locked?: boolean;
  readonly startedAt?: string;
  readonly endedAt?: string;
}

export interface ClassroomSeat {
  readonly id: string;
  readonly name: string;
  readonly userId: string | null;
  /** The attempt the seat's play is stored as at the end. */
  readonly attemptId: string;
  readonly removed: boolean;
  readonly tokenHash: string;
}

/** A classroom's room state, so a room survives a restart of the server: settings, clock, seats, actions, votes. */
export interface ClassroomStore {
  /** Throws `StoreConflict` when the code is taken. */
  createClassroom(input: NewClassroom): Promise<void>;
  findClassroom(code: string): Promise<ClassroomRow | undefined>;
  /** Codes of classrooms that have not ended, oldest first. */
  openClassrooms(): Promise<readonly string[]>;
  updateClassroom(code: string, update: ClassroomUpdate): Promise<void>;
  createSeat(input: { code: string; tokenHash: string; name: string; userId: string | null; attemptId: string }): Promise<ClassroomSeat>;
  listSeats(code: string): Promise<readonly ClassroomSeat[]>;
  updateSeat(seatId: string, update: { name?: string; removed?: boolean }): Promise<void>;
  /** Action `index` of a lane (a seat id, or 'class'); writing the same action again is a no-op. */
  appendClassroomAction(code: string, lane: string, index: number, action: Action): Promise<void>;
  listClassroomActions(code: string): Promise<ReadonlyMap<string, readonly Action[]>>;
  putVote(code: string, ballot: string, seatId: string, choice: string): Promise<void>;
  listVotes(code: string): Promise<readonly { readonly ballot: string; readonly seatId: string; readonly choice: string }[]>;
}

/** Every method runs in one transaction when it writes. Timestamps are ISO 8601 UTC strings. */
export interface ResultsStore extends ClassroomStore, XapiStore {
  readonly kind: DatabaseKind;
  /** Whether the database answers a trivial query now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * Brings the planner's statistics and the visibility map up to date (VACUUM ANALYZE), after a bulk load: the
   * embedded database has no background vacuum, and without it every heat map and count reads every record.
   */
  tidy(): Promise<void>;

  // Users and sign-in.
  countUsers(role?: Role): Promise<number>;
  /** Throws `StoreConflict` when the email is taken. `passwordHash` null: cannot sign in until a reset or invite sets one. */
  createUser(input: { email: string; name: string; role: Role; passwordHash: string | null }): Promise<User>;
  findUserByEmail(email: string): Promise<(User & { readonly passwordHash: string | null }) | undefined>;
  findUser(id: string): Promise<User | undefined>;
  listUsers(): Promise<readonly User[]>;
  /** Sets the hash and ends every sign-in session of that user. */
  setPassword(userId: string, passwordHash: string): Promise<void>;

  /** Stores the sha256 of an opaque session token. */
  createAuthSession(input: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  /** The user of a live (unexpired) session; undefined when unknown or expired. */
  findAuthSession(tokenHash: string): Promise<User | undefined>;
  deleteAuthSession(tokenHash: string): Promise<void>;

  createToken(input: { tokenHash: string } & OneTimeToken): Promise<void>;
  /** The token when it is unused and unexpired. */
  findToken(tokenHash: string): Promise<OneTimeToken | undefined>;
  /** Marks it used; false when it was already used or expired (another request won). */
  useToken(tokenHash: string): Promise<boolean>;

  // Cohorts, invitations, assignments.
  createCohort(input: { name: string; instructorId: string }): Promise<Cohort>;
  /** Admin and HR see all; an instructor their own; a trainee the cohorts they belong to. */
  listCohorts(user: User): Promise<readonly Cohort[]>;
  findCohort(id: string): Promise<Cohort | undefined>;
  addMember(cohortId: string, userId: string): Promise<void>;
  listMembers(cohortId: string): Promise<readonly User[]>;
  isMember(cohortId: string, userId: string): Promise<boolean>;
  createAssignment(input: { cohortId: string; scenarioSha256: string; dueAt: string | null }): Promise<Assignment>;
  /** A trainee's assignments across their cohorts, soonest due first (no due date last). */
  assignmentsFor(userId: string): Promise<readonly Assignment[]>;
  assignmentsOfCohort(cohortId: string): Promise<readonly Assignment[]>;

  // Scenario and playbook versions, by content hash.
  /** Idempotent on (kind, sha256). */
  putVersion(version: StoredVersion): Promise<void>;
  getVersion(kind: StoredVersion['kind'], sha256: string): Promise<StoredVersion | undefined>;
  listVersions(kind: StoredVersion['kind']): Promise<readonly StoredVersion[]>;
  /** Publishes a stored scenario version to a cohort; idempotent. */
  publishScenario(cohortId: string, scenarioSha256: string): Promise<void>;
  /** Scenario versions published to any cohort the user belongs to or owns. */
  publishedFor(userId: string): Promise<readonly StoredVersion[]>;

  // Attempts.
  /**
   * Stores a finished attempt once per attemptId, for the given user. 'existed' when that attemptId is stored
   * already (whoever stored it), with the stored record. Also removes that user's draft with the same id.
   */
  putAttempt(userId: string | null, attempt: AttemptRecord): Promise<{ readonly stored: 'created' | 'existed'; readonly attempt: AttemptRecord }>;
  getAttempt(attemptId: string): Promise<{ readonly userId: string | null; readonly attempt: AttemptRecord } | undefined>;
  /** Newest first by finishedAt, then attemptId; `limit` at most 500. */
  listAttempts(filter: AttemptFilter, page: { readonly limit: number; readonly after?: string }): Promise<AttemptPage>;
  /** The summaries of the attempts a filter matches, newest first, in batches, for the HR exports. */
  streamSummaries(filter: AttemptFilter, batchSize: number): AsyncIterable<readonly AttemptSummary[]>;
  /** A page of the results area's attempts table, sorted and paged by the database. */
  attemptsTable(filter: AttemptFilter, query: AttemptsTableQuery): Promise<AttemptsTablePage>;
  /** Each trainee, each scenario and each competency summed up over the attempts a filter matches. */
  resultsOverview(filter: AttemptFilter): Promise<ResultsOverview>;
  /** The findings most often missed by the attempts a filter matches, at most `limit` of them. */
  missedFindings(filter: AttemptFilter, limit: number): Promise<MissedFindings>;
  /** Deletes a trainee's account and everything kept about them (see privacy.ts); refuses other roles. */
  eraseTrainee(userId: string): Promise<EraseOutcome>;
  /** The retention sweep: deletes the attempts that finished before `cutoff`; returns how many. */
  deleteAttemptsFinishedBefore(cutoff: Date): Promise<number>;
  // Regrading to a new version of a scenario (regrades.ts).
  createRegradeJob(target: RegradeTarget, requestedBy: string | null): Promise<RegradeJob>;
  findRegradeJob(id: string): Promise<RegradeJob | undefined>;
  listRegradeJobs(state?: RegradeJob['state']): Promise<readonly RegradeJob[]>;
  nextToRegrade(target: RegradeTarget, limit: number): Promise<readonly AttemptRecord[]>;
  putRegrades(job: RegradeJob, regrades: readonly NewRegrade[]): Promise<void>;
  finishRegradeJob(id: string): Promise<void>;
  regradesOf(attemptId: string): Promise<readonly StoredRegrade[]>;
  /** Every attempt, oldest first, in batches, for export. */
  streamAttempts(batchSize: number): AsyncIterable<readonly AttemptRecord[]>;
  /** Many attempts in one transaction per batch; idempotent by attemptId. Users are matched by trainee.id when it is a user id, otherwise stored with no user. */
  importAttempts(attempts: readonly AttemptRecord[]): Promise<ImportResult>;

  // The audit log.
  recordAudit(entry: NewAuditEntry): Promise<void>;
  /** Newest first, at most 1,000. */
  listAudit(limit: number): Promise<readonly AuditEntry[]>;

  // In-progress attempts, so a trainee can carry on on another device.
  /** Keeps the draft unless a stored one for that attemptId has more actions; returns the one kept. */
  putDraft(userId: string, attempt: AttemptRecord): Promise<{ readonly kept: 'stored' | 'newer-exists'; readonly attempt: AttemptRecord }>;
  listDrafts(userId: string): Promise<readonly AttemptRecord[]>;
  deleteDraft(userId: string, attemptId: string): Promise<void>;
}

export interface NewAuditEntry {
  /** The signed-in user, or null for the command line. */
  readonly actorId: string | null;
  /** Their e-mail, or "command line": kept as written, even once the user is deleted. */
  readonly actor: string;
  /** For instance `export.csv`. */
  readonly action: string;
  /** What was asked for: the filter as the user gave it. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AuditEntry extends NewAuditEntry {
  readonly at: string;
}

/** A write that conflicts with what is stored (a taken email, say): the API answers 409. */
export class StoreConflict extends Error {
  override readonly name = 'StoreConflict';
}

/** The database cannot be reached or refused to work: the API answers 503. */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
}

/** A value the database cannot hold (a NUL character in a name) or a page cursor this store did not make: the API answers 400. */
export class StoreInvalidInput extends Error {
  override readonly name = 'StoreInvalidInput';
}
