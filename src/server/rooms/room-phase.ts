import { createActor, setup, type Actor } from 'xstate';
import type { RoomPhase } from '../../classroom/messages.ts';

/**
 * A classroom's lifecycle: lobby → running ⇄ paused → ended. A room restored after a restart starts where its
 * clock stood, paused if it was running, so nothing moves until the host resumes.
 */
export const roomPhaseMachine = setup({
  types: {
    events: {} as { type: 'START' } | { type: 'PAUSE' } | { type: 'RESUME' } | { type: 'END' },
    input: {} as { readonly restoredAs: RoomPhase },
  },
  guards: {
    restoredRunning: ({ context }) => context.restoredAs === 'running' || context.restoredAs === 'paused',
    restoredEnded: ({ context }) => context.restoredAs === 'ended',
  },
}).createMachine({
  id: 'classroom',
  context: ({ input }) => input,
  initial: 'restoring',
  states: {
    restoring: { always: [{ target: 'ended', guard: 'restoredEnded' }, { target: 'paused', guard: 'restoredRunning' }, { target: 'lobby' }] },
    lobby: { on: { START: 'running', END: 'ended' } },
    running: { on: { PAUSE: 'paused', END: 'ended' } },
    paused: { on: { RESUME: 'running', END: 'ended' } },
    ended: { type: 'final' },
  },
});

export type RoomPhaseActor = Actor<typeof roomPhaseMachine>;

export function startRoomPhase(restoredAs: RoomPhase): RoomPhaseActor {
  const actor = createActor(roomPhaseMachine, { input: { restoredAs } });
  actor.start();
  return actor;
}

export function roomPhase(actor: RoomPhaseActor): RoomPhase {
  return actor.getSnapshot().value as RoomPhase;
}
