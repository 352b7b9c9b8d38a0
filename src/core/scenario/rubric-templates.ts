import type { JsonPath } from '../diagnostics.ts';
import type { Playbook, RubricTemplate } from '../playbook/schema.ts';
import { ExpectationSchema, isTemplateUse, type Expectation, type RubricEntry, type Scenario, type TemplateParam, type TemplateUse } from './schema.ts';

export interface RubricProblem {
  readonly code: 'E_UNKNOWN_TEMPLATE' | 'E_TEMPLATE';
  readonly message: string;
  readonly path: JsonPath;
}

export interface ResolvedRubric {
  /** One expectation per rubric entry, in file order; entries that could not be filled in are left out. */
  readonly expectations: readonly Expectation[];
  /** For each expectation, the index of the rubric entry it came from. */
  readonly entryIndex: readonly number[];
  readonly problems: readonly RubricProblem[];
}

const PLACEHOLDER = /\{([a-z][a-zA-Z0-9-]*)\}/g;
const WHOLE_PLACEHOLDER = /^\{([a-z][a-zA-Z0-9-]*)\}$/;

/** Placeholders that are not template parameters: `{time}` in a phrasing matches any time or duration. */
const WILDCARDS: ReadonlySet<string> = new Set(['time']);

const resolvedCache = new WeakMap<Scenario, WeakMap<Playbook, ResolvedRubric>>();

/**
 * The scenario's rubric as plain expectations under a playbook: items written out in full stay as
 * they are, and items that `use` a playbook rubric template are filled in from that template. The
 * same scenario resolved under another playbook follows that playbook's templates.
 */
export function resolveRubric(scenario: Scenario, playbook: Playbook): ResolvedRubric {
  let byPlaybook = resolvedCache.get(scenario);
  if (!byPlaybook) resolvedCache.set(scenario, (byPlaybook = new WeakMap()));
  let resolved = byPlaybook.get(playbook);
  if (!resolved) byPlaybook.set(playbook, (resolved = resolve(scenario.rubric, playbook)));
  return resolved;
}

/** The expectations written out in full, for checks that run before a playbook is known. */
export function inlineExpectations(scenario: Scenario): Expectation[] {
  return scenario.rubric.filter((entry): entry is Expectation => !isTemplateUse(entry));
}

function resolve(entries: readonly RubricEntry[], playbook: Playbook): ResolvedRubric {
  const expectations: Expectation[] = [];
  const entryIndex: number[] = [];
  const problems: RubricProblem[] = [];
  entries.forEach((entry, i) => {
    if (!isTemplateUse(entry)) {
      expectations.push(entry);
      entryIndex.push(i);
      return;
    }
    const filled = instantiate(entry, playbook, ['rubric', i]);
    if ('problem' in filled) problems.push(filled.problem);
    else {
      expectations.push(filled.expectation);
      entryIndex.push(i);
    }
  });
  return { expectations, entryIndex, problems };
}

type Filled = { readonly expectation: Expectation } | { readonly problem: RubricProblem };

