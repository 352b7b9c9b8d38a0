import { describe, expect, it } from 'vitest';
import { createAppController, type RunningController } from '../../src/app/session-controller.ts';
import { createAppStore, type AppStore } from '../../src/app/store.ts';
import { parseAttempt } from '../../src/core/attempt.ts';
import { withContentHashes } from '../../src/core/hash/report-hashes.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import type { StoragePort } from '../../src/app/ports.ts';
import { acmeText, catalogWith, goldenLog, loadAcme, MemoryStorage, sequentialIds } from '../helpers.ts';

/** A frame loop the test turns by hand. */
class ManualFrames {
  private listener: ((now: number) => void) | null = null;
  private now = 0;
  readonly loop = (onFrame: (now: number) => void) => {
    this.listener = onFrame;
    onFrame(this.now);
    return () => {
      if (this.listener === onFrame) this.listener = null;
    };
  };
  /** Lets `ms` of real time pass, a frame every 100 ms. */
  run(ms: number): void {
    for (let t = 0; t < ms; t += 100) {
      this.now += 100;
      this.listener?.(this.now);
    }
  }
}

const catalog = catalogWith(['acme-chemical']);

async function boot(storage = new MemoryStorage()): Promise<{ store: AppStore; controller: RunningController; frames: ManualFrames; storage: MemoryStorage }> {
  const store = createAppStore();
  const frames = new ManualFrames();
  const controller = createAppController({ store, catalog, storage: keyValueStoragePort(storage), frames: frames.loop, wallClock: () => 1_700_000_000_000, newId: sequentialIds() });
  await controller.ready;
  return { store, controller, frames, storage };
}

const play = (store: AppStore) => {
  const state = store.getState().play;
  if (!state) throw new Error('not playing');
  return state;
};

describe('opening scenario files', () => {
  const copyOfAcme = (change: (object: Record<string, unknown>) => void = () => {}) => {
    const object = JSON.parse(acmeText()) as Record<string, unknown>;
    object.id = 'my-acme';
    change(object);
    return JSON.stringify(object, null, 2);
  };

  it('makes a valid file playable at once, and keeps it in this browser', async () => {
    const { store, controller, storage } = await boot();
    await controller.openFile('my-acme.json', copyOfAcme());
    expect(store.getState().screen).toBe('authoring');
    expect(store.getState().authoring?.entry?.scenario.id).toBe('my-acme');
    expect(store.getState().opened.map((entry) => entry.scenario.id)).toEqual(['my-acme']);
    await controller.openScenario('my-acme');
    expect(store.getState().screen).toBe('briefing');
    controller.start('exam');
    expect(store.getState().play?.compiled.scenario.id).toBe('my-acme');

    const reloaded = await boot(storage);
    expect(reloaded.store.getState().opened.map((entry) => entry.scenario.id)).toEqual(['my-acme']);
    await reloaded.controller.openScenario('my-acme');
    expect(reloaded.store.getState().screen).toBe('play');
  });

  it('lists the problems of a broken file with line and column, and does not keep it', async () => {
    const { store, controller, storage } = await boot();
    const text = copyOfAcme((object) => {
      (object.cast as { id: string }[])[0]!.id = 'pete2';
    });
    await controller.openFile('broken.json', text);
    const authoring = store.getState().authoring;
    expect(authoring?.entry).toBeNull();
    const unknown = authoring?.diagnostics.find((d) => d.code === 'E_UNKNOWN_PARTICIPANT');
    expect(unknown?.message).toMatch(/did you mean "pete2"/);
    expect(text.split('\n')[unknown!.line - 1]).toContain('"pete"');
    expect(store.getState().opened).toEqual([]);
    expect(storage.getItem('bridge-drill:opened:v1')).toBeNull();
  });

  it('refuses a file that would replace a bundled scenario, and one too large to read', async () => {
    const { store, controller } = await boot();
    await controller.openFile('acme-chemical.json', acmeText());
    expect(store.getState().authoring?.diagnostics[0]).toMatchObject({ code: 'E_DUPLICATE_ID', severity: 'error' });
    await controller.openFile('huge.json', ' '.repeat(2 * 1024 * 1024 + 1));
    expect(store.getState().authoring?.diagnostics[0]?.code).toBe('E_TOO_LARGE');
    expect(store.getState().opened).toEqual([]);
  });
});

