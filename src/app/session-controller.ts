import type { Action } from '../core/actions/action.ts';
import type { AttemptRecord } from '../core/attempt.ts';
import { compileScenario } from '../core/scenario/compile.ts';
import { lifecycleState, startLifecycle, type SessionLifecycle } from '../core/session/lifecycle.ts';
import { Session } from '../core/session/session.ts';
import { AttemptHistory, type LegacyHistoryEntry } from './attempt-history.ts';
import { audioSettings } from './audio-settings.ts';
import { installedVersionOf, sessionOfDraft } from './carry-on.ts';
import { besideBundled, diagnosticLines, findScenario, loadOpenedFile, type Catalog, type CatalogScenario } from './catalog.ts';
import { coachItems } from './coach.ts';
import type { ActResult, AppController } from './controller.ts';
import { actingRefused, EXAM_PAUSED_REFUSAL, NEVER_SAVED, PauseCounter, savedPausesOf, type SavedPauses } from './exam-pauses.ts';
import { historyDebrief } from './history-debrief.ts';
import { historyEntryOf } from './history-entry.ts';
import { runLiveClock } from './live-clock.ts';
import { localAttempt } from './local-attempt.ts';
import { attemptsById } from './my-attempts.ts';
import { addNotice, needsAttentionNotice, setAsideNotice, unknownScenario } from './notices.ts';
import { namedId, OpenedFiles } from './opened-files.ts';
import type { FrameLoop, IdSource, StoragePort, WallClock } from './ports.ts';
import { whyNotResumable } from './resume-check.ts';
import { SavedSessions, type SavedSession } from './saved-sessions.ts';
import { NO_SYNC, type SessionSync } from './session-sync.ts';
import type { AppStore, DebriefState, HistoryEntry, Mode, NeedsAttention, PlayState, Speed } from './store.ts';

export interface ControllerDeps {
  readonly store: AppStore;
  readonly catalog: Catalog;
  readonly storage: StoragePort;
  readonly frames: FrameLoop;
  readonly wallClock: WallClock;
  readonly newId: IdSource;
  /** The account, when the page has a results server: drafts and finished attempts go to it. */
  readonly sync?: SessionSync;
}

/** A session being played: the headless Session, its lifecycle, its attempt's identity and the clock driving it. */
interface Live {
  readonly entry: CatalogScenario;
  readonly session: Session;
  readonly lifecycle: SessionLifecycle;
  readonly attemptId: string;
  readonly startedAt: number;
  readonly clock: { stop(): void; resync(): void };
  /** Exam mode only: the pauses counted and timed. */
  readonly pauses: PauseCounter | null;
}

export interface RunningController extends AppController {
  /** Settles once what was stored at start (history, opened files, sessions in progress) is in the store. */
  readonly ready: Promise<void>;
  /** Settles once every write asked for so far has been made. */
  saved(): Promise<void>;
  dispose(): void;
}

/**
 * The browser's session runner: a local clock (frames, speed, pause) that drives one headless
 * Session, and the storage of sessions, attempts and opened files through an asynchronous port.
 */
