import type { Expr } from '../expr/schema.ts';
import type { CanFeedback, CanFactResult } from '../report/score-report.ts';
import { roundPoints } from '../report/score-report.ts';
import { CAN_SECTIONS, type CanRubric, type CanSection } from '../scenario/schema.ts';
import { PhraseMatcher, saysNoNeeds } from '../text/normalize.ts';

export interface CanText {
  readonly conditions: string;
  readonly actions: string;
  readonly needs: string;
}

const WRONG_SECTION_SHARE = 0.5;
/** A fact repeated in every section is keyword stuffing, not reporting: it earns what a misfiled fact earns. */
const STUFFED_SHARE = 0.5;
const NO_NEEDS_POINTS = 2;

/**
 * Grades a CAN report against the rubric's facts. A fact earns full points in its own section,
 * half in another; "no additional needs" earns the needs points when nothing else is needed.
 */
export function gradeCan(rubric: CanRubric, report: CanText | undefined, holds: (expr: Expr) => boolean, submittedAt: string | null): CanFeedback & { fraction: number } {
  const matchers = Object.fromEntries(CAN_SECTIONS.map((section) => [section, new PhraseMatcher(report?.[section] ?? '')])) as Record<CanSection, PhraseMatcher>;
  const facts: CanFactResult[] = [];
  for (const fact of rubric.facts) {
    if (fact.when !== undefined && !holds(fact.when)) continue;
    const foundIn = (section: CanSection) => fact.accept.some((phrasing) => matchers[section].matches(phrasing));
    const home = report !== undefined && foundIn(fact.section);
    const others = report === undefined ? [] : CAN_SECTIONS.filter((section) => section !== fact.section && foundIn(section));
    const share = home ? (others.length === CAN_SECTIONS.length - 1 ? STUFFED_SHARE : 1) : others.length > 0 ? WRONG_SECTION_SHARE : 0;
    facts.push({
      id: fact.id,
      label: fact.label,
      section: fact.section,
      foundIn: home ? fact.section : (others[0] ?? null),
      points: roundPoints(fact.points * share),
      max: fact.points,
    });
  }
  const needsExpected = facts.some((fact) => fact.section === 'needs');
  if (!needsExpected && rubric.noAdditionalNeeds !== undefined && holds(rubric.noAdditionalNeeds)) {
    const said = report !== undefined && saysNoNeeds(report.needs);
    facts.push({ id: 'no-additional-needs', label: 'No additional needs', section: 'needs', foundIn: said ? 'needs' : null, points: said ? NO_NEEDS_POINTS : 0, max: NO_NEEDS_POINTS });
  }
  const earned = facts.reduce((sum, fact) => sum + fact.points, 0);
  const possible = facts.reduce((sum, fact) => sum + fact.max, 0);
  return {
    submittedAt,
    facts,
    found: facts.filter((fact) => fact.foundIn !== null).map((fact) => fact.id),
    missed: facts.filter((fact) => fact.foundIn === null).map((fact) => fact.id),
    fraction: possible === 0 ? 0 : earned / possible,
  };
}