describe('session controller', () => {
  it('opens the briefing from a scenario id and refuses an unknown one with a notice', async () => {
    const { store, controller } = await boot();
    await controller.openScenario('acme-chemical');
    expect(store.getState().screen).toBe('briefing');
    await controller.openScenario('nope');
    expect(store.getState().screen).toBe('picker');
    expect(store.getState().notice).toMatch(/no scenario called “nope”/);
  });

  it('moves the scenario clock in whole seconds at the chosen speed, and not while paused', async () => {
    const { store, controller, frames } = await boot();
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    frames.run(3000);
    expect(play(store).sim.now).toBe(3000);
    controller.setSpeed(10);
    frames.run(1000);
    expect(play(store).sim.now).toBe(13000);
    controller.pause();
    frames.run(5000);
    expect(play(store).sim.now).toBe(13000);
    controller.resume();
    frames.run(500);
    expect(play(store).sim.now).toBeGreaterThan(13000);
  });

  it('stamps actions with the scenario time and rejects one that names nobody in the scenario', async () => {
    const { store, controller, frames } = await boot();
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    frames.run(20_000);
    expect(controller.act({ type: 'announce-role' })).toEqual({ ok: true });
    expect(play(store).actions[0]).toEqual({ type: 'announce-role', at: '02:46:20' });
    const refused = controller.act({ type: 'mute', participant: 'nobody' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/nobody/);
    expect(play(store).actions).toHaveLength(1);
  });

  it('resumes after a reload at the same scenario time with every action and the same transcript', async () => {
    const first = await boot();
    await first.controller.openScenario('acme-chemical');
    first.controller.start('coach');
    first.frames.run(10_000);
    first.controller.act({ type: 'announce-role', message: 'I am the incident manager.' });
    first.controller.setSpeed(5);
    first.frames.run(4_000);
    first.controller.act({ type: 'mute', participant: 'noisy-sme' });
    first.frames.run(650);
    const before = play(first.store);
    await first.controller.saved();

    const second = await boot(first.storage);
    expect(second.store.getState().inProgress).toEqual(['acme-chemical']);
    await second.controller.openScenario('acme-chemical');
    const after = play(second.store);
    expect(second.store.getState().screen).toBe('play');
    expect(after.sim.now).toBe(before.sim.now);
    expect(after.actions).toEqual(before.actions);
    expect(after.sim.transcript).toEqual(before.sim.transcript);
    expect(after.sim.participants).toEqual(before.sim.participants);
    expect(after.paused).toBe(true);
    expect(after.mode).toBe('coach');
    expect(after.speed).toBe(5);
    expect(after.resumed).toEqual({ at: before.sim.now, actions: 2 });
  });

  it('grades the finished attempt exactly as the command line grades its log, and keeps it in the history', async () => {
    const { scenario, playbook } = loadAcme();
    const log = goldenLog('strong', scenario, playbook);
    const { store, controller, frames, storage } = await boot();
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    controller.setSpeed(10);
    const clock = play(store).compiled.clock;
    for (const action of log.actions) {
      while (play(store).sim.now < (clock.toOffset(action.at) ?? 0)) frames.run(100);
      expect(play(store).sim.now).toBe(clock.toOffset(action.at));
      const { at: _at, ...intent } = action;
      expect(controller.act(intent)).toEqual({ ok: true });
    }
    expect(store.getState().inProgress).toEqual(['acme-chemical']);
    await controller.finish();
    expect(store.getState().inProgress).toEqual([]);
    const debrief = store.getState().debrief;
    expect(store.getState().screen).toBe('debrief');
    expect(debrief?.report).toEqual(withContentHashes(grade(scenario, playbook, { scenario: scenario.id, playbook: playbook.id, actions: log.actions }), catalog.scenarios[0]!.sha256));
    expect(debrief?.report.total.percent).toBe(100);
    expect(store.getState().history).toHaveLength(1);
    const attempt = parseAttempt(JSON.parse(JSON.stringify(debrief?.attempt)));
    expect(attempt.ok && attempt.attempt).toMatchObject({ mode: 'exam', trainee: { id: 'local' }, finishedAt: '2023-11-14T22:13:20Z', log: { actions: log.actions } });
    expect(attempt.ok && attempt.attempt.report?.total.percent).toBe(100);

    const reloaded = await boot(storage);
    expect(reloaded.store.getState().history[0]?.percent).toBe(100);
    reloaded.controller.openHistory(reloaded.store.getState().history[0]!.id);
    expect(reloaded.store.getState().debrief?.report.total.percent).toBe(100);
    await reloaded.controller.openScenario('acme-chemical');
    expect(reloaded.store.getState().screen).toBe('briefing');
  });

  it('shows an attempt played on a version this browser does not have with the score given then, and says which version it was', async () => {
    const { controller, frames, storage } = await boot();
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    controller.act({ type: 'announce-role' });
    frames.run(2000);
    await controller.finish();
    const [stored] = JSON.parse(storage.getItem('bridge-drill:history:v2') ?? '[]') as { scenario: { sha256: string; version: string }; report: { scenario: { sha256: string }; total: { percent: number } } }[];
    if (!stored) throw new Error('the attempt was not stored');
    const older = 'a'.repeat(64);
    stored.scenario.sha256 = older;
    stored.report.scenario.sha256 = older;
    stored.report.total.percent = 99;
    storage.setItem('bridge-drill:history:v2', JSON.stringify([stored]));

    const reloaded = await boot(storage);
    reloaded.controller.openHistory(reloaded.store.getState().history[0]!.id);
    expect(reloaded.store.getState().screen).toBe('debrief');
    expect(reloaded.store.getState().debrief?.report.total.percent).toBe(99);
    expect(reloaded.store.getState().notice).toMatch(/^This attempt was played on acme-chemical 1\.1\.1 \(sha256 aaaaaaaa…\); this browser has acme-chemical 1\.1\.1 \(sha256 [0-9a-f]{8}…\) instead\. The score shown is the one given then/);
  });

  it('runs out the clock into the debrief when the scenario time ends', async () => {
    const { store, controller, frames } = await boot();
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    controller.setSpeed(10);
    const end = play(store).compiled.clock.lengthMs;
    frames.run(end / 10 + 1000);
    expect(store.getState().screen).toBe('debrief');
    expect(store.getState().debrief?.report.ending?.id).toBe('bridge-lost');
  });

  it('sets an unreadable saved session aside, says so, and offers a fresh start', async () => {
    const storage = new MemoryStorage();
    storage.setItem('bridge-drill:session:v1:acme-chemical', '{"version":1,"scenario":"acme-chemical","actions":[{"at":"99:00"}]}');
    const { store, controller } = await boot(storage);
    await controller.openScenario('acme-chemical');
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().notice).toMatch(/could not be resumed/);
    expect(storage.getItem('bridge-drill:session:v1:acme-chemical:unreadable')).toContain('99:00');
    expect(storage.getItem('bridge-drill:session:v1:acme-chemical')).toBeNull();
  });

  it('sets aside a saved session whose actions no longer fit the scenario', async () => {
    const storage = new MemoryStorage();
    const session = { version: 1, scenario: 'acme-chemical', playbook: 'itil-major-incident', mode: 'exam', speed: 1, now: 60_000, actions: [{ at: '02:46:10', type: 'mute', participant: 'ghost' }] };
    storage.setItem('bridge-drill:session:v1:acme-chemical', JSON.stringify(session));
    const { store, controller } = await boot(storage);
    await controller.openScenario('acme-chemical');
    expect(store.getState().notice).toMatch(/ghost/);
    expect(storage.getItem('bridge-drill:session:v1:acme-chemical:unreadable')).toContain('ghost');
  });

  it('keeps playing and warns once, not every second, when the browser refuses to save', async () => {
    const { store, controller, frames, storage } = await boot();
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    storage.failWrites = true;
    expect(controller.act({ type: 'roll-call' })).toEqual({ ok: true });
    await controller.saved();
    expect(store.getState().notice).toMatch(/storage is full/);
    controller.dismissNotice();
    frames.run(5000);
    await controller.saved();
    expect(play(store).sim.now).toBe(5000);
    expect(store.getState().notice).toBeNull();
  });

  it('keeps the session when the finished attempt cannot be added to the history', async () => {
    const { store, controller, frames, storage } = await boot();
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    controller.act({ type: 'announce-role' });
    frames.run(3000);
    await controller.saved();
    storage.failWrites = true;
    await controller.finish();
    expect(store.getState().screen).toBe('debrief');
    expect(store.getState().notice).toMatch(/could not be added to your history/);
    expect(storage.getItem('bridge-drill:session:v2:acme-chemical')).toContain('announce-role');
  });

  it('sets unreadable history entries aside and keeps the rest', async () => {
    const { scenario, playbook } = loadAcme();
    const good = { id: 'a', scenarioId: 'acme-chemical', scenarioTitle: 'Acme', finishedAt: 1_700_000_000_000, mode: 'exam', percent: 42, passed: false, log: goldenLog('partial', scenario, playbook) };
    const farFuture = { ...good, id: 'b', finishedAt: 1e20 };
    const storage = new MemoryStorage();
    storage.setItem('bridge-drill:history:v1', JSON.stringify([good, farFuture, 'junk']));
    const { store } = await boot(storage);
    expect(store.getState().history.map((entry) => entry.id)).toEqual(['a']);
    expect(store.getState().notice).toMatch(/2 entries of your local history could not be read and have been set aside/);
    expect(JSON.parse(storage.getItem('bridge-drill:history:v1:unreadable') ?? '[]')).toEqual([farFuture, 'junk']);
    // An older entry names no version, so it stays as it was, listed and read-only; nothing is made up for it.
    expect(JSON.parse(storage.getItem('bridge-drill:history:v1') ?? '[]')).toEqual([good]);
    expect(storage.getItem('bridge-drill:history:v2')).toBeNull();

    const notAList = new MemoryStorage();
    notAList.setItem('bridge-drill:history:v1', '{"a":1}');
    expect((await boot(notAList)).store.getState().notice).toMatch(/history could not be read, so it has been set aside/);
    expect(notAList.getItem('bridge-drill:history:v1:unreadable')).toBe('{"a":1}');
  });

  it('lists what is due in coach mode and nothing in exam mode', async () => {
    const coach = await boot();
    await coach.controller.openScenario('acme-chemical');
    coach.controller.start('coach');
    coach.controller.setSpeed(10);
    coach.frames.run(16_000);
    const items = play(coach.store).coach;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.reference.startsWith('itil-major-incident §'))).toBe(true);
    expect(items.some((item) => item.status === 'overdue' || item.status === 'due')).toBe(true);

    const exam = await boot();
    await exam.controller.openScenario('acme-chemical');
    exam.controller.start('exam');
    exam.frames.run(16_000);
    expect(play(exam.store).coach).toEqual([]);
  });
});

