import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Action, ActionLog } from '../core/actions/action.ts';
import type { AttemptRecord, PauseTally } from '../core/attempt.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { ScoreReport } from '../core/report/score-report.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import type { SimState } from '../core/session/state.ts';
import type { Assignment, Cohort, CohortSummary, InviteOutcome, PublishAnswer, ScenarioVersion, ServerDiagnostic, User } from './account-types.ts';
import type { CatalogScenario } from './catalog.ts';
import type { ResultsState } from './results/results-state.ts';

export const SPEEDS = [1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

/** Coach mode shows the playbook's due times and hints; exam mode hides them. */
export type Mode = 'coach' | 'exam';

export type Screen = 'picker' | 'briefing' | 'play' | 'debrief' | 'authoring' | 'welcome' | 'instructor' | 'results';

/** One expectation the coach panel shows while it is due. */
export interface CoachItem {
  readonly id: string;
  readonly title: string;
  /** Scenario ms when it falls due, or null when it is due by the end. */
  readonly dueAt: number | null;
  readonly hint: string;
  readonly reference: string;
  /** `late`: done after it fell due, for late credit; `too-late`: done after it fell due, past any credit, which the debrief grades as missed. */
  readonly status: 'due' | 'overdue' | 'done' | 'late' | 'too-late';
}

/** A session being played. */
export interface PlayState {
  readonly compiled: CompiledScenario;
  readonly mode: Mode;
  readonly speed: Speed;
  readonly paused: boolean;
  /** The engine's state at the current scenario time (`sim.now`, whole seconds). */
  readonly sim: SimState;
  /** The trainee's actions so far, stamped with scenario time: the log that is saved and replayed. */
  readonly actions: readonly Action[];
  /** The bridge whose gallery is on screen. */
  readonly viewedBridge: string;
  /** The participant whose menu is open, if any. */
  readonly focusedParticipant: string | null;
  /** Coach mode only; empty in exam mode. */
  readonly coach: readonly CoachItem[];
  /** Set when the session was restored from storage, until the trainee carries on. */
  readonly resumed: { readonly at: number; readonly actions: number } | null;
  /** Exam mode only: how often the clock was paused and for how long (wall clock), the pause under way included. */
  readonly pauses?: PauseTally;
  /** Played in a classroom: the host paces the clock, so pausing, speed and ending are not the trainee's. */
  readonly classroom?: { readonly code: string };
  /** The attempt this session records (its attempt record's id), when it is played in this browser. */
  readonly attemptId?: string;
}

/** A finished attempt, as the debrief shows it. */
export interface DebriefState {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
  readonly log: ActionLog;
  readonly report: ScoreReport;
  /** The engine's state at the end of a replay of the log: the transcript and every action's effect. */
  readonly final: SimState;
  readonly mode: Mode;
  /** Wall-clock ms when the attempt finished. */
  readonly finishedAt: number;
  /** The attempt record (CONTRACTS §6), when the attempt was played or stored in this browser. */
  readonly attempt?: AttemptRecord;
}

/** A scenario file an instructor opened, or a bundled one, in the authoring view. */
export interface AuthoringState {
  /** The file's name as the instructor gave it. */
  readonly file: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Present when the file is valid: it is then playable from the picker and the deep link. */
  readonly entry: CatalogScenario | null;
}

export interface AudioSettings {
  /** Master volume, 0 to 1. */
  readonly volume: number;
  readonly muted: boolean;
}

/** A finished attempt kept in the local history. */
export interface HistoryEntry {
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly finishedAt: number;
  readonly mode: Mode;
  readonly percent: number;
  readonly passed: boolean;
  readonly log: ActionLog;
  /** Signed in: whether the attempt is in the account or only on this device. Absent when nobody is signed in. */
  readonly where?: 'account' | 'device';
  /** An attempt waiting in the outbox, or one the server would not take. */
  readonly sync?: 'waiting' | 'refused';
}

/**
 * Who is signed in to the results server, if there is one. Solo play never waits for this: `unknown` and
 * `no-server` show nothing, `unreachable` says the page is playing offline.
 */
export type AccountState =
  | { readonly status: 'unknown' }
  /** What answered is a static host with no results API: the app plays on its own. */
  | { readonly status: 'no-server' }
  /** The server did not answer; `user` is who was signed in here last, whose finished attempts wait in the outbox. */
  | { readonly status: 'unreachable'; readonly user: User | null }
  | { readonly status: 'signed-out' }
  | { readonly status: 'signed-in'; readonly user: User; readonly cohorts: readonly Cohort[] };

/** The sign-in form's request: in flight, or what the server said was wrong. */
export interface SignInState {
  readonly busy: boolean;
  readonly error: string | null;
}

/** A first-visit page: the first admin's setup, a cohort invite, or a password reset. */
export interface WelcomeState {
  readonly kind: 'setup' | 'invite' | 'reset';
  readonly token: string;
  /** Checking the link, ready for the form, the link is not valid, the server cannot be reached, sending, or done (signed in). */
  readonly phase: 'checking' | 'ready' | 'invalid' | 'unreachable' | 'saving' | 'done';
  readonly email: string | null;
  /** The name the account has already (an account an administrator created), to start the form with. */
  readonly name: string | null;
  readonly cohort: Cohort | null;
  /** What the server said, or why the link could not be checked. */
  readonly error: string | null;
  /** Problems with single fields, by field name. */
  readonly fieldErrors: Readonly<Record<string, string>>;
}

/** Where a finished attempt stands with the account: queued on this device, stored, or refused by the server. */
export type SyncStatus = { readonly state: 'waiting' } | { readonly state: 'saved' } | { readonly state: 'refused'; readonly detail: string };

/** A list the results server gives, as far as it has loaded. */
export interface ServerList<T> {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly items: readonly T[];
  /** Why the list could not be loaded, in words for people. */
  readonly error: string | null;
}

/** The signed-in trainee's attempts in the account, newest first, paged. */
export interface AccountAttempts extends ServerList<AttemptRecord> {
  /** The cursor of the next older page, or null when every attempt is loaded. */
  readonly next: string | null;
}

/** A request a form of the instructor's screen sent: in flight, or what the server said was wrong. */
export interface FormRequest {
  readonly busy: boolean;
  readonly error: string | null;
}

/** The cohort open on the instructor's screen: its members, its assignments and its class results. */
export interface OpenCohort {
  readonly id: string;
  readonly status: 'loading' | 'ready' | 'failed';
  readonly cohort: CohortSummary | null;
  readonly members: readonly User[];
  readonly assignments: readonly Assignment[];
  readonly error: string | null;
  /** The cohort's members' attempts, newest first (up to 200). */
  readonly results: ServerList<AttemptRecord>;
  /** What the last invitation sent answered, address by address. */
  readonly invites: FormRequest & { readonly sent: readonly InviteOutcome[] };
  readonly assign: FormRequest;
}

/** What the last publish of a scenario file came to. */
export interface PublishState extends FormRequest {
  /** The file sent, and its text, so diagnostics point into it. */
  readonly file: string | null;
  readonly text: string;
  /** 422: the file's problems, with line and column. */
  readonly diagnostics: readonly ServerDiagnostic[];
  /** 201: what was stored and published. */
  readonly published: PublishAnswer | null;
}

/** The instructor's screen: cohorts, invitations, publishing, assignments and class results. */
export interface InstructorState {
  readonly cohorts: ServerList<CohortSummary>;
  readonly versions: ServerList<ScenarioVersion>;
  readonly create: FormRequest;
  readonly open: OpenCohort | null;
  readonly publish: PublishState;
}

/** A kept file that cannot be used as it is, with its problems as `check` words them. */
export interface NeedsAttention {
  readonly file: string;
  /** The file as it was kept, so it can be shown in the authoring view with its problems. */
  readonly text: string;
  readonly problems: readonly string[];
}

export interface AppState {
  readonly screen: Screen;
  /** The scenario the address bar names, if any. */
  readonly scenarioId: string | null;
  readonly play: PlayState | null;
  readonly debrief: DebriefState | null;
  readonly audio: AudioSettings;
  readonly history: readonly HistoryEntry[];
  readonly authoring: AuthoringState | null;
  /** Scenario files opened in this browser, playable beside the bundled ones. */
  readonly opened: readonly CatalogScenario[];
  /**
   * Scenario files opened in this browser that no longer pass the checks (a newer check may reject a file that
   * passed before): still kept, not playable, each with its problems, until it is opened again fixed.
   */
  readonly openedNeedingAttention: readonly NeedsAttention[];
  /** Scenarios with a saved session waiting to be resumed. */
  readonly inProgress: readonly string[];
  /** A message for the trainee: a save that could not be restored, a storage that is full. */
  readonly notice: string | null;
  readonly account: AccountState;
  readonly signIn: SignInState;
  /** The setup, invite or reset page, while it is open. */
  readonly welcome: WelcomeState | null;
  /** Finished attempts and where they stand with the account, by attempt id. */
  readonly sync: Readonly<Record<string, SyncStatus>>;
  /** Signed in: the account's attempts ("My attempts"); null otherwise. */
  readonly accountAttempts: AccountAttempts | null;
  /** Signed in: sessions in progress kept in the account from other devices, not this one's. */
  readonly drafts: readonly AttemptRecord[];
  /** Signed in: what the trainee's cohorts have assigned; null otherwise. */
  readonly assignments: ServerList<Assignment> | null;
  /** Scenarios an instructor published to the trainee's cohorts, playable beside the bundled ones. */
  readonly published: readonly CatalogScenario[];
  /** Signed in as an instructor or admin, once the instructor's screen was opened; null otherwise. */
  readonly instructor: InstructorState | null;
  /** Signed in as HR, an admin or an instructor, once the results area was opened; null otherwise. */
  readonly results: ResultsState | null;
}

export type AppStore = StoreApi<AppState>;

export function initialAppState(): AppState {
  return {
    screen: 'picker',
    scenarioId: null,
    play: null,
    debrief: null,
    audio: { volume: 0.8, muted: false },
    history: [],
    authoring: null,
    opened: [],
    openedNeedingAttention: [],
    inProgress: [],
    notice: null,
    account: { status: 'unknown' },
    signIn: { busy: false, error: null },
    welcome: null,
    sync: {},
    accountAttempts: null,
    drafts: [],
    assignments: null,
    published: [],
    instructor: null,
    results: null,
  };
}

export function createAppStore(state: AppState = initialAppState()): AppStore {
  return createStore<AppState>()(() => state);
}
