import { z } from 'zod';
import { ActionLogSchema, type ActionLog } from './actions/action.ts';
import { attemptDiagnosticText, consistencyDiagnostics, shapeDiagnostics, shapeOfWhole, type AttemptDiagnostic } from './attempt-diagnostics.ts';
import { ENGINE_VERSION } from './engine-version.ts';
import { SHA256_HEX } from './hash/content-hash.ts';
import { withContentHashes } from './hash/report-hashes.ts';
import { instantMs, isoInstant } from './iso-instant.ts';
import type { Playbook } from './playbook/schema.ts';
import type { ScoreReport } from './report/score-report.ts';
import { ScoreReportSchema } from './report/score-report-schema.ts';
import type { Scenario } from './scenario/schema.ts';
import { Id, SemVer } from './schema-primitives.ts';
import { isRecord } from './session/log-diagnostic.ts';

export { attemptDiagnosticText, type AttemptDiagnostic, type AttemptDiagnosticCode } from './attempt-diagnostics.ts';
export { isoInstant } from './iso-instant.ts';
export { regradeAttempt, type Regrade, type VersionLookup } from './attempt-regrade.ts';
export { versionLibrary, type VersionLibrary } from './version-library.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The last millisecond of 9999-12-31 in UTC: the latest instant a record can be written with. */
export const LATEST_INSTANT_MS = 253_402_300_799_999;

/** An instant that names a real time between 1970 and the end of 9999, so it can always be written back. */
const Instant = z.string().refine((text) => {
  const ms = instantMs(text);
  return ms !== undefined && ms >= 0 && ms <= LATEST_INSTANT_MS;
});

const ContentVersionSchema = z.object({ id: Id, version: SemVer, sha256: z.string().regex(SHA256_HEX, 'expected 64 lowercase hex digits') });

export const ATTEMPT_MODES = ['coach', 'exam'] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];

/** How often the trainee stopped the clock, and for how long in all (wall-clock ms). */
export const PauseTallySchema = z.object({ count: z.number().int().nonnegative(), totalMs: z.number().int().nonnegative() });
export type PauseTally = z.infer<typeof PauseTallySchema>;

/** Played in a classroom: the room's join code, and whether each trainee played or the class voted on one shared bridge. */
export const ClassroomTagSchema = z.object({ code: z.string().regex(/^[A-HJKMNP-Z2-9]{6}$/), mode: z.enum(['everyone', 'vote']) });
export type ClassroomTag = z.infer<typeof ClassroomTagSchema>;

/**
 * The attempt record (CONTRACTS.md §6): an action log wrapped with what it takes to regrade it exactly, years
 * later. Decisions the contract leaves open:
 * - `trainee` is required, with a non-empty `id`; a browser with nobody signed in records an id of its own
 *   choosing (such as "local"), so every record can be told apart by who made it.
 * - `finishedAt` is null (or absent) while the attempt is in progress, and so is `report`; a finished
 *   attempt must carry the report it was given then.
 * - `attemptId` is a UUID in lowercase, the form crypto.randomUUID() gives, so one attempt has one spelling.
 * - Fields this version does not know are accepted and dropped, at every level, so a newer writer's record
 *   still reads.
 * - `pauses` is optional, added later: an exam counts its pauses and the wall-clock time it stood paused. It is
 *   absent from coach attempts and from records written before it existed.
 * - `classroom` is optional, added with classrooms: the room an attempt was played in.
 */
export const AttemptRecordSchema = z.object({
  attemptId: z.string().regex(UUID),
  trainee: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }),
  scenario: ContentVersionSchema,
  playbook: ContentVersionSchema,
  engineVersion: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/, 'expected a version like "0.2.0"'),
  mode: z.enum(ATTEMPT_MODES),
  startedAt: Instant,
  finishedAt: Instant.nullable().default(null),
  log: ActionLogSchema,
  report: ScoreReportSchema.nullable().default(null),
  pauses: PauseTallySchema.optional(),
  classroom: ClassroomTagSchema.optional(),
});

export type AttemptRecord = z.infer<typeof AttemptRecordSchema>;

export type AttemptParse = { readonly ok: true; readonly attempt: AttemptRecord } | { readonly ok: false; readonly diagnostics: readonly AttemptDiagnostic[] };

const MAX_DIAGNOSTICS = 20;

/** Reads an attempt record from parsed JSON: its shape, then that its log and report are for its scenario and playbook. Never throws. */
export function parseAttempt(value: unknown): AttemptParse {
  if (!isRecord(value)) return rejected([shapeOfWhole(value)]);
  const parsed = AttemptRecordSchema.safeParse(value);
  if (!parsed.success) return rejected(shapeDiagnostics(parsed.error.issues, value));
  const inconsistencies = consistencyDiagnostics(parsed.data);
  return inconsistencies.length > 0 ? rejected(inconsistencies) : { ok: true, attempt: parsed.data };
}

export interface AttemptInput {
  readonly attemptId: string;
  readonly trainee: AttemptRecord['trainee'];
  /** `sha256` is contentSha256 of the file's parsed JSON, not of `value`. */
  readonly scenario: { readonly value: Scenario; readonly sha256: string };
  readonly playbook: { readonly value: Playbook; readonly sha256: string };
  readonly mode: AttemptMode;
  /** A Date or epoch milliseconds; the caller reads the clock. */
  readonly startedAt: Date | number;
  readonly finishedAt: Date | number | null;
  readonly log: ActionLog;
  readonly report: ScoreReport | null;
  /** Exam mode: the pauses so far. */
  readonly pauses?: PauseTally;
  readonly classroom?: ClassroomTag;
}

/**
 * Builds an attempt record, stamped with this engine's version and with the content hashes added to the
 * report. Pure: the caller supplies the id and the times. Throws only when given what no valid record could
 * hold (a malformed id, a log for another scenario), which is a bug in the caller.
 */
export function createAttempt(input: AttemptInput): AttemptRecord {
  const scenario = { id: input.scenario.value.id, version: input.scenario.value.version, sha256: input.scenario.sha256 };
  const playbook = { id: input.playbook.value.id, version: input.playbook.value.version, sha256: input.playbook.sha256 };
  const result = parseAttempt({
    attemptId: input.attemptId,
    trainee: input.trainee,
    scenario,
    playbook,
    engineVersion: ENGINE_VERSION,
    mode: input.mode,
    startedAt: isoInstant(epochMs(input.startedAt)),
    finishedAt: input.finishedAt === null ? null : isoInstant(epochMs(input.finishedAt)),
    log: input.log,
    report: input.report === null ? null : withContentHashes(input.report, { scenario: scenario.sha256, playbook: playbook.sha256 }),
    ...(input.pauses === undefined ? {} : { pauses: input.pauses }),
    ...(input.classroom === undefined ? {} : { classroom: input.classroom }),
  });
  if (!result.ok) throw new Error(`Not a valid attempt record: ${result.diagnostics.map(attemptDiagnosticText).join('; ')}`);
  return result.attempt;
}

function epochMs(time: Date | number): number {
  return typeof time === 'number' ? time : time.getTime();
}

function rejected(diagnostics: readonly AttemptDiagnostic[]): AttemptParse {
  return { ok: false, diagnostics: diagnostics.slice(0, MAX_DIAGNOSTICS) };
}
