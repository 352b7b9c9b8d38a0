import type { Expr } from '../expr/schema.ts';
import type { CanFactResult, CanFeedback } from '../report/score-report.ts';
import { roundPoints } from '../report/score-report.ts';
import { CAN_SECTIONS, type CanFact, type CanRubric, type CanSection } from '../scenario/schema.ts';
import { assignBounded } from '../text/assign.ts';
import { saysNoNeeds, StatementMatcher } from '../text/normalize.ts';
import { nearDuplicatePairs } from './can-sections.ts';

export interface CanText {
  readonly conditions: string;
  readonly actions: string;
  readonly needs: string;
}

/** A fact's result; `contradicted` when the report stated a wrong version of it (its points are then negative). */
export interface CanFactGrade extends CanFactResult {
  readonly contradicted?: true;
}

export type CanGrade = Omit<CanFeedback, 'facts'> & { readonly facts: readonly CanFactGrade[]; readonly fraction: number };

const NONE: readonly number[] = Object.freeze([]);
const WRONG_SECTION_SHARE = 0.5;
const NO_NEEDS_POINTS = 2;
/** One clause (a sentence part with its own verb) supports at most this many facts. */
export const MAX_FACTS_PER_CLAUSE = 2;

/** The clauses of the three sections, numbered one after another so one assignment covers them all. */
class ReportClauses {
  readonly matchers: ReadonlyMap<CanSection, StatementMatcher>;
  private readonly offsets = new Map<CanSection, number>();
  private readonly sectionOfSlot: CanSection[] = [];
  private readonly found = new Map<CanFact, Map<CanSection, readonly number[]>>();

  constructor(report: CanText | undefined) {
    const matchers = new Map<CanSection, StatementMatcher>();
    for (const section of CAN_SECTIONS) {
      const matcher = new StatementMatcher(report?.[section] ?? '', { requireVerb: true, maxFactsPerClause: MAX_FACTS_PER_CLAUSE });
      matchers.set(section, matcher);
      this.offsets.set(section, this.sectionOfSlot.length);
      for (let i = 0; i < matcher.clauses.length; i += 1) this.sectionOfSlot.push(section);
    }
    this.matchers = matchers;
  }

  /**
   * Clauses of a section that state the fact. A request is often a noun phrase ("A decision on the rollback"),
   * so a needs fact needs no verb in the needs section; everything else does.
   */
  stating(fact: CanFact, section: CanSection): readonly number[] {
    let bySection = this.found.get(fact);
    if (!bySection) this.found.set(fact, (bySection = new Map()));
    let slots = bySection.get(section);
    if (!slots) bySection.set(section, (slots = this.find(fact, section)));
    return slots;
  }

  private find(fact: CanFact, section: CanSection): readonly number[] {
    const matcher = this.matchers.get(section);
    if (!matcher || matcher.isEmpty) return NONE;
    const requireVerb = !(section === 'needs' && fact.section === 'needs');
    const offset = this.offsets.get(section) ?? 0;
    let slots: Set<number> | undefined;
    for (const phrasing of fact.accept) {
      for (const index of matcher.clausesStating(phrasing, requireVerb)) (slots ??= new Set()).add(offset + index);
    }
    return slots === undefined ? NONE : [...slots].sort((a, b) => a - b);
  }

  /** Whether any section states a wrong version of the fact, in a clause with a verb. */
  contradicts(fact: CanFact): boolean {
    return (fact.contradicts ?? []).some((phrasing) => [...this.matchers.values()].some((matcher) => matcher.clausesStating(phrasing, true).length > 0));
  }

  sectionOf(slot: number | null): CanSection | null {
    return slot === null ? null : (this.sectionOfSlot[slot] ?? null);
  }

  tokenSets(): Map<CanSection, ReadonlySet<string>> {
    return new Map([...this.matchers].map(([section, matcher]) => [section, matcher.tokenSet()]));
  }
}

/**
 * Grades a CAN report against the rubric's facts.
 * - A fact is stated by a clause with a verb (a needs fact in the needs section excepted), in the polarity
 *   of one of its phrasings; a keyword list states nothing. One clause supports at most MAX_FACTS_PER_CLAUSE
 *   facts; facts are placed in their own section first, heavier facts first.
 * - A fact earns full points in its own section, half in another; half too when it is also found in a section
 *   that is a near-duplicate of its own (the same text pasted under two headings, see can-sections.ts).
 * - A fact whose wrong version is stated anywhere ("contradicts") earns minus its points; the total never
 *   goes below 0, so `fraction` stays in [0, 1].
 * - "No additional needs" earns the needs points when nothing is needed and the needs section says so.
 * Cost: each section's text is split and tokenised once (cached by text), each phrasing once; grading the
 * Acme report is a few hundred map lookups. To time it, call gradeCan(scenario.can, report, () => true, null).
 */
export function gradeCan(rubric: CanRubric, report: CanText | undefined, holds: (expr: Expr) => boolean, submittedAt: string | null): CanGrade {
  const clauses = new ReportClauses(report);
  const expected = rubric.facts.filter((fact) => fact.when === undefined || holds(fact.when));
  const contradicted = new Set(report === undefined ? [] : expected.filter((fact) => clauses.contradicts(fact)));
  const placed = placeFacts(expected.filter((fact) => !contradicted.has(fact)), clauses);
  const duplicates = nearDuplicatePairs(clauses.tokenSets());

  const facts: CanFactGrade[] = expected.map((fact) => {
    // Keys in the report's order: id, label, section, foundIn, points, max.
    if (contradicted.has(fact)) return { id: fact.id, label: fact.label, section: fact.section, foundIn: null, points: -fact.points, max: fact.points, contradicted: true };
    const foundIn = placed.get(fact) ?? null;
    const pasted = foundIn === fact.section && CAN_SECTIONS.some((other) => duplicates.has(`${fact.section}|${other}`) && clauses.stating(fact, other).length > 0);
    const share = foundIn === null ? 0 : foundIn === fact.section && !pasted ? 1 : WRONG_SECTION_SHARE;
    return { id: fact.id, label: fact.label, section: fact.section, foundIn, points: roundPoints(fact.points * share), max: fact.points };
  });
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
    fraction: possible === 0 ? 0 : Math.min(1, Math.max(0, earned / possible)),
  };
}

/**
 * Which section each fact is credited in: every fact that can be placed in its own section is (heavier facts
 * first), then the rest go to other sections, never pushing a placed fact out of its own section.
 */
function placeFacts(facts: readonly CanFact[], clauses: ReportClauses): Map<CanFact, CanSection> {
  const order = facts.map((fact, index) => ({ fact, index })).sort((a, b) => b.fact.points - a.fact.points || a.index - b.index).map(({ fact }) => fact);
  const home = order.map((fact) => clauses.stating(fact, fact.section));
  const anywhere = order.map((fact, i) => [...(home[i] ?? []), ...CAN_SECTIONS.filter((section) => section !== fact.section).flatMap((section) => clauses.stating(fact, section))]);
  const first = assignBounded(home, MAX_FACTS_PER_CLAUSE);
  const second = assignBounded(order.map((_, i) => (first[i] === null ? (anywhere[i] ?? []) : (home[i] ?? []))), MAX_FACTS_PER_CLAUSE, first);
  const placed = new Map<CanFact, CanSection>();
  order.forEach((fact, i) => {
    const section = clauses.sectionOf(second[i] ?? null);
    if (section !== null) placed.set(fact, section);
  });
  return placed;
}