function instantiate(use: TemplateUse, playbook: Playbook, path: JsonPath): Filled {
  const template = playbook.rubricTemplates?.find((candidate) => candidate.id === use.use);
  if (!template) {
    const known = (playbook.rubricTemplates ?? []).map((candidate) => candidate.id);
    const list = known.length === 0 ? 'it has none' : `it has ${known.map((id) => `"${id}"`).join(', ')}`;
    return { problem: { code: 'E_UNKNOWN_TEMPLATE', message: `playbook "${playbook.id}" has no rubric template "${use.use}" (${list})`, path: [...path, 'use'] } };
  }
  const params = paramsFor(use, template, playbook);
  if ('problem' in params) return { problem: { code: 'E_TEMPLATE', message: params.problem, path: [...path, 'with'] } };

  const { use: _use, with: _with, ...overrides } = use;
  const merged: Record<string, unknown> = { ...template.expectation, ...overrides };
  // The item's own deadline replaces the template's, whichever way either is written.
  if (overrides.by !== undefined && overrides.within === undefined) delete merged['within'];
  if (overrides.within !== undefined && overrides.by === undefined) delete merged['by'];
  scaleLateCredit(merged, template.expectation, overrides);
  const missing = new Set<string>();
  const filled = fill(merged, params.values, missing);
  if (missing.size > 0) {
    const names = [...missing].map((name) => `{${name}}`).join(', ');
    return { problem: { code: 'E_TEMPLATE', message: `rubric template "${template.id}" needs ${names}; give ${missing.size === 1 ? 'it' : 'them'} in "with"`, path: [...path, 'with'] } };
  }
  const parsed = ExpectationSchema.safeParse(filled);
  if (parsed.success) return { expectation: parsed.data };
  // A single phrasing given as text where the template wants a list of phrasings is read as a list of one.
  const asLists = new Map([...params.values].map(([name, value]) => [name, typeof value === 'string' ? [value] : value] as const));
  const retried = ExpectationSchema.safeParse(fill(merged, asLists, new Set()));
  if (retried.success) return { expectation: retried.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
  return { problem: { code: 'E_TEMPLATE', message: `rubric template "${template.id}" filled in with this item's values breaks the format${where}: ${issue?.message ?? 'invalid'}`, path } };
}

/**
 * When an item changes a template's points but not its late credit, the late credit keeps its share of
 * the points (a 14-point item with 7 late points, used for 7 points, gives 4 late points, rounded up).
 */
function scaleLateCredit(merged: Record<string, unknown>, template: Record<string, unknown>, overrides: Partial<TemplateUse>): void {
  const late = template['late'];
  const points = template['points'];
  if (overrides.points === undefined || overrides.late !== undefined || typeof points !== 'number' || points <= 0) return;
  if (late === null || typeof late !== 'object' || typeof (late as { points?: unknown }).points !== 'number') return;
  const latePoints = (late as { points: number }).points;
  merged['late'] = { ...late, points: Math.min(overrides.points - 1, Math.ceil((latePoints * overrides.points) / points)) };
}

/** The item's parameters plus the derived ones: the matrix level for its impact and urgency, and that level's update period. */
function paramsFor(use: TemplateUse, template: RubricTemplate, playbook: Playbook): { values: Map<string, TemplateParam> } | { problem: string } {
  const values = new Map<string, TemplateParam>(Object.entries(use.with ?? {}));
  const impact = values.get('impact');
  const urgency = values.get('urgency');
  if (!values.has('level') && typeof impact === 'string' && typeof urgency === 'string') {
    const cell = playbook.matrix?.find((candidate) => candidate.impact === impact && candidate.urgency === urgency);
    if (!cell) {
      return { problem: `playbook "${playbook.id}" has no priority for impact "${impact}" and urgency "${urgency}" in its matrix, which template "${template.id}" needs` };
    }
    values.set('level', cell.level);
  }
  const levelId = values.get('level');
  const level = playbook.levels.find((candidate) => candidate.id === levelId);
  if (level?.updateEveryMinutes !== undefined && !values.has('updateEvery')) values.set('updateEvery', minutesAsDuration(level.updateEveryMinutes));
  if (!values.has('updateEvery') && JSON.stringify(template.expectation).includes('{updateEvery}') && typeof levelId === 'string') {
    return { problem: `level "${levelId}" of playbook "${playbook.id}" has no update cadence (updateEveryMinutes), which template "${template.id}" needs; give "every" or use a level that has one` };
  }
  return { values };
}

function minutesAsDuration(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const hours = Math.floor(seconds / 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  const rest = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return hours > 0 ? `${pad(hours)}:${rest}` : rest;
}

/** Copies a template value with its placeholders filled; names with no value are collected in `missing`. */
function fill(value: unknown, params: ReadonlyMap<string, TemplateParam>, missing: Set<string>): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole) {
      const name = whole[1]!;
      const param = params.get(name);
      if (param === undefined) missing.add(name);
      return param ?? value;
    }
    return value.replace(PLACEHOLDER, (placeholder, name: string) => {
      const param = params.get(name);
      if (param === undefined) {
        if (!WILDCARDS.has(name)) missing.add(name);
        return placeholder;
      }
      return Array.isArray(param) ? param.join(', ') : String(param);
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, params, missing));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, params, missing)]));
  }
  return value;
}
