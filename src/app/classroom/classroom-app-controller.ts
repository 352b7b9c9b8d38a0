import type { ActionIntent } from '../../core/actions/intent.ts';
import { audioSettings } from '../audio-settings.ts';
import type { ActResult, AppController } from '../controller.ts';
import type { AppStore, PlayState } from '../store.ts';

/**
 * The app controller of a classroom page. The play screen and the debrief ask it what they ask of the solo
 * one, but the host paces the clock and ends the exercise, the server keeps every action, and there is no
 * picker or history to open: those requests do nothing. `act` goes to the room.
 */
export function classroomAppController(store: AppStore, act: (intent: ActionIntent) => ActResult): AppController {
  const updatePlay = (change: Partial<PlayState>) => {
    const current = store.getState().play;
    if (current) store.setState({ play: { ...current, ...change } });
  };
  const hostsIt = async () => {};
  return {
    openScenario: hostsIt,
    start: () => {},
    replayFrom: () => {},
    pause: () => {},
    resume: () => {},
    setSpeed: () => {},
    act,
    viewBridge(bridge) {
      if (store.getState().play?.sim.bridges[bridge]) updatePlay({ viewedBridge: bridge });
    },
    focusParticipant(participant) {
      const current = store.getState().play;
      if (current && (participant === null || current.compiled.participants.has(participant))) updatePlay({ focusedParticipant: participant });
    },
    finish: hostsIt,
    abandon: hostsIt,
    openFile: hostsIt,
    forgetOpenedFile: hostsIt,
    openAuthoring: () => {},
    openHistory: hostsIt,
    openRecord: hostsIt,
    closeScenario: () => {},
    carryOn: async () => false,
    ...audioSettings(store),
    dismissNotice: () => store.setState({ notice: null }),
    persist: () => {},
  };
}