export function createAppController({ store, catalog, storage, frames, wallClock, newId, sync = NO_SYNC }: ControllerDeps): RunningController {
  const sessions = new SavedSessions(storage);
  const history = new AttemptHistory(storage, newId);
  const openedFiles = new OpenedFiles(storage);
  let live: Live | null = null;
  /** The attempt records behind the history the picker lists, by attempt id. */
  let attempts = new Map<string, AttemptRecord>();
  /** Entries of the history older versions kept, listed beside the attempt records and never rewritten. */
  let legacy = new Map<string, LegacyHistoryEntry>();
  /** Scenario and playbook versions fetched from the server for debriefs of attempts played on them. */
  const fetchedVersions: CatalogScenario[] = [];
  const showHistory = (records: readonly AttemptRecord[]): void => {
    attempts = new Map(records.map((record) => [record.attemptId, record]));
    const entries: HistoryEntry[] = [...records.map(historyEntryOf), ...legacy.values()];
    store.setState({ history: entries.sort((a, b) => b.finishedAt - a.finishedAt) });
  };
  /** Bumped by every navigation, so a slow storage read never lands on a screen the trainee has left. */
  let navigation = 0;
  let writes: Promise<unknown> = Promise.resolve();
  const queue = (write: () => Promise<unknown>): Promise<unknown> => (writes = writes.then(write, write));

  const find = (id: string): CatalogScenario | undefined => findScenario(catalog, besideBundled(store.getState()), id);
  const play = (): PlayState | null => store.getState().play;
  const updatePlay = (change: Partial<PlayState>): void => {
    const current = play();
    if (current) store.setState({ play: { ...current, ...change } });
  };
  const notify = (notice: string | null): void => {
    if (notice) store.setState({ notice: addNotice(store.getState().notice, notice) });
  };
  const markInProgress = (scenarioId: string, inProgress: boolean): void => {
    const others = store.getState().inProgress.filter((id) => id !== scenarioId);
    store.setState({ inProgress: inProgress ? [...others, scenarioId].sort() : others });
  };
  /** Said once when saving starts to fail, not again every second while it keeps failing. */
  let saveProblem: string | null = null;
  const saveResult = (problem: string | null): void => {
    if (problem !== saveProblem) notify(problem);
    saveProblem = problem;
  };

  /** What was stored at start. It never rejects: whatever cannot be read leaves the app usable and says so. */
  const ready = (async () => {
    try {
      const opened: CatalogScenario[] = [];
      const needing: NeedsAttention[] = [];
      for (const file of await openedFiles.load()) {
        const { entry, diagnostics } = loadOpenedFile(catalog, file.file, file.text);
        if (entry) opened.push(entry);
        else needing.push({ file: file.file, text: file.text, problems: diagnosticLines(file.file, diagnostics.filter((d) => d.severity === 'error')) });
      }
      store.setState({ opened, openedNeedingAttention: needing, ...(needing.length === 0 ? {} : { notice: addNotice(store.getState().notice, needsAttentionNotice(needing)) }) });
      const loaded = await history.load();
      legacy = new Map(loaded.legacy.map((entry) => [entry.id, entry]));
      showHistory(loaded.attempts);
      const historyNotice = setAsideNotice(loaded.setAside, loaded.entriesLeft);
      store.setState({ inProgress: await sessions.inProgress(), ...(historyNotice === null ? {} : { notice: addNotice(store.getState().notice, historyNotice) }) });
    } catch {
      notify('Some of what this browser kept for Bridge Drill could not be read. It is left where it was; the exercises still work.');
    }
  })();

  /** Plays a session: a new one (`restored` null) runs at once; one restored from storage opens paused. */
  function begin(entry: CatalogScenario, mode: Mode, speed: Speed, actions: readonly Action[], now: number, identity: { attemptId: string; startedAt: number }, restored: SavedPauses | null): void {
    stopSession();
    const resumed = restored !== null;
    const pauses = mode !== 'exam' ? null : restored ? PauseCounter.restored(wallClock, restored) : new PauseCounter(wallClock);
    const compiled = compileScenario(entry.scenario, entry.playbook);
    const session = new Session(compiled);
    for (const action of actions) session.submit(action, compiled.clock.offsetOf(action.at));
    session.advanceTo(now);
    const lifecycle = startLifecycle(resumed);
    const clock = runLiveClock(session, frames, {
      isRunning: () => lifecycleState(lifecycle) === 'running',
      speed: () => play()?.speed ?? 1,
      onAdvance: () => {
        publish();
        persist();
      },
      onEnd: () => void finish(),
      whilePaused: showPauses,
    });
    live = { entry, session, lifecycle, clock, pauses, ...identity };
    store.setState({
      screen: 'play',
      scenarioId: entry.scenario.id,
      debrief: null,
      play: {
        compiled,
        mode,
        speed,
        paused: resumed,
        sim: session.state,
        actions: session.actions,
        viewedBridge: compiled.mainBridge,
        focusedParticipant: null,
        coach: mode === 'coach' ? coachItems(compiled, session.observations, session.now) : [],
        resumed: resumed ? { at: session.now, actions: actions.length } : null,
        ...(pauses ? { pauses: pauses.tally() } : {}),
        attemptId: identity.attemptId,
      },
    });
    if (!resumed) persist();
    markInProgress(entry.scenario.id, true);
  }

  function stopSession(): void {
    live?.clock.stop();
    live?.lifecycle.stop();
    live = null;
  }

  function publish(): void {
    const current = play();
    if (!live || !current) return;
    const { session } = live;
    updatePlay({ sim: session.state, actions: session.actions, coach: current.mode === 'coach' ? coachItems(current.compiled, session.observations, session.now) : [] });
  }

  /** While an exam stands paused, its paused time on screen moves on each wall-clock second. */
  function showPauses(): void {
    const tally = live?.pauses?.tally();
    const shown = play()?.pauses;
    if (!tally || !shown) return;
    if (tally.count !== shown.count || Math.floor(tally.totalMs / 1000) !== Math.floor(shown.totalMs / 1000)) updatePlay({ pauses: tally });
  }

  function persist(): void {
    const current = play();
    if (!live || !current) return;
    const record: SavedSession = {
      attempt: localAttempt(live.entry, current.mode, live.session.actions, live.attemptId, live.startedAt, null, null, live.pauses?.tally()),
      speed: current.speed,
      now: live.session.now,
      paused: lifecycleState(live.lifecycle) === 'paused',
      savedAt: wallClock(),
    };
    void queue(async () => saveResult(await sessions.save(record)));
    sync.progress(record.attempt);
  }

  function showDebrief(debrief: DebriefState): void {
    store.setState({ screen: 'debrief', scenarioId: debrief.scenario.id, play: null, debrief });
  }

  async function finish(): Promise<void> {
    const current = play();
    if (!live || !current) return;
    const { entry, session, lifecycle, attemptId, startedAt, pauses } = live;
    lifecycle.send({ type: 'FINISH' });
    stopSession();
    navigation++;
    const finishedAt = wallClock();
    const attempt = localAttempt(entry, current.mode, session.actions, attemptId, startedAt, finishedAt, session.finish(), pauses?.tally());
    const report = attempt.report ?? session.report();
    showDebrief({ scenario: entry.scenario, playbook: entry.playbook, log: session.log, report, final: session.state, mode: current.mode, finishedAt, attempt });
    await queue(async () => {
      const added = await history.add(attempt);
      showHistory(added.problem === null ? added.attempts : [attempt, ...attempts.values()]);
      const queued = await sync.finished(added.problem === null ? added.stored : attempt, attemptId);
      const shown = store.getState().debrief;
      if (queued.attemptId !== attempt.attemptId && shown?.attempt?.attemptId === attempt.attemptId) store.setState({ debrief: { ...shown, attempt: queued } });
      if (added.problem === null) {
        await sessions.remove(entry.scenario.id, attemptId);
        if (live?.entry.scenario.id !== entry.scenario.id) markInProgress(entry.scenario.id, false);
      } else if (await sessions.holds(entry.scenario.id, attemptId)) {
        notify(`This attempt could not be added to your history: ${added.problem} Its session is kept, so opening the scenario again brings it back; download the report from the debrief to keep it.`);
      } else notify(`This attempt could not be added to your history: ${added.problem} Nothing of it could be saved in this browser; download the report from the debrief to keep it.`);
    });
  }

  async function resumeSaved(entry: CatalogScenario, visit: number): Promise<boolean> {
    await writes;
    const loaded = await sessions.load(entry.scenario.id);
    if (visit !== navigation || loaded.kind === 'none') return false;
    if (loaded.kind === 'unreadable') {
      notify(`Your saved session of “${entry.scenario.title}” could not be resumed (${loaded.reason}). ${keptNotice(loaded.keptAs)}`);
      return false;
    }
    const saved =
      loaded.kind === 'legacy'
        ? { mode: loaded.value.mode, speed: loaded.value.speed, now: loaded.value.now, actions: loaded.value.actions, identity: { attemptId: newId(), startedAt: wallClock() }, pauses: NEVER_SAVED }
        : { mode: loaded.value.attempt.mode, speed: loaded.value.speed, now: loaded.value.now, actions: loaded.value.attempt.log.actions, identity: { attemptId: loaded.value.attempt.attemptId, startedAt: Date.parse(loaded.value.attempt.startedAt) }, pauses: savedPausesOf(loaded.value) };
    const problem = whyNotResumable(entry, saved.actions, loaded.kind === 'legacy' ? loaded.value.playbook : loaded.value.attempt.playbook.id, saved.now);
    if (visit !== navigation) return false;
    if (problem !== null) {
      const keptAs = await queue(() => sessions.setAside(entry.scenario.id, loaded.kind === 'ok' ? loaded.key : undefined));
      notify(`Your saved session of “${entry.scenario.title}” could not be resumed (${problem}). ${keptNotice(typeof keptAs === 'string' ? keptAs : null)}`);
      return false;
    }
    begin(entry, saved.mode, saved.speed, saved.actions, saved.now, saved.identity, saved.pauses);
    return true;
  }

  /** The debrief of one of `records`, replayed on the exact versions it names, fetched from the account when this browser lacks them. */
  async function openFrom(entryId: string, records: ReadonlyMap<string, AttemptRecord>): Promise<void> {
    const installed = () => [...catalog.scenarios, ...besideBundled(store.getState()), ...fetchedVersions];
    const record = records.get(entryId);
    // An attempt played on versions this browser lacks: the account has them, and they load as the catalog's do.
    const fetching = record && !installedVersionOf(record, installed()) ? sync.versionOf(record) : undefined;
    if (fetching) {
      const visit = ++navigation;
      const fetched = await fetching;
      if (visit !== navigation) return;
      if (fetched && !installedVersionOf(record!, installed())) fetchedVersions.push(fetched);
    }
    const shown = historyDebrief(entryId, { attempts: records, legacy, installed: installed(), find });
    if (!shown) return;
    if (shown.notice !== null) store.setState({ notice: shown.notice });
    if (!shown.debrief) return;
    stopSession();
    navigation++;
    showDebrief(shown.debrief);
  }

  const controller: RunningController = {
    ready,
    saved: () => writes.then(() => undefined),

    async openScenario(id) {
      const current = play();
      if (current && current.compiled.scenario.id === id) return;
      if (live) persist();
      stopSession();
      const visit = ++navigation;
      const known = id === null ? undefined : find(id);
      if (known) store.setState({ scenarioId: known.scenario.id, play: null, debrief: null });
      await ready;
      // A deep link to a scenario published to the account waits for the account's list (never long: it settles offline too).
      if (id !== null && !find(id)) await sync.catalogReady;
      if (visit !== navigation) return;
      const entry = id === null ? undefined : find(id);
      if (!entry) {
        store.setState({ screen: 'picker', scenarioId: null, play: null, debrief: null, ...(id === null ? {} : { notice: unknownScenario(id) }) });
        return;
      }
      store.setState({ play: null, debrief: null, scenarioId: entry.scenario.id });
      if (!(await resumeSaved(entry, visit)) && visit === navigation) store.setState({ screen: 'briefing' });
    },

    start(mode) {
      const id = store.getState().scenarioId;
      const entry = id === null ? undefined : find(id);
      if (!entry) return;
      navigation++;
      begin(entry, mode, 1, [], 0, { attemptId: newId(), startedAt: wallClock() }, null);
    },

    replayFrom({ scenarioId, at, actions }) {
      const entry = find(scenarioId);
      if (!entry) return;
      navigation++;
      begin(entry, 'coach', 1, actions, at, { attemptId: newId(), startedAt: wallClock() }, null);
    },

    pause() {
      if (!live) return;
      live.lifecycle.send({ type: 'PAUSE' });
      const paused = lifecycleState(live.lifecycle) === 'paused';
      if (paused) live.pauses?.pause();
      updatePlay({ paused, ...(live.pauses ? { pauses: live.pauses.tally() } : {}) });
      persist();
    },

    resume() {
      if (!live) return;
      live.lifecycle.send({ type: 'RESUME' });
      live.clock.resync();
      const paused = lifecycleState(live.lifecycle) === 'paused';
      if (!paused) live.pauses?.resume();
      updatePlay({ paused, resumed: null, ...(live.pauses ? { pauses: live.pauses.tally() } : {}) });
      if (live.pauses) persist();
    },

    setSpeed(speed) {
      updatePlay({ speed });
      persist();
    },

    act(intent): ActResult {
      const current = play();
      if (!live || !current) return { ok: false, error: 'There is no exercise running.' };
      if (actingRefused(current.mode, lifecycleState(live.lifecycle) === 'paused')) return { ok: false, error: EXAM_PAUSED_REFUSAL };
      const submitted = live.session.submit(intent);
      if (!submitted.ok) return { ok: false, error: submitted.problems.map((problem) => problem.message).join(' ') };
      updatePlay({ resumed: null });
      publish();
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

    async abandon() {
      const id = store.getState().scenarioId;
      const attemptId = live?.attemptId;
      if (attemptId) sync.abandoned(attemptId);
      stopSession();
      navigation++;
      store.setState({ screen: id === null ? 'picker' : 'briefing', play: null });
      if (id === null) return;
      markInProgress(id, false);
      await queue(async () => {
        if (attemptId) await sessions.remove(id, attemptId);
        await sessions.removeLegacy(id);
      });
    },

    async openFile(fileName, text) {
      const { entry, diagnostics } = loadOpenedFile(catalog, fileName, text);
      if (live) persist();
      stopSession();
      navigation++;
      const before = store.getState().opened;
      const opened = entry ? [...before.filter((other) => other.scenario.id !== entry.scenario.id), entry] : before;
      store.setState({ screen: 'authoring', scenarioId: entry?.scenario.id ?? null, play: null, debrief: null, opened, authoring: { file: fileName, text, diagnostics, entry } });
      if (!entry) return;
      const id = entry.scenario.id;
      const replaced = (stored: { file: string; text: string }) => namedId(stored.text) === id;
      store.setState({ openedNeedingAttention: store.getState().openedNeedingAttention.filter((item) => item.file !== fileName) });
      await queue(async () => notify(await openedFiles.add({ file: fileName, text }, replaced)));
    },

    async forgetOpenedFile(fileName) {
      const item = store.getState().openedNeedingAttention.find((each) => each.file === fileName);
      if (!item) return;
      const without = () => store.getState().openedNeedingAttention.filter((each) => each !== item);
      store.setState({ openedNeedingAttention: without() });
      await queue(async () => {
        const problem = await openedFiles.remove({ file: item.file, text: item.text });
        if (problem === null) return;
        store.setState({ openedNeedingAttention: [...without(), item], notice: `“${item.file}” could not be removed, so it is still kept: ${problem}` });
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
      navigation++;
      store.setState({ screen: 'authoring', scenarioId: id, play: null, debrief: null, authoring: { file: entry.file, text: entry.text, diagnostics: entry.warnings, entry } });
    },

    openHistory(entryId) {
      return openFrom(entryId, attemptsById(attempts, store.getState().accountAttempts?.items ?? []));
    },

    openRecord(record) {
      return openFrom(record.attemptId, new Map([[record.attemptId, record]]));
    },

    closeScenario() {
      if (live) persist();
      stopSession();
      navigation++;
      store.setState({ scenarioId: null, play: null, debrief: null });
    },

    async carryOn(attemptId) {
      const draft = store.getState().drafts.find((item) => item.attemptId === attemptId);
      const entry = draft ? installedVersionOf(draft, [...catalog.scenarios, ...besideBundled(store.getState())]) : undefined;
      if (!draft || !entry) return false;
      const title = entry.scenario.title;
      const replayable = sessionOfDraft(draft, entry);
      if ('problem' in replayable) {
        notify(`Your session of “${title}” from another device cannot be carried on here (${replayable.problem}).`);
        return false;
      }
      await writes;
      const here = await sessions.load(entry.scenario.id);
      const same = here.kind === 'ok' && here.value.attempt.attemptId === attemptId;
      if (same && here.value.attempt.log.actions.length >= draft.log.actions.length) return true;
      if (here.kind !== 'none' && !same) {
        // This device's own session of the scenario goes to the account first, so carrying on the other never loses it.
        const kept = here.kind === 'ok' && (await sync.keepDraft(here.value.attempt));
        if (!kept) {
          notify(`You have another session of “${title}” in progress on this device. Resume it and finish or abandon it first, then carry on the other one.`);
          return false;
        }
      }
      const problem = await queue(() => sessions.save(replayable.session, here.kind === 'ok' ? here.value.attempt.attemptId : undefined));
      if (problem !== null) {
        notify(`Your session of “${title}” could not be carried on here: ${String(problem)}`);
        return false;
      }
      store.setState({ drafts: store.getState().drafts.filter((item) => item.attemptId !== attemptId) });
      markInProgress(entry.scenario.id, true);
      return true;
    },

    ...audioSettings(store),

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

/** Says truly where a session that cannot be resumed is now. */
function keptNotice(keptAs: string | null): string {
  return keptAs === null
    ? 'The browser’s storage is too full to copy it aside, so it is left where it was; free some space and open the scenario again.'
    : 'It has been kept aside, and you can start again.';
}
