import { compileExpr, compileMatcher, type Predicate } from '../expr/evaluate.ts';
import type { Expr } from '../expr/schema.ts';
import { timesIn } from '../expr/walk.ts';
import type { Playbook } from '../playbook/schema.ts';
import { initialSimState } from '../session/initial-state.ts';
import { durationMs, ScenarioClock } from '../time.ts';
import type { CompiledDecision, CompiledScenario, TimedBeat, TimedEffect, TimedExpectation } from './compiled.ts';
import { exprSites } from './expr-sites.ts';
import { resolveRubric } from './rubric-templates.ts';
import type { Effect, Expectation, Scenario } from './schema.ts';

const compiledCache = new WeakMap<Scenario, WeakMap<Playbook, CompiledScenario>>();

/** A participant answers a page after two minutes unless the scenario says otherwise. */
const DEFAULT_PAGE_ANSWER_MS = 2 * 60 * 1000;

/**
 * Compiles a validated scenario and playbook into a runnable form, resolving every clock time and
 * duration to milliseconds once. Call only with inputs that passed validation: a malformed time
 * here is a programming error and throws.
 */
export function compileScenario(scenario: Scenario, playbook: Playbook): CompiledScenario {
  let byPlaybook = compiledCache.get(scenario);
  const cached = byPlaybook?.get(playbook);
  if (cached) return cached;
  const compiled = buildCompiled(scenario, playbook);
  if (!byPlaybook) compiledCache.set(scenario, (byPlaybook = new WeakMap()));
  byPlaybook.set(playbook, compiled);
  return compiled;
}

function timedEffect(effect: Effect): TimedEffect {
  return { ...effect, delayMs: effect.in === undefined ? 0 : durationMs(effect.in) };
}

function timedExpectation(expectation: Expectation, clock: ScenarioClock): TimedExpectation {
  const deadline: { by?: string; within?: string } = expectation.kind === 'cadence' ? {} : expectation;
  return {
    expectation,
    dueAtMs: deadline.by === undefined ? undefined : clock.offsetOf(deadline.by),
    withinMs: deadline.within === undefined ? undefined : durationMs(deadline.within),
    lateWithinMs: expectation.kind === 'achieve' && expectation.late?.within !== undefined ? durationMs(expectation.late.within) : Infinity,
    everyMs: expectation.kind === 'cadence' ? durationMs(expectation.every) : 0,
  };
}

function buildCompiled(scenario: Scenario, playbook: Playbook): CompiledScenario {
  const clock = new ScenarioClock(scenario.clock);
  const rubric = resolveRubric(scenario, playbook);
  const problem = rubric.problems[0];
  if (problem) throw new RangeError(`scenario "${scenario.id}" cannot be graded under playbook "${playbook.id}": ${problem.message}; check references first`);
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
      return { id, atMs: clock.offsetOf(at), when: optional(when), effect: timedEffect(effect as Effect), order };
    })
    .sort((a, b) => a.atMs - b.atMs || a.order - b.order)
    .map(({ order: _order, ...beat }) => beat);

  const wakeTimes = [...new Set(exprSites(scenario, rubric).flatMap((site) => timesIn(site.expr)).map((time) => clock.offsetOf(time)))].sort((a, b) => a - b);

  const decisions = new Map<string, CompiledDecision>(
    (scenario.decisions ?? []).map((decision) => [
      decision.id,
      { id: decision.id, when: optional(decision.when), options: new Map(decision.options.map((option) => [option.id, (option.do ?? []).map(timedEffect)])) },
    ]),
  );

  return {
    scenario,
    playbook,
    clock,
    mainBridge: scenario.bridges[0]?.id ?? 'main',
    beats,
    wakeTimes,
    participants: new Map(scenario.cast.map((person) => [person.id, person])),
    pageAnswerMs: new Map(scenario.cast.map((person) => [person.id, person.answersPageIn === undefined ? DEFAULT_PAGE_ANSWER_MS : durationMs(person.answersPageIn)])),
    bridges: new Map(scenario.bridges.map((bridge) => [bridge.id, bridge])),
    bridgePurpose,
    decisions,
    reactions: (scenario.reactions ?? []).map((reaction) => ({
      id: reaction.id,
      on: compileMatcher(reaction.on, bridgePurpose),
      when: optional(reaction.when),
      repeat: reaction.repeat === true,
      effects: reaction.do.map(timedEffect),
    })),
    branches: (scenario.branches ?? []).map((branch) => ({ id: branch.id, when: predicate(branch.when), effects: branch.do.map(timedEffect) })),
    phases: new Map(scenario.phases.map((phase) => [phase.id, { phase, next: (phase.next ?? []).map((transition) => ({ to: transition.to, when: predicate(transition.when) })) }])),
    endings: scenario.endings.map((ending) => ({ ending, when: optional(ending.when) })),
    rubric: rubric.expectations.map((expectation) => timedExpectation(expectation, clock)),
    initialState: initialSimState(scenario),
    predicate,
  };
}
