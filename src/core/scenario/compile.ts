import { compileExpr, compileMatcher, type Predicate } from '../expr/evaluate.ts';
import type { Expr } from '../expr/schema.ts';
import { timesIn } from '../expr/walk.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { ParticipantState, SimState } from '../session/state.ts';
import { ScenarioClock } from '../time.ts';
import type { CompiledDecision, CompiledScenario, ScenarioRuntime, TimedBeat } from './compiled.ts';
import { exprSites } from './expr-sites.ts';
import { createSimMachine } from './machine.ts';
import type { Scenario } from './schema.ts';

const compiledCache = new WeakMap<Scenario, WeakMap<Playbook, CompiledScenario>>();

/**
 * Compiles a validated scenario and playbook into a runnable form and its XState machine.
 * Call only with inputs that passed validation: references and times are trusted here.
 */
export function compileScenario(scenario: Scenario, playbook: Playbook): CompiledScenario {
  let byPlaybook = compiledCache.get(scenario);
  const cached = byPlaybook?.get(playbook);
  if (cached) return cached;
  const runtime = buildRuntime(scenario, playbook);
  const compiled: CompiledScenario = { ...runtime, machine: createSimMachine(runtime) };
  if (!byPlaybook) compiledCache.set(scenario, (byPlaybook = new WeakMap()));
  byPlaybook.set(playbook, compiled);
  return compiled;
}

function buildRuntime(scenario: Scenario, playbook: Playbook): ScenarioRuntime {
  const clock = new ScenarioClock(scenario.clock);
  const predicates = new WeakMap<object, Predicate>();
  const bridgePurpose = new Map(scenario.bridges.map((bridge) => [bridge.id, bridge.purpose]));
  const context = { clock, bridgePurpose };
  const predicate = (expr: Expr): Predicate => {
    if (typeof expr === 'boolean') return () => expr;
    let compiled = predicates.get(expr);
    if (!compiled) predicates.set(expr, (compiled = compileExpr(expr, context)));
    return compiled;
  };
  const optional = (expr: Expr | undefined) => (expr === undefined ? undefined : predicate(expr));

  const beats: TimedBeat[] = scenario.timeline
    .map((beat, order) => {
      const { id, at, when, note: _note, ...effect } = beat;
      return { id, atMs: clock.toOffset(at) ?? 0, when: optional(when), effect, order };
    })
    .sort((a, b) => a.atMs - b.atMs || a.order - b.order)
    .map(({ order: _order, ...beat }) => beat as TimedBeat);

  const wakeTimes = [...new Set(exprSites(scenario).flatMap((site) => timesIn(site.expr)).map((time) => clock.toOffset(time) ?? 0))].sort((a, b) => a - b);

  const decisions = new Map<string, CompiledDecision>(
    (scenario.decisions ?? []).map((decision) => [
      decision.id,
      { id: decision.id, when: optional(decision.when), options: new Map(decision.options.map((option) => [option.id, option.do ?? []])) },
    ]),
  );

  const mainBridge = scenario.bridges[0]?.id ?? 'main';
  const participants: Record<string, ParticipantState> = {};
  for (const person of scenario.cast) {
    participants[person.id] = {
      present: person.present ?? true,
      muted: false,
      noise: person.noisyLine && person.noise ? person.noise : null,
      bridge: mainBridge,
    };
  }
  const bridges: Record<string, boolean> = {};
  scenario.bridges.forEach((bridge, index) => (bridges[bridge.id] = index === 0 || bridge.open === true));

  const initialState: SimState = {
    now: 0,
    phase: scenario.phases[0]?.id ?? '',
    ending: null,
    vars: { ...(scenario.variables ?? {}) },
    participants,
    bridges,
    level: null,
    classification: null,
    escalations: [],
    decisions: {},
    fired: {},
    cancelled: {},
    actions: [],
    pending: [],
    nextBeat: 0,
    seq: 0,
    nextUpdateDue: null,
    transcript: [],
  };

  return {
    scenario,
    playbook,
    clock,
    mainBridge,
    beats,
    wakeTimes,
    participants: new Map(scenario.cast.map((person) => [person.id, person])),
    bridges: new Map(scenario.bridges.map((bridge) => [bridge.id, bridge])),
    bridgePurpose,
    decisions,
    reactions: (scenario.reactions ?? []).map((reaction) => ({
      id: reaction.id,
      on: compileMatcher(reaction.on, bridgePurpose),
      when: optional(reaction.when),
      repeat: reaction.repeat === true,
      effects: reaction.do,
    })),
    branches: (scenario.branches ?? []).map((branch) => ({ id: branch.id, when: predicate(branch.when), effects: branch.do })),
    initialState,
    predicate,
  };
}
