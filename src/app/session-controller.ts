import { MAX_ACTIONS, type Action } from '../core/actions/action.ts';
import { gradeSession } from '../core/scoring/grade.ts';
import { compileScenario } from '../core/scenario/compile.ts';
import { Session } from '../core/session/session.ts';
import { validateLog } from '../core/session/validate-log.ts';
import { findScenario, loadOpenedFile, type Catalog, type CatalogScenario } from './catalog.ts';
import { coachItems } from './coach.ts';
import type { ActResult, AppController } from './controller.ts';
import type { ActionIntent } from './intents.ts';
import { SessionStorage, type SavedSession } from './persistence.ts';
import type { FrameLoop, KeyValueStorage, WallClock } from './ports.ts';
import type { AppStore, DebriefState, HistoryEntry, Mode, PlayState, Speed } from './store.ts';

/** The longest step one frame may take, so a tab that slept does not leap the clock forward. */
const MAX_FRAME_MS = 250;

export interface ControllerDeps {
  readonly store: AppStore;
  readonly catalog: Catalog;
  readonly storage: KeyValueStorage;
  readonly frames: FrameLoop;
  readonly wallClock: WallClock;
}

/** A live session: the simulation, the tracker coach mode reads, and the clock between whole seconds. */
interface Live {
  readonly entry: CatalogScenario;
  readonly simulation: Session;
  /** Scenario ms including the fraction of a second not yet simulated. */
  clockMs: number;
  lastFrame: number | null;
}

export interface RunningController extends AppController {
  dispose(): void;
}

/**
 * Runs sessions: drives the simulation on the frame loop, stamps and applies the trainee's
 * actions, saves the log after every change, and replays it to resume or to grade.
 */
