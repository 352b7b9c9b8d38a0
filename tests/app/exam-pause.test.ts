import { describe, expect, it } from 'vitest';
import { EXAM_PAUSED_REFUSAL, pausedTimeLabel, pauseSummary } from '../../src/app/exam-pauses.ts';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { createAppController, type RunningController } from '../../src/app/session-controller.ts';
import { createAppStore, type AppStore, type Mode, type PlayState } from '../../src/app/store.ts';
import { catalogWith, MemoryStorage, sequentialIds } from '../helpers.ts';

const T0 = 1_700_000_000_000;
const catalog = catalogWith(['acme-chemical']);

/** A frame loop and a wall clock the test moves by hand, together, as time passes in the browser. */
class ManualTime {
  wall = T0;
  private listener: ((now: number) => void) | null = null;
  private frameNow = 0;
  readonly frames = (onFrame: (now: number) => void) => {
    this.listener = onFrame;
    onFrame(this.frameNow);
    return () => {
      if (this.listener === onFrame) this.listener = null;
    };
  };
  readonly wallClock = () => this.wall;
  /** Lets `ms` of real time pass, a frame every 100 ms. */
  run(ms: number): void {
    for (let t = 0; t < ms; t += 100) {
      this.frameNow += 100;
      this.wall += 100;
      this.listener?.(this.frameNow);
    }
  }
}

interface Booted {
  readonly store: AppStore;
  readonly controller: RunningController;
  readonly time: ManualTime;
  readonly storage: MemoryStorage;
  play(): PlayState;
}

async function boot(storage = new MemoryStorage(), time = new ManualTime()): Promise<Booted> {
  const store = createAppStore();
  const controller = createAppController({ store, catalog, storage: keyValueStoragePort(storage), frames: time.frames, wallClock: time.wallClock, newId: sequentialIds() });
  await controller.ready;
  const play = () => {
    const state = store.getState().play;
    if (!state) throw new Error('not playing');
    return state;
  };
  return { store, controller, time, storage, play };
}

async function started(mode: Mode): Promise<Booted> {
  const booted = await boot();
  await booted.controller.openScenario('acme-chemical');
  booted.controller.start(mode);
  booted.time.run(2_000);
  return booted;
}

describe('exam mode while the clock is paused', () => {
  it('refuses every action with a friendly reason, logs nothing, and accepts them again once resumed', async () => {
    const { controller, time, play } = await started('exam');
    controller.pause();
    time.run(30_000);
    expect(controller.act({ type: 'announce-role' })).toEqual({ ok: false, error: EXAM_PAUSED_REFUSAL });
    expect(controller.act({ type: 'note', text: 'Thinking while the clock is stopped' })).toEqual({ ok: false, error: EXAM_PAUSED_REFUSAL });
    expect(EXAM_PAUSED_REFUSAL).toMatch(/doesn’t wait in an exam.*resume/);
    expect(play().actions).toEqual([]);

    controller.resume();
    expect(controller.act({ type: 'announce-role' })).toEqual({ ok: true });
    expect(play().actions).toEqual([{ type: 'announce-role', at: '02:46:02' }]);
  });

  it('leaves switching bridges, focusing people and the speed free while paused', async () => {
    const { controller, play } = await started('exam');
    controller.pause();
    controller.focusParticipant('pete');
    controller.setSpeed(5);
    expect(play()).toMatchObject({ focusedParticipant: 'pete', speed: 5, paused: true });
  });

  it('refuses actions on a session restored after a reload until the trainee resumes it', async () => {
    const first = await started('exam');
    first.controller.act({ type: 'announce-role' });
    first.controller.persist();
    await first.controller.saved();

    const second = await boot(first.storage);
    await second.controller.openScenario('acme-chemical');
    expect(second.play().paused).toBe(true);
    expect(second.controller.act({ type: 'roll-call' })).toEqual({ ok: false, error: EXAM_PAUSED_REFUSAL });
    second.controller.resume();
    expect(second.controller.act({ type: 'roll-call' })).toEqual({ ok: true });
  });
});