/** A storage port that answers after a few milliseconds, as IndexedDB or a server would. */
function slowPort(storage: MemoryStorage): StoragePort {
  const port = keyValueStoragePort(storage);
  const later = <T>(work: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => work().then(resolve, reject), 5));
  return { read: (key) => later(() => port.read(key)), write: (key, value) => later(() => port.write(key, value)), remove: (key) => later(() => port.remove(key)), keys: (prefix) => later(() => port.keys(prefix)) };
}

describe('session controller on a slow storage port', () => {
  it('does not bring back a session that was just finished, and keeps the mark of one started after it', async () => {
    const storage = new MemoryStorage();
    const store = createAppStore();
    const frames = new ManualFrames();
    const controller = createAppController({ store, catalog, storage: slowPort(storage), frames: frames.loop, wallClock: () => 1_700_000_000_000, newId: sequentialIds() });
    await controller.ready;
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    controller.act({ type: 'roll-call' });
    frames.run(2000);
    await controller.saved();
    expect(storage.getItem('bridge-drill:session:v2:acme-chemical')).toContain('roll-call');
    const finished = controller.finish();
    const again = controller.openScenario('acme-chemical');
    await Promise.all([finished, again]);
    expect(store.getState().screen).toBe('briefing');
    controller.start('coach');
    await controller.saved();
    expect(store.getState().inProgress).toEqual(['acme-chemical']);
    expect(store.getState().history).toHaveLength(1);
  });

  it('boots with a history entry dated past the year 9999 set aside, not crashed on', async () => {
    const storage = new MemoryStorage();
    const { scenario, playbook } = loadAcme();
    storage.setItem('bridge-drill:history:v1', JSON.stringify([{ id: 'far', scenarioId: 'acme-chemical', scenarioTitle: 'Acme', finishedAt: 9e14, mode: 'exam', percent: 1, passed: false, log: goldenLog('partial', scenario, playbook) }]));
    const { store, controller } = await boot(storage);
    expect(store.getState().history).toEqual([]);
    expect(store.getState().notice).toMatch(/One entry of your local history could not be read/);
    await controller.openScenario('acme-chemical');
    expect(store.getState().screen).toBe('briefing');
  });
});
