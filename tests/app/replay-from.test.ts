import { describe, expect, it } from 'vitest';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { replayStart } from '../../src/app/replay-from.ts';
import { createAppController } from '../../src/app/session-controller.ts';
import { createAppStore } from '../../src/app/store.ts';
import { gradeSession } from '../../src/core/scoring/grade.ts';
import { ScenarioClock } from '../../src/core/time.ts';
import { catalogWith, MemoryStorage, sequentialIds } from '../helpers.ts';
import { scenarioHarness } from '../scenarios/harness.ts';

const ID = 'mim-day-slowness';
const { scenario, playbook, journey } = scenarioHarness(ID);
const clock = new ScenarioClock(scenario.clock);

function finished() {
  const log = journey('weak');
  const { report, final } = gradeSession(scenario, playbook, log);
  return { scenario, playbook, log, report, final, mode: 'exam' as const, finishedAt: 1_700_000_000_000 };
}

describe('replaying a finished attempt from a moment', () => {
  it('keeps the actions taken before the moment and leaves the one at it to take again', () => {
    const debrief = finished();
    const moment = debrief.log.actions[3]!;
    const start = replayStart(debrief, clock.offsetOf(moment.at));
    expect(start.scenarioId).toBe(ID);
    expect(start.at).toBe(clock.offsetOf(moment.at));
    expect(start.actions).toEqual(debrief.log.actions.filter((action) => action.at < moment.at));
    expect(start.actions).not.toContain(moment);
  });

  it('opens the call at that moment as a new coach attempt, with those actions in its log, and keeps it as a session in progress', async () => {
    const store = createAppStore();
    const controller = createAppController({
      store,
      catalog: catalogWith([ID]),
      storage: keyValueStoragePort(new MemoryStorage()),
      frames: () => () => {},
      wallClock: () => 1_700_000_000_000,
      newId: sequentialIds(),
    });
    await controller.ready;
    const start = replayStart(finished(), clock.offsetOf('09:18:00'));
    expect(start.actions.length).toBeGreaterThan(0);

    controller.replayFrom(start);
    const play = store.getState().play;
    expect(store.getState().screen).toBe('play');
    expect(play?.mode).toBe('coach');
    expect(play?.paused).toBe(false);
    expect(play?.sim.now).toBe(start.at);
    expect(play?.actions).toEqual(start.actions);
    expect(store.getState().inProgress).toEqual([ID]);
    controller.dispose();
  });

  it('does nothing for a scenario this browser does not have', async () => {
    const store = createAppStore();
    const controller = createAppController({ store, catalog: catalogWith([ID]), storage: keyValueStoragePort(new MemoryStorage()), frames: () => () => {}, wallClock: () => 0, newId: sequentialIds() });
    await controller.ready;
    controller.replayFrom({ scenarioId: 'no-such-scenario', at: 0, actions: [] });
    expect(store.getState().play).toBeNull();
  });
});