describe('coach mode', () => {
  it('acts while paused, counts no pauses and keeps none with the attempt', async () => {
    const { controller, time, play, store } = await started('coach');
    controller.pause();
    time.run(10_000);
    expect(controller.act({ type: 'announce-role' })).toEqual({ ok: true });
    expect(play().actions).toHaveLength(1);
    expect(play().pauses).toBeUndefined();
    await controller.finish();
    expect(store.getState().debrief?.attempt?.pauses).toBeUndefined();
  });
});

describe('an exam’s pauses', () => {
  it('are counted and timed on the wall clock, the pause under way included, and kept with the finished attempt', async () => {
    const { controller, time, play, store } = await started('exam');
    expect(play().pauses).toEqual({ count: 0, totalMs: 0 });
    controller.pause();
    time.run(60_000);
    expect(play().pauses).toEqual({ count: 1, totalMs: 60_000 });
    controller.resume();
    time.run(5_000);
    controller.pause();
    time.run(40_000);
    controller.pause();
    expect(play().pauses).toEqual({ count: 2, totalMs: 100_000 });
    controller.resume();
    expect(pauseSummary(play().pauses!)).toBe('Paused 2× · 1 min 40 s');

    await controller.finish();
    const attempt = store.getState().debrief?.attempt;
    expect(attempt?.pauses).toEqual({ count: 2, totalMs: 100_000 });
    expect(store.getState().history).toHaveLength(1);
  });

  it('end a pause under way when the exam is ended from it', async () => {
    const { controller, time, store } = await started('exam');
    controller.pause();
    time.run(12_000);
    await controller.finish();
    expect(store.getState().debrief?.attempt?.pauses).toEqual({ count: 1, totalMs: 12_000 });
  });

  it('survive a reload: a pause under way carries on and the time away counts, without counting it twice', async () => {
    const first = await started('exam');
    first.controller.pause();
    first.time.run(20_000);
    first.controller.resume();
    first.time.run(3_000);
    first.controller.pause();
    first.time.run(10_000);
    first.controller.persist();
    await first.controller.saved();

    // The page is closed for a minute, then opened again.
    const later = new ManualTime();
    later.wall = first.time.wall + 60_000;
    const second = await boot(first.storage, later);
    await second.controller.openScenario('acme-chemical');
    expect(second.play().pauses).toEqual({ count: 2, totalMs: 90_000 });
    later.run(5_000);
    second.controller.resume();
    expect(second.play().pauses).toEqual({ count: 2, totalMs: 95_000 });
    await second.controller.finish();
    expect(second.store.getState().debrief?.attempt?.pauses).toEqual({ count: 2, totalMs: 95_000 });
  });

  it('count a reload of a running exam as a pause, since the restored session opens paused', async () => {
    const first = await started('exam');
    first.time.run(4_000);
    first.controller.persist();
    await first.controller.saved();

    const later = new ManualTime();
    later.wall = first.time.wall + 30_000;
    const second = await boot(first.storage, later);
    await second.controller.openScenario('acme-chemical');
    expect(second.play().pauses).toEqual({ count: 1, totalMs: 30_000 });
  });

  it('move on screen each second while the clock stands still', async () => {
    const { controller, time, play } = await started('exam');
    controller.pause();
    time.run(2_500);
    expect(play().pauses).toEqual({ count: 1, totalMs: 2_000 });
    const shown = play();
    time.run(300);
    expect(play()).toBe(shown);
    time.run(300);
    expect(play().pauses?.totalMs).toBe(3_000);
  });
});

describe('the paused time in words', () => {
  it('reads as seconds, minutes and hours, and says nothing before the first pause', () => {
    expect(pausedTimeLabel(0)).toBe('0 s');
    expect(pausedTimeLabel(40_999)).toBe('40 s');
    expect(pausedTimeLabel(60_000)).toBe('1 min');
    expect(pausedTimeLabel(100_000)).toBe('1 min 40 s');
    expect(pausedTimeLabel(2 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('2 h 5 min');
    expect(pauseSummary({ count: 0, totalMs: 0 })).toBeNull();
    expect(pauseSummary({ count: 1, totalMs: 5_000 })).toBe('Paused 1× · 5 s');
  });
});
