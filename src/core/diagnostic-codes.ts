import type { Severity } from './diagnostics.ts';

/** The headings the reference in scenarios/README.md groups codes under, in the order it prints them. */
export const DIAGNOSTIC_GROUPS = {
  file: 'Reading the file',
  reference: 'References',
  lint: "Lint: the story's logic and playability",
  log: 'Action logs',
  attempt: 'Attempt records',
  classroom: 'Classrooms',
} as const;

export type DiagnosticGroup = keyof typeof DIAGNOSTIC_GROUPS;

export interface DiagnosticCodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly group: DiagnosticGroup;
  /** One line for instructors: scenarios/README.md prints it verbatim in its diagnostics reference. */
  readonly summary: string;
}

/**
 * Every diagnostic code the project reports, for scenarios, playbooks and action logs alike.
 * `E_` codes are errors (the file cannot be used), `W_` codes warnings.
 */
export const DIAGNOSTIC_CODES = [
  { code: 'E_READ', severity: 'error', group: 'file', summary: 'the file cannot be read' },
  { code: 'E_TOO_LARGE', severity: 'error', group: 'file', summary: 'over 2 MB' },
  { code: 'E_ENCODING', severity: 'error', group: 'file', summary: 'not UTF-8: a UTF-16 file, or a byte that is not valid UTF-8' },
  { code: 'E_TOO_DEEP', severity: 'error', group: 'file', summary: 'nested more than 64 levels' },
  { code: 'E_SYNTAX', severity: 'error', group: 'file', summary: 'not valid JSON (comments, trailing commas, missing quotes…), or an empty file' },
  { code: 'E_DUPLICATE_KEY', severity: 'error', group: 'file', summary: 'a key appears twice in one object' },
  {
    code: 'E_SCHEMA',
    severity: 'error',
    group: 'file',
    summary: 'breaks the format: a missing or unknown field (with "did you mean"), a wrong type, a bad id, time or duration',
  },

  { code: 'E_UNKNOWN_PLAYBOOK', severity: 'error', group: 'reference', summary: 'no playbook with that id, beside the file or bundled' },
  { code: 'E_UNKNOWN_PARTICIPANT', severity: 'error', group: 'reference', summary: 'not in the cast' },
  { code: 'E_UNKNOWN_BRIDGE', severity: 'error', group: 'reference', summary: 'not in the bridges' },
  { code: 'E_UNKNOWN_VARIABLE', severity: 'error', group: 'reference', summary: 'not in the variables' },
  { code: 'E_UNKNOWN_BEAT', severity: 'error', group: 'reference', summary: 'not in the timeline' },
  { code: 'E_UNKNOWN_EVENT', severity: 'error', group: 'reference', summary: '`fired` names no beat, reaction, branch or decision choice, or `cancel-effects` names no reaction, branch or decision' },
  { code: 'E_UNKNOWN_DECISION', severity: 'error', group: 'reference', summary: 'no decision with that id' },
  { code: 'E_UNKNOWN_CHOICE', severity: 'error', group: 'reference', summary: 'the decision has no option with that id' },
  { code: 'E_UNKNOWN_TARGET', severity: 'error', group: 'reference', summary: 'a phase transition goes to no phase or ending' },
  { code: 'E_UNKNOWN_LEVEL', severity: 'error', group: 'reference', summary: 'not a priority or severity level of the playbook' },
  { code: 'E_UNKNOWN_CLASSIFICATION', severity: 'error', group: 'reference', summary: 'not an impact classification of the playbook' },
  { code: 'E_UNKNOWN_AUDIENCE', severity: 'error', group: 'reference', summary: 'not an audience of the playbook' },
  { code: 'E_UNKNOWN_CHANNEL', severity: 'error', group: 'reference', summary: 'not a channel of the playbook' },
  {
    code: 'E_UNKNOWN_ESCALATION',
    severity: 'error',
    group: 'reference',
    summary: 'not an escalation of the playbook, nor a participant (a hand-off may also name a team of the cast)',
  },
  { code: 'E_UNKNOWN_RULE', severity: 'error', group: 'reference', summary: 'not a rule of the playbook' },
  { code: 'E_UNKNOWN_TEMPLATE', severity: 'error', group: 'reference', summary: 'a rubric item uses a rubric template the playbook does not have' },
  { code: 'E_TEMPLATE', severity: 'error', group: 'reference', summary: 'a rubric template cannot be filled in: a missing parameter, a pair not in the priority matrix, or a result that breaks the format' },
  {
    code: 'E_DUPLICATE_ID',
    severity: 'error',
    group: 'reference',
    summary: 'two items share an id (phases and endings share one namespace; beats, reactions, branches and decisions another)',
  },
  { code: 'E_MISSING_CAN_RUBRIC', severity: 'error', group: 'reference', summary: 'a `can-report` item without a `can` rubric' },
  { code: 'E_NO_DEFAULT_ENDING', severity: 'error', group: 'reference', summary: 'every ending has a `when`' },
  {
    code: 'E_UNKNOWN_REFERENCE',
    severity: 'error',
    group: 'reference',
    summary: 'in a playbook: the matrix or a template names an unknown impact, urgency, level or audience',
  },

  { code: 'E_OUTSIDE_WINDOW', severity: 'error', group: 'lint', summary: 'a beat or a `by` time outside the clock window' },
  { code: 'E_MODEL_ANSWER_LOG', severity: 'error', group: 'lint', summary: 'a model answer step that does not replay on the scenario (an unknown id, out of order or outside the clock)' },
  {
    code: 'E_IMPOSSIBLE_EXPECTATION',
    severity: 'error',
    group: 'lint',
    summary: 'an expectation whose condition can never hold, or that is due before its trigger can happen',
  },
  { code: 'E_PHASE_LOOP', severity: 'error', group: 'lint', summary: 'phases whose transitions could switch back and forth forever in one instant' },
  { code: 'E_EMPTY_WINDOW', severity: 'error', group: 'lint', summary: 'the clock window starts and ends at the same time, so the exercise lasts no time' },
  { code: 'E_MATCHER_FIELD', severity: 'error', group: 'lint', summary: 'an action matcher tests a field that none of its action types has (`participant` on `escalate`), so it never matches' },
  { code: 'E_CADENCE_NOT_DID', severity: 'error', group: 'lint', summary: 'a cadence whose `expect` is not a `did` condition, so no update is ever counted' },
  { code: 'W_UNREACHABLE_BEAT', severity: 'warning', group: 'lint', summary: 'a beat whose condition can never hold at its time' },
  { code: 'W_MODEL_ANSWER_FAILS', severity: 'warning', group: 'lint', summary: 'a model answer that does not pass its own rubric' },
  { code: 'W_NOISE_COMPLAINT_UNGUARDED', severity: 'warning', group: 'lint', summary: 'a line complaining about noise that does not depend on the noise still being heard' },
  { code: 'W_UNREACHABLE_BRANCH', severity: 'warning', group: 'lint', summary: 'a branch whose condition can never hold' },
  { code: 'W_UNREACHABLE_REACTION', severity: 'warning', group: 'lint', summary: 'a reaction whose condition can never hold' },
  { code: 'W_UNREACHABLE_DECISION', severity: 'warning', group: 'lint', summary: 'a decision whose condition can never hold, so it is never offered' },
  { code: 'W_UNREACHABLE_PHASE', severity: 'warning', group: 'lint', summary: 'no chain of transitions leads to the phase' },
  {
    code: 'W_UNREACHABLE_ENDING',
    severity: 'warning',
    group: 'lint',
    summary: 'no transition or clock-end condition can reach it (for example, it comes after the default ending)',
  },
  { code: 'W_DEAD_END', severity: 'warning', group: 'lint', summary: "none of a phase's transitions can ever be taken" },
  {
    code: 'W_TRAP_CYCLE',
    severity: 'warning',
    group: 'lint',
    summary: 'a group of phases that only lead to each other, so the run is stuck there until the clock runs out',
  },
  { code: 'W_NEVER_TRIGGERED', severity: 'warning', group: 'lint', summary: 'a rubric item whose trigger can never hold' },
  { code: 'W_CADENCE_TOO_LONG', severity: 'warning', group: 'lint', summary: 'a cadence period longer than the whole exercise' },
  { code: 'W_GIVES_ANSWER', severity: 'warning', group: 'lint', summary: 'an objective, the briefing, the summary or a phase title names the value a rubric item expects (teach the competency, not the answer)' },
  {
    code: 'W_CAPTION_TOO_LONG',
    severity: 'warning',
    group: 'lint',
    summary: 'a line too long to read: over 40 words, or more words than can be read (3 a second) before the next line on its bridge',
  },
  { code: 'W_VARIABLE_NEVER_READ', severity: 'warning', group: 'lint', summary: 'a beat, reaction, branch or decision option only sets variables no condition reads, and nothing tests it by id, so it does nothing' },
  { code: 'W_JOIN_NO_EFFECT', severity: 'warning', group: 'lint', summary: 'a `join` for someone certainly on a bridge already (present from the start, or brought in by an earlier unconditional beat) with no leave before it: it does nothing, since a join never moves anyone' },
  { code: 'W_MISSING_VOICE_CLIP', severity: 'warning', group: 'lint', summary: 'a spoken line has no voice clip yet: run `npm run audio`' },
  { code: 'W_ANALYSIS_LIMIT', severity: 'warning', group: 'lint', summary: 'an analysis reached the step limit for a file of this size and stopped; what it had not checked yet is not reported. For "did you mean" suggestions, also past 50 different unknown names of one kind: each unknown name is still reported, without one' },

  { code: 'E_LOG_SHAPE', severity: 'error', group: 'log', summary: 'the log is not a JSON object, has no `actions` list, or an action is not an object' },
  { code: 'E_LOG_TOO_MANY_ACTIONS', severity: 'error', group: 'log', summary: 'more than 2,000 actions' },
  { code: 'E_LOG_WRONG_SCENARIO', severity: 'error', group: 'log', summary: 'the log was played on another scenario' },
  { code: 'E_LOG_WRONG_PLAYBOOK', severity: 'error', group: 'log', summary: 'the log was played with another playbook than the one given' },
  { code: 'E_LOG_MISSING_FIELD', severity: 'error', group: 'log', summary: "a required field is missing: the log's `scenario`, or an action's `at`, `type` or a field its type needs" },
  { code: 'E_LOG_BAD_FIELD', severity: 'error', group: 'log', summary: 'a field of the wrong type or form: a time not written `HH:MM:SS`, a bad id, text where a number belongs…' },
  { code: 'E_LOG_UNKNOWN_TYPE', severity: 'error', group: 'log', summary: 'an action `type` that is not one of the trainee actions' },
  { code: 'E_LOG_OUT_OF_ORDER', severity: 'error', group: 'log', summary: 'an action comes before the time of the action above it' },
  { code: 'E_LOG_OUTSIDE_WINDOW', severity: 'error', group: 'log', summary: "an action's time is outside the scenario's clock window" },
  { code: 'E_LOG_UNKNOWN_PARTICIPANT', severity: 'error', group: 'log', summary: "an action names someone not in the scenario's cast" },
  { code: 'E_LOG_UNKNOWN_BRIDGE', severity: 'error', group: 'log', summary: "`open-bridge` names a bridge not in the scenario's bridges" },
  { code: 'E_LOG_UNKNOWN_LEVEL', severity: 'error', group: 'log', summary: "`set-priority` names a level not in the playbook" },
  { code: 'E_LOG_UNKNOWN_IMPACT', severity: 'error', group: 'log', summary: "`set-priority` names an impact not in the playbook's matrix" },
  { code: 'E_LOG_UNKNOWN_URGENCY', severity: 'error', group: 'log', summary: "`set-priority` names an urgency not in the playbook's matrix" },
  { code: 'E_LOG_UNKNOWN_CLASSIFICATION', severity: 'error', group: 'log', summary: '`classify` names a classification not in the playbook' },
  { code: 'E_LOG_UNKNOWN_AUDIENCE', severity: 'error', group: 'log', summary: '`notify` names an audience not in the playbook' },
  { code: 'E_LOG_UNKNOWN_CHANNEL', severity: 'error', group: 'log', summary: '`notify` names a channel not in the playbook' },
  { code: 'E_LOG_UNKNOWN_ESCALATION', severity: 'error', group: 'log', summary: '`escalate` names neither an escalation of the playbook nor a participant' },
  { code: 'E_LOG_UNKNOWN_DECISION', severity: 'error', group: 'log', summary: '`decide` names a decision the scenario does not have' },
  { code: 'E_LOG_UNKNOWN_CHOICE', severity: 'error', group: 'log', summary: '`decide` names an option the decision does not have' },
  { code: 'E_SESSION_ENDED', severity: 'error', group: 'log', summary: 'a live session refuses an action because the exercise has already reached its ending' },

  { code: 'E_ATTEMPT_SHAPE', severity: 'error', group: 'attempt', summary: 'the attempt record is not a JSON object' },
  { code: 'E_ATTEMPT_MISSING_FIELD', severity: 'error', group: 'attempt', summary: 'a required field is missing: `attemptId`, `trainee.id`, a scenario or playbook `id`, `version` or `sha256`, `engineVersion`, `mode`, `startedAt` or `log`' },
  { code: 'E_ATTEMPT_BAD_FIELD', severity: 'error', group: 'attempt', summary: 'a field of the wrong type or form: a bad id or version, a sha256 that is not 64 lowercase hex digits, a mode other than coach or exam' },
  { code: 'E_ATTEMPT_BAD_ID', severity: 'error', group: 'attempt', summary: '`attemptId` is not a UUID written in lowercase' },
  { code: 'E_ATTEMPT_BAD_INSTANT', severity: 'error', group: 'attempt', summary: '`startedAt` or `finishedAt` is not an ISO 8601 date and time with its time zone, or the attempt finished before it started' },
  { code: 'E_ATTEMPT_BAD_REPORT', severity: 'error', group: 'attempt', summary: 'the stored report is not a score report, or a finished attempt has none' },
  { code: 'E_ATTEMPT_MISMATCH', severity: 'error', group: 'attempt', summary: 'the log or report names another scenario, playbook, version or sha256 than the record' },

  { code: 'E_BAD_MESSAGE', severity: 'error', group: 'classroom', summary: 'a classroom message that is not what its type takes (an `act` with `at`, a vote without a ballot, an unknown host command)' },
  { code: 'E_RATE_LIMITED', severity: 'error', group: 'classroom', summary: 'a client sent more messages, or asked about more unknown codes, than the classroom allows at once; it waits and sends again' },
  { code: 'E_NOT_HOST', severity: 'error', group: 'classroom', summary: "a host command without the classroom's host key" },
  { code: 'E_NOT_SEATED', severity: 'error', group: 'classroom', summary: 'a message from a client without a seat for it: acting for the shared bridge as a trainee, or for a seat as the host' },
  { code: 'E_NOT_STARTED', severity: 'error', group: 'classroom', summary: 'an action before the host started the exercise' },
  { code: 'E_PAUSED', severity: 'error', group: 'classroom', summary: 'an action while the host has paused an exam' },
  { code: 'E_ROOM_ENDED', severity: 'error', group: 'classroom', summary: 'joining or acting in a classroom that has ended' },
  { code: 'E_NO_BALLOT', severity: 'error', group: 'classroom', summary: 'a vote on a question that is not open, or whose voting time is over' },
  { code: 'E_STORE_FAILED', severity: 'error', group: 'classroom', summary: 'the action or vote could not be stored, so it was not taken; send it again' },
  { code: 'E_UNKNOWN_SEAT', severity: 'error', group: 'classroom', summary: 'a seat token this classroom does not have (the host removed the seat)' },
  { code: 'E_LOCKED', severity: 'error', group: 'classroom', summary: 'joining after the host locked the classroom' },
  { code: 'E_JOIN_CLOSED', severity: 'error', group: 'classroom', summary: 'joining after the start of a classroom that takes no late joiners' },
  { code: 'E_BAD_JOIN', severity: 'error', group: 'classroom', summary: 'join options other than `{ "name" }`, `{ "seatToken" }` or `{ "hostKey" }`' },
  { code: 'E_UNKNOWN_CODE', severity: 'error', group: 'classroom', summary: 'no classroom has that join code' },
  { code: 'E_NAME_EMPTY', severity: 'error', group: 'classroom', summary: 'a display name that is empty once spaces are trimmed' },
  { code: 'E_NAME_TOO_LONG', severity: 'error', group: 'classroom', summary: 'a display name over 40 characters' },
  { code: 'E_NAME_CHARACTERS', severity: 'error', group: 'classroom', summary: 'a display name with control, invisible or bidirectional-override characters' },
  { code: 'E_NAME_NOT_ALLOWED', severity: 'error', group: 'classroom', summary: 'a display name with a word that cannot be shown to a class' },
] as const satisfies readonly DiagnosticCodeInfo[];

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]['code'];

const BY_CODE: ReadonlyMap<string, DiagnosticCodeInfo> = new Map(DIAGNOSTIC_CODES.map((info) => [info.code, info]));

export function diagnosticCodeInfo(code: string): DiagnosticCodeInfo | undefined {
  return BY_CODE.get(code);
}
