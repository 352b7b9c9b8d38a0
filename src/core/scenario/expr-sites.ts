import type { JsonPath } from '../diagnostics.ts';
import type { Expr } from '../expr/schema.ts';
import { isTemplateUse, type Expectation, type Scenario } from './schema.ts';
import type { ResolvedRubric } from './rubric-templates.ts';

export interface ExprSite {
  readonly expr: Expr;
  readonly path: JsonPath;
}

/**
 * The rubric's expectations with the index of the entry each comes from: resolved under a playbook
 * when one is given, otherwise only the items written out in full.
 */
export function rubricItems(scenario: Scenario, resolved?: ResolvedRubric): { readonly item: Expectation; readonly index: number }[] {
  if (resolved) return resolved.expectations.map((item, k) => ({ item, index: resolved.entryIndex[k] ?? k }));
  return scenario.rubric.flatMap((entry, index) => (isTemplateUse(entry) ? [] : [{ item: entry, index }]));
}

/** Every condition in a scenario, with the JSON path where it is written (the rubric resolved under a playbook, when given). */
export function exprSites(scenario: Scenario, resolved?: ResolvedRubric): ExprSite[] {
  const sites: ExprSite[] = [];
  const add = (expr: Expr | undefined, path: JsonPath) => {
    if (expr !== undefined) sites.push({ expr, path });
  };
  scenario.timeline.forEach((beat, i) => add(beat.when, ['timeline', i, 'when']));
  scenario.reactions?.forEach((reaction, i) => add(reaction.when, ['reactions', i, 'when']));
  scenario.branches?.forEach((branch, i) => add(branch.when, ['branches', i, 'when']));
  scenario.decisions?.forEach((decision, i) => add(decision.when, ['decisions', i, 'when']));
  scenario.phases.forEach((phase, i) => phase.next?.forEach((transition, j) => add(transition.when, ['phases', i, 'next', j, 'when'])));
  scenario.endings.forEach((ending, i) => add(ending.when, ['endings', i, 'when']));
  for (const { item, index: i } of rubricItems(scenario, resolved)) {
    add(item.trigger, ['rubric', i, 'trigger']);
    if ('expect' in item) add(item.expect, ['rubric', i, 'expect']);
    if (item.kind === 'cadence' || item.kind === 'achieve') add(item.until, ['rubric', i, 'until']);
  }
  for (const { effect, path } of effectSites(scenario)) add(effect.when, [...path, 'when']);
  const spoken = [...scenario.timeline.map((effect, i) => ({ effect, path: ['timeline', i] as JsonPath })), ...effectSites(scenario)];
  for (const { effect, path } of spoken) if (effect.type === 'say') add(effect.asks?.until, [...path, 'asks', 'until']);
  scenario.can?.facts.forEach((fact, i) => add(fact.when, ['can', 'facts', i, 'when']));
  add(scenario.can?.noAdditionalNeeds, ['can', 'noAdditionalNeeds']);
  return sites;
}

/** Every effect list in a scenario (reactions, branches, decision options), with its path. */
export function effectSites(scenario: Scenario): { effect: import('./schema.ts').Effect; path: JsonPath }[] {
  const sites: { effect: import('./schema.ts').Effect; path: JsonPath }[] = [];
  scenario.reactions?.forEach((reaction, i) => reaction.do.forEach((effect, j) => sites.push({ effect, path: ['reactions', i, 'do', j] })));
  scenario.branches?.forEach((branch, i) => branch.do.forEach((effect, j) => sites.push({ effect, path: ['branches', i, 'do', j] })));
  scenario.decisions?.forEach((decision, i) =>
    decision.options.forEach((option, j) => option.do?.forEach((effect, k) => sites.push({ effect, path: ['decisions', i, 'options', j, 'do', k] }))),
  );
  return sites;
}
