import type { ActResult, AppController } from '../../src/app/controller.ts';
import type { ActionIntent } from '../../src/app/intents.ts';
import type { FrameLoop } from '../../src/app/ports.ts';
import { createAppController, type RunningController } from '../../src/app/session-controller.ts';
import { createAppStore, type AppStore, type Mode, type PlayState } from '../../src/app/store.ts';
import type { Playbook } from '../../src/core/playbook/schema.ts';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { bundledPlaybooks, catalogWith, MemoryStorage, sequentialIds } from '../helpers.ts';

export function bundledPlaybook(id: string): Playbook {
  const playbook = bundledPlaybooks().get(id);
  if (!playbook) throw new Error(`no playbook ${id}`);
  return playbook;
}

/** A running Acme session on the real controller, with a clock the test moves by hand. */
export interface HudSession {
  readonly store: AppStore;
  /** The controller the panels are given: the real one, with every `act` call recorded. */
  readonly controller: AppController;
  readonly real: RunningController;
  readonly intents: ActionIntent[];
  play(): PlayState;
  /** Runs the clock at 10× until scenario time reaches `clock` (`HH:MM:SS`), then pauses it. */
  runTo(clock: string): void;
}

export function startAcme(options: { readonly mode?: Mode; readonly at?: string } = {}): HudSession {
  const catalog = catalogWith(['acme-chemical']);
  const scenario = catalog.scenarios[0]!.scenario;

  let onFrame: ((nowMs: number) => void) | null = null;
  const frames: FrameLoop = (callback) => {
    onFrame = callback;
    return () => {
      onFrame = null;
    };
  };
  const store = createAppStore();
  const real = createAppController({ store, catalog, storage: keyValueStoragePort(new MemoryStorage()), frames, wallClock: () => 1_700_000_000_000, newId: sequentialIds() });
  const intents: ActionIntent[] = [];
  const controller: AppController = {
    ...real,
    act(intent): ActResult {
      intents.push(intent);
      return real.act(intent);
    },
  };

  void real.openScenario(scenario.id);
  real.start(options.mode ?? 'coach');
  const play = (): PlayState => {
    const current = store.getState().play;
    if (!current) throw new Error('no session is running');
    return current;
  };

  let wall = 0;
  const runTo = (clock: string) => {
    const target = play().compiled.clock.toOffset(clock);
    if (target === undefined) throw new Error(`bad time ${clock}`);
    real.setSpeed(10);
    real.resume();
    onFrame?.(wall);
    while (onFrame && play().sim.now < target) {
      // One second of wall time per frame would be clamped; 100 ms at 10× is one scenario second.
      wall += 100;
      onFrame(wall);
    }
    real.pause();
  };
  if (options.at) runTo(options.at);
  return { store, controller, real, intents, play, runTo };
}

const mounted: { dispose(): void; element: HTMLElement }[] = [];

/** Puts a panel in the document, as the page does, so focus and visibility behave as in a browser. */
export function mount<T extends { dispose(): void; element: HTMLElement }>(panel: T): T {
  document.body.appendChild(panel.element);
  mounted.push(panel);
  return panel;
}

/** Call from afterEach: stops every mounted panel listening and empties the document. */
export function unmountAll(): void {
  for (const panel of mounted.splice(0)) panel.dispose();
  document.body.replaceChildren();
}

/** Types into a field the way a browser does: the value changes, then an input event fires. */
export function typeInto(field: HTMLElement, value: string): void {
  (field as HTMLInputElement).value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * A controller that only records what it is asked to do and accepts every action, for views of
 * states the real controller cannot reach (a playbook the bundled scenario was not written for).
 */
export function recordingController(intents: ActionIntent[]): AppController {
  const ignore = () => {};
  const ignoreLater = async () => {};
  return {
    openScenario: ignoreLater, start: ignore, replayFrom: ignore, pause: ignore, resume: ignore, setSpeed: ignore,
    act(intent) {
      intents.push(intent);
      return { ok: true };
    },
    viewBridge: ignore, focusParticipant: ignore, finish: ignoreLater, abandon: ignoreLater, openHistory: ignoreLater, openRecord: ignoreLater, closeScenario: ignore, carryOn: async () => false, openFile: ignoreLater, forgetOpenedFile: ignoreLater, openAuthoring: ignore,
    setVolume: ignore, setAudioMuted: ignore, dismissNotice: ignore, persist: ignore,
  };
}
