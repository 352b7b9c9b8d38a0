import { createActor, setup, type Actor } from 'xstate';

/**
 * A session's lifecycle: briefing → running ⇄ paused → finished. The engine inside a session is a
 * plain reducer; this is the part that is a real state machine, shared by every shell that runs
 * sessions so that none of them can, say, resume a finished exercise or act during the briefing.
 */
export const sessionLifecycle = setup({
  types: {
    events: {} as { type: 'START' } | { type: 'PAUSE' } | { type: 'RESUME' } | { type: 'FINISH' },
    input: {} as { readonly resumed: boolean },
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => input,
  initial: 'briefing',
  states: {
    briefing: {
      on: {
        START: [{ target: 'paused', guard: ({ context }) => context.resumed }, { target: 'running' }],
      },
    },
    running: { on: { PAUSE: 'paused', FINISH: 'finished' } },
    paused: { on: { RESUME: 'running', FINISH: 'finished' } },
    finished: { type: 'final' },
  },
});

export type LifecycleState = 'briefing' | 'running' | 'paused' | 'finished';
export type SessionLifecycle = Actor<typeof sessionLifecycle>;

/** Starts a lifecycle already past the briefing: running for a new session, paused for one restored from storage. */
export function startLifecycle(resumed: boolean): SessionLifecycle {
  const actor = createActor(sessionLifecycle, { input: { resumed } });
  actor.start();
  actor.send({ type: 'START' });
  return actor;
}

export function lifecycleState(actor: SessionLifecycle): LifecycleState {
  return actor.getSnapshot().value as LifecycleState;
}
