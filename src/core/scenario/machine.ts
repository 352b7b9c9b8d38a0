import { assign, setup } from 'xstate';
import type { Action } from '../actions/action.ts';
import type { Expr } from '../expr/schema.ts';
import { advance, perform } from '../session/step.ts';
import { draftOf, type SimState } from '../session/state.ts';
import type { ScenarioRuntime } from './compiled.ts';

/** The machine's context holds the simulation state behind one key, so each update copies one small object. */
export interface SimContext {
  readonly sim: SimState;
}

export type SimEvent =
  | { readonly type: 'TICK'; readonly to: number }
  | { readonly type: 'ACT'; readonly action: Action; readonly index: number }
  | { readonly type: 'END' };

/**
 * Builds the XState machine for a scenario: one state per phase, one final state per ending.
 * Implementations are named in setup() and referred to by name, with data as params.
 */
export function createSimMachine(runtime: ScenarioRuntime) {
  const { scenario } = runtime;
  const machineSetup = setup({
    types: {
      context: {} as SimContext,
      events: {} as SimEvent,
      input: {} as SimState,
    },
    guards: {
      holds: ({ context }, params: { expr: Expr }) => runtime.predicate(params.expr)(context.sim),
      /**
       * A transition's condition, but never more phase changes in one instant than there are phases:
       * lint refuses loops that could spin, and this keeps the engine safe even if one slipped through.
       */
      movesOn: ({ context }, params: { expr: Expr }) => phaseChangesNow(context.sim) <= scenario.phases.length && runtime.predicate(params.expr)(context.sim),
    },
    actions: {
      advanceClock: assign(({ context, event }) => {
        if (event.type !== 'TICK') return context;
        const draft = draftOf(context.sim);
        advance(draft, event.to, runtime);
        return { sim: draft };
      }),
      performAction: assign(({ context, event }) => {
        if (event.type !== 'ACT') return context;
        const draft = draftOf(context.sim);
        perform(draft, event.action, event.index, runtime);
        return { sim: draft };
      }),
      enterPhase: assign(({ context: { sim } }, params: { phase: string; title: string }) => ({
        sim: { ...sim, phase: params.phase, transcript: [...sim.transcript, { at: sim.now, kind: 'phase' as const, text: params.title, source: params.phase }] },
      })),
      reachEnding: assign(({ context: { sim } }, params: { ending: string; title: string }) => ({
        sim: { ...sim, ending: params.ending, transcript: [...sim.transcript, { at: sim.now, kind: 'ending' as const, text: params.title, source: params.ending }] },
      })),
    },
  });

  const atClockEnd = scenario.endings.map((ending) =>
    ending.when === undefined
      ? { target: `#${ending.id}` }
      : { target: `#${ending.id}`, guard: { type: 'holds' as const, params: { expr: ending.when } } },
  );

  const states: Record<string, object> = {};
  for (const phase of scenario.phases) {
    states[phase.id] = {
      id: phase.id,
      entry: { type: 'enterPhase', params: { phase: phase.id, title: phase.title } },
      always: (phase.next ?? []).map((transition) => ({
        target: `#${transition.to}`,
        guard: { type: 'movesOn', params: { expr: transition.when } },
      })),
      on: {
        TICK: { actions: 'advanceClock' },
        ACT: { actions: 'performAction' },
        END: atClockEnd,
      },
    };
  }
  for (const ending of scenario.endings) {
    states[ending.id] = {
      id: ending.id,
      type: 'final',
      entry: { type: 'reachEnding', params: { ending: ending.id, title: ending.title } },
    };
  }

  return machineSetup.createMachine({
    id: scenario.id,
    context: ({ input }) => ({ sim: input }),
    initial: scenario.phases[0]?.id ?? '',
    states: states as never,
  });
}

export type SimMachine = ReturnType<typeof createSimMachine>;

/** How many times the run has entered a phase at the current instant. */
function phaseChangesNow(sim: SimState): number {
  let count = 0;
  for (let i = sim.transcript.length - 1; i >= 0; i--) {
    const entry = sim.transcript[i]!;
    if (entry.at < sim.now) break;
    if (entry.kind === 'phase') count++;
  }
  return count;
}
