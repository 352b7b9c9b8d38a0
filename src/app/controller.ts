import type { AttemptRecord } from '../core/attempt.ts';
import type { ActionIntent } from './intents.ts';
import type { ReplayStart } from './replay-from.ts';
import type { Mode, Speed } from './store.ts';

export type ActResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Everything the views may ask of the app. Views never change the store themselves. */
export interface AppController {
  /** Follows the address bar: null shows the picker, an id that scenario's briefing (or its saved session). */
  openScenario(id: string | null): Promise<void>;
  /** Starts the open scenario from its first second. */
  start(mode: Mode): void;
  /** Starts a new practice attempt (coach mode) at a moment of a finished one, its earlier actions played again first. */
  replayFrom(start: ReplayStart): void;
  pause(): void;
  resume(): void;
  setSpeed(speed: Speed): void;
  /** Stamps the intent with the current scenario time, validates it and applies it. */
  act(intent: ActionIntent): ActResult;
  viewBridge(bridge: string): void;
  focusParticipant(participant: string | null): void;
  /** Ends the exercise now: the rest of the clock runs without the trainee, then the debrief opens. */
  finish(): Promise<void>;
  /** Throws the session in progress away and goes back to the briefing. */
  abandon(): Promise<void>;
  /** Validates a scenario file an instructor opened or dropped, and shows it in the authoring view; a valid one becomes playable. */
  openFile(fileName: string, text: string): Promise<void>;
  /** Removes from this browser an opened scenario file kept though it no longer passes the checks (one listed as needing attention). */
  forgetOpenedFile(fileName: string): Promise<void>;
  /** Shows a known scenario (bundled or opened) in the authoring view. */
  openAuthoring(id: string): void;
  /**
   * Opens a finished attempt in the debrief: from this device's history or the account's. Synchronous when this
   * browser has the versions it was played on; otherwise they are fetched from the account first.
   */
  openHistory(entryId: string): Promise<void>;
  /** Opens the debrief of an attempt record the account lists elsewhere (an instructor's class results), as openHistory does. */
  openRecord(record: AttemptRecord): Promise<void>;
  /** Keeps and stops the session in progress and leaves the scenario on screen, before an account screen opens. */
  closeScenario(): void;
  /**
   * Makes a session kept in the account from another device this device's session in progress, so opening its
   * scenario resumes it. Resolves false, with a notice, when it cannot.
   */
  carryOn(attemptId: string): Promise<boolean>;
  setVolume(volume: number): void;
  setAudioMuted(muted: boolean): void;
  dismissNotice(): void;
  /** Saves the session in progress now (the page calls this when it is hidden or closed). */
  persist(): void;
}