export function createAppController({ store, catalog, storage, frames, wallClock }: ControllerDeps): RunningController {
  const saved = new SessionStorage(storage);
  let live: Live | null = null;
  let stopFrames: (() => void) | null = null;

  const history = saved.loadHistory();
  const refreshInProgress = (): void => store.setState({ inProgress: saved.sessionsInProgress() });
  store.setState({
    history: history.entries,
    inProgress: saved.sessionsInProgress(),
    ...(history.setAside === 0 ? {} : { notice: setAsideNotice(history.setAside) }),
  });

  store.setState({ opened: saved.loadOpenedFiles().flatMap((file) => loadOpenedFile(catalog, file.file, file.text).entry ?? []) });
  const find = (id: string): CatalogScenario | undefined => findScenario(catalog, store.getState().opened, id);

  const play = (): PlayState | null => store.getState().play;
  const updatePlay = (change: Partial<PlayState>): void => {
    const current = play();
    if (current) store.setState({ play: { ...current, ...change } });
  };
  const notify = (notice: string | null): void => {
    if (notice) store.setState({ notice });
  };
  /** Said once when saving starts to fail, not again every second while it keeps failing. */
  let saveProblem: string | null = null;
  const saveResult = (problem: string | null): void => {
    if (problem !== saveProblem) notify(problem);
    saveProblem = problem;
  };

  function begin(entry: CatalogScenario, mode: Mode, speed: Speed, actions: readonly Action[], now: number, resumed: boolean): void {
    stopSession();
    const compiled = compileScenario(entry.scenario, entry.playbook);
    const simulation = new Session(compiled);
    for (const action of actions) simulation.submit(action, compiled.clock.offsetOf(action.at));
    simulation.advanceTo(now);
    live = { entry, simulation, clockMs: simulation.state.now, lastFrame: null };
    store.setState({
      screen: 'play',
      scenarioId: entry.scenario.id,
      debrief: null,
      play: {
        compiled,
        mode,
        speed,
        paused: resumed,
        sim: simulation.state,
        actions,
        viewedBridge: compiled.mainBridge,
        focusedParticipant: null,
        coach: mode === 'coach' ? coachItems(compiled, simulation.observations, simulation.state.now) : [],
        resumed: resumed ? { at: simulation.state.now, actions: actions.length } : null,
      },
    });
    stopFrames = frames(onFrame);
    if (!resumed) persist();
    refreshInProgress();
  }

  function stopSession(): void {
    stopFrames?.();
    stopFrames = null;
    live = null;
  }

  function publish(session: Live): void {
    const current = play();
    if (!current) return;
    const sim = session.simulation.state;
    updatePlay({ sim, coach: current.mode === 'coach' ? coachItems(current.compiled, session.simulation.observations, sim.now) : [] });
  }

  function onFrame(nowMs: number): void {
    const session = live;
    const current = play();
    if (!session || !current) return;
    const elapsed = session.lastFrame === null ? 0 : Math.min(MAX_FRAME_MS, Math.max(0, nowMs - session.lastFrame));
    session.lastFrame = nowMs;
    if (current.paused) return;
    const end = session.simulation.endMs;
    session.clockMs = Math.min(end, session.clockMs + elapsed * current.speed);
    const wholeSecond = Math.floor(session.clockMs / 1000) * 1000;
    if (wholeSecond > session.simulation.state.now) {
      session.simulation.advanceTo(wholeSecond);
      publish(session);
      persist();
    }
    if (session.simulation.state.now >= end || session.simulation.ended) finish();
  }

  function persist(): void {
    const session = live;
    const current = play();
    if (!session || !current) return;
    const record: SavedSession = {
      scenario: session.entry.scenario.id,
      playbook: session.entry.playbook.id,
      mode: current.mode,
      speed: current.speed,
      now: session.simulation.state.now,
      actions: current.actions,
    };
    saveResult(saved.saveSession(record));
  }

  function showDebrief(entry: CatalogScenario, actions: readonly Action[], mode: Mode, finishedAt: number): DebriefState {
    const log = { scenario: entry.scenario.id, playbook: entry.playbook.id, actions: [...actions] };
    const { report, final } = gradeSession(entry.scenario, entry.playbook, log);
    const debrief: DebriefState = { scenario: entry.scenario, playbook: entry.playbook, log, report, final, mode, finishedAt };
    store.setState({ screen: 'debrief', scenarioId: entry.scenario.id, play: null, debrief });
    return debrief;
  }

  function finish(): void {
    const session = live;
    const current = play();
    if (!session || !current) return;
    stopSession();
    const finishedAt = wallClock();
    const debrief = showDebrief(session.entry, current.actions, current.mode, finishedAt);
    const entry: HistoryEntry = {
      id: `${finishedAt.toString(36)}-${session.entry.scenario.id}`,
      scenarioId: session.entry.scenario.id,
      scenarioTitle: session.entry.scenario.title,
      finishedAt,
      mode: current.mode,
      percent: debrief.report.total.percent,
      passed: debrief.report.passed,
      log: debrief.log,
    };
    const entries = [entry, ...store.getState().history];
    store.setState({ history: entries });
    const problem = saved.saveHistory(entries);
    if (problem === null) saved.removeSession(session.entry.scenario.id);
    else notify(`This attempt could not be added to your history: ${problem} Its session is kept, so opening the scenario again brings it back; download the report from the debrief to keep it.`);
    refreshInProgress();
  }

  function resumeSaved(entry: CatalogScenario): boolean {
    const loaded = saved.loadSession(entry.scenario.id);
    if (loaded.kind === 'none') return false;
    const problem = loaded.kind === 'unreadable' ? loaded.reason : checkSaved(entry, loaded.value);
    if (problem !== null || loaded.kind !== 'ok') {
      if (loaded.kind === 'ok') saved.setSessionAside(entry.scenario.id);
      notify(`Your saved session of “${entry.scenario.title}” could not be resumed (${problem}). It has been kept aside, and you can start again.`);
      return false;
    }
    const session = loaded.value;
    begin(entry, session.mode, session.speed, session.actions, session.now, true);
    return true;
  }

  const controller: RunningController = {
    openScenario(id) {
      const current = play();
      if (current && current.compiled.scenario.id === id) return;
      if (live) persist();
      stopSession();
      const entry = id === null ? undefined : find(id);
      if (!entry) {
        store.setState({
          screen: 'picker',
          scenarioId: null,
          play: null,
          debrief: null,
          ...(id === null ? {} : { notice: unknownScenario(id) }),
        });
        return;
      }
      store.setState({ play: null, debrief: null, scenarioId: entry.scenario.id });
      if (!resumeSaved(entry)) store.setState({ screen: 'briefing' });
    },

    start(mode) {
      const id = store.getState().scenarioId;
      const entry = id === null ? undefined : find(id);
      if (!entry) return;
      saved.removeSession(entry.scenario.id);
      begin(entry, mode, 1, [], 0, false);
    },

    pause() {
      updatePlay({ paused: true });
      persist();
    },

    resume() {
      if (live) live.lastFrame = null;
      updatePlay({ paused: false, resumed: null });
    },

    setSpeed(speed) {
      updatePlay({ speed });
      persist();
    },

    act(intent: ActionIntent): ActResult {
      const session = live;
      const current = play();
      if (!session || !current) return { ok: false, error: 'There is no exercise running.' };
      if (current.actions.length >= MAX_ACTIONS) return { ok: false, error: `An exercise can hold at most ${MAX_ACTIONS} actions.` };
      const submitted = session.simulation.submit(intent);
      if (!submitted.ok) return { ok: false, error: submitted.problems.map((problem) => problem.message).join(' ') };
      updatePlay({ actions: [...current.actions, submitted.action], resumed: null });
      publish(session);
      persist();
      return { ok: true };
    },

    viewBridge(bridge) {
      const current = play();
      if (current?.sim.bridges[bridge]) updatePlay({ viewedBridge: bridge });
    },

    focusParticipant(participant) {
      const current = play();
      if (current && (participant === null || current.compiled.participants.has(participant))) updatePlay({ focusedParticipant: participant });
    },

    finish,

    abandon() {
      const id = store.getState().scenarioId;
      stopSession();
      if (id !== null) saved.removeSession(id);
      store.setState({ screen: id === null ? 'picker' : 'briefing', play: null });
      refreshInProgress();
    },

    openFile(fileName, text) {
      const { entry, diagnostics } = loadOpenedFile(catalog, fileName, text);
      if (live) persist();
      stopSession();
      const before = store.getState().opened;
      const opened = entry ? [...before.filter((other) => other.scenario.id !== entry.scenario.id), entry] : before;
      if (entry) notify(saved.saveOpenedFiles(opened.map(({ file, text: source }) => ({ file, text: source }))));
      store.setState({
        screen: 'authoring',
        scenarioId: entry?.scenario.id ?? null,
        play: null,
        debrief: null,
        opened,
        authoring: { file: fileName, text, diagnostics, entry },
      });
    },

    openAuthoring(id) {
      const entry = find(id);
      if (!entry) {
        store.setState({ screen: 'picker', scenarioId: null, notice: unknownScenario(id) });
        return;
      }
      if (live) persist();
      stopSession();
      store.setState({ screen: 'authoring', scenarioId: id, play: null, debrief: null, authoring: { file: entry.file, text: entry.text, diagnostics: entry.warnings, entry } });
    },

    openHistory(entryId) {
      const entry = store.getState().history.find((item) => item.id === entryId);
      if (!entry) return;
      const scenario = find(entry.scenarioId);
      if (!scenario) {
        store.setState({ notice: `The scenario “${entry.scenarioTitle}” is no longer installed, so this attempt cannot be shown.` });
        return;
      }
      const checked = validateLog(entry.log, scenario.scenario, scenario.playbook);
      if (!checked.ok) {
        store.setState({ notice: `This attempt no longer fits the current version of “${entry.scenarioTitle}”: ${checked.errors[0] ?? ''}` });
        return;
      }
      stopSession();
      showDebrief(scenario, checked.log.actions, entry.mode, entry.finishedAt);
    },

    setVolume(volume) {
      const clamped = Math.min(1, Math.max(0, Number.isFinite(volume) ? volume : 0));
      store.setState({ audio: { ...store.getState().audio, volume: clamped } });
    },

    setAudioMuted(muted) {
      store.setState({ audio: { ...store.getState().audio, muted } });
    },

    dismissNotice() {
      store.setState({ notice: null });
    },

    persist,

    dispose() {
      if (live) persist();
      stopSession();
    },
  };
  return controller;
}

/** Why a saved session cannot be replayed against the scenario as it is now, or null when it can. */
function checkSaved(entry: CatalogScenario, session: SavedSession): string | null {
  if (session.playbook !== entry.playbook.id) return `it was played against the playbook “${session.playbook}”`;
  const checked = validateLog({ scenario: session.scenario, playbook: session.playbook, actions: [...session.actions] }, entry.scenario, entry.playbook);
  if (!checked.ok) return checked.errors[0] ?? 'its actions no longer fit the scenario';
  const length = compileScenario(entry.scenario, entry.playbook).clock.lengthMs;
  if (session.now > length) return 'its time is past the end of the scenario';
  return null;
}

function setAsideNotice(setAside: number | 'all'): string {
  if (setAside === 'all') return 'Your local history could not be read, so it has been set aside and a new one started.';
  return `${setAside === 1 ? 'One entry' : `${setAside} entries`} of your local history could not be read and ${setAside === 1 ? 'has' : 'have'} been set aside.`;
}

function unknownScenario(id: string): string {
  return `There is no scenario called “${id}”. Pick one of the scenarios below.`;
}
