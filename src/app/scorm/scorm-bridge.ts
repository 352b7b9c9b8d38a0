/**
 * The SCORM 1.2 bridge: finds the LMS's API object (RTE 3.3.6.1) and reports to it what the store shows,
 * the lesson status while the exercise runs, then the grade, one interaction per competency and the session
 * time when it ends. It writes through an injected API object and reads the time from an injected clock.
 */
import type { AppStore } from '../store.ts';
import type { WallClock } from '../ports.ts';
import { coreResults, interactionValues, parseSuspendData, sessionTime, suspendData, type ResumePointer } from './scorm-data.ts';

/** The SCORM 1.2 API adapter an LMS puts on one of the launching windows as `API`. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string | boolean;
  LMSFinish(parameter: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(parameter: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
}

/** What discovery needs of a window: its `API`, its parent and its opener (any of which may refuse access). */
export interface ApiHost {
  readonly API?: unknown;
  readonly parent?: ApiHost | null;
  readonly opener?: ApiHost | null;
}

const isApi = (value: unknown): value is Scorm12Api =>
  typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function' && typeof (value as Scorm12Api).LMSSetValue === 'function';

/** The RTE's search: this window and up to seven parents, then the opener and its parents. A window of another origin ends that search. */
export function findScormApi(start: ApiHost): Scorm12Api | null {
  const climb = (from: ApiHost | null | undefined): Scorm12Api | null => {
    let win = from;
    for (let tries = 0; win && tries <= 7; tries++) {
      try {
        if (isApi(win.API)) return win.API;
        const parent = win.parent;
        if (!parent || parent === win) return null;
        win = parent;
      } catch {
        return null;
      }
    }
    return null;
  };
  const here = climb(start);
  if (here) return here;
  try {
    return climb(start.opener);
  } catch {
    return null;
  }
}

const ok = (result: string | boolean): boolean => result === true || result === 'true';
/** Commits while the exercise runs are at most this often (the LMS may save each one over the network). */
const COMMIT_EVERY_MS = 30_000;

export interface ScormBridgeDeps {
  readonly api: Scorm12Api;
  readonly store: AppStore;
  readonly wallClock: WallClock;
}

export interface ScormBridge {
  /** The pointer a previous session of this learner left in suspend_data, if any. */
  readonly resumedFrom: ResumePointer | null;
  /** The page is going away before the exercise ended: the session is suspended (time, pointer, commit, finish). */
  pageHidden(): void;
  dispose(): void;
}

/**
 * Opens the LMS session (LMSInitialize) and follows the store. Answers null, with the LMS's reason, when the
 * LMS refuses to start: the page then says so and the exercise still runs, unreported.
 */
export function connectScorm({ api, store, wallClock }: ScormBridgeDeps): { bridge: ScormBridge } | { problem: string } {
  if (!ok(api.LMSInitialize(''))) return { problem: `The learning platform did not start this lesson (${lastError(api)}), so this attempt will not be reported to it.` };
  const startedAt = wallClock();
  let ended = false;
  let firstProblem: string | null = null;
  const set = (element: string, value: string): void => {
    if (ok(api.LMSSetValue(element, value))) return;
    firstProblem ??= `${element}: ${lastError(api)}`;
  };
  const status = api.LMSGetValue('cmi.core.lesson_status');
  if (status === '' || status === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
  const resumedFrom = parseSuspendData(api.LMSGetValue('cmi.suspend_data'));
  const heldInteractions = Number.parseInt(api.LMSGetValue('cmi.interactions._count'), 10);
  api.LMSCommit('');
  let lastCommit = startedAt;
  let written = '';

  const writePointer = (attemptId: string, actions: number): void => {
    const data = suspendData({ attemptId, actions });
    if (data === written) return;
    written = data;
    set('cmi.suspend_data', data);
    set('cmi.core.exit', 'suspend');
    if (wallClock() - lastCommit >= COMMIT_EVERY_MS) {
      lastCommit = wallClock();
      api.LMSCommit('');
    }
  };

  const end = (): void => {
    ended = true;
    unsubscribe();
    set('cmi.core.session_time', sessionTime(wallClock() - startedAt));
    api.LMSCommit('');
    api.LMSFinish('');
    if (firstProblem) store.setState({ notice: `The learning platform refused part of this attempt's report (${firstProblem}).` });
  };

  const follow = (): void => {
    if (ended) return;
    const { play, debrief } = store.getState();
    const finished = debrief?.attempt;
    if (debrief && finished && debrief.finishedAt >= startedAt) {
      for (const [element, value] of coreResults(debrief.report)) set(element, value);
      for (const [element, value] of interactionValues(debrief.report, Number.isInteger(heldInteractions) && heldInteractions > 0 ? heldInteractions : 0)) set(element, value);
      written = suspendData({ attemptId: finished.attemptId, actions: debrief.log.actions.length });
      set('cmi.suspend_data', written);
      set('cmi.core.exit', '');
      end();
      return;
    }
    if (play?.attemptId !== undefined) writePointer(play.attemptId, play.actions.length);
  };
  const unsubscribe = store.subscribe(follow);
  follow();

  return {
    bridge: {
      resumedFrom,
      pageHidden() {
        if (ended) return;
        set('cmi.core.exit', 'suspend');
        end();
      },
      dispose() {
        unsubscribe();
      },
    },
  };
}

function lastError(api: Scorm12Api): string {
  const code = String(api.LMSGetLastError());
  const text = api.LMSGetErrorString(code);
  return text ? `error ${code}: ${text}` : `error ${code}`;
}
