import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Action, ActionLog } from '../core/actions/action.ts';
import type { AttemptRecord } from '../core/attempt.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { ScoreReport } from '../core/report/score-report.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import type { SimState } from '../core/session/state.ts';
import type { CatalogScenario } from './catalog.ts';

export const SPEEDS = [1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

/** Coach mode shows the playbook's due times and hints; exam mode hides them. */
export type Mode = 'coach' | 'exam';

export type Screen = 'picker' | 'briefing' | 'play' | 'debrief' | 'authoring';

/** One expectation the coach panel shows while it is due. */
export interface CoachItem {
  readonly id: string;
  readonly title: string;
  /** Scenario ms when it falls due, or null when it is due by the end. */
  readonly dueAt: number | null;
  readonly hint: string;
  readonly reference: string;
  readonly status: 'due' | 'overdue' | 'done';
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
  /** Scenarios with a saved session waiting to be resumed. */
  readonly inProgress: readonly string[];
  /** A message for the trainee: a save that could not be restored, a storage that is full. */
  readonly notice: string | null;
}

export type AppStore = StoreApi<AppState>;

export function initialAppState(): AppState {
  return { screen: 'picker', scenarioId: null, play: null, debrief: null, audio: { volume: 0.8, muted: false }, history: [], authoring: null, opened: [], inProgress: [], notice: null };
}

export function createAppStore(state: AppState = initialAppState()): AppStore {
  return createStore<AppState>()(() => state);
}
