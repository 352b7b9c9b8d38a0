import type { Diagnostic, JsonPath } from './diagnostics.ts';
import type { JsonDocument } from './json/source.ts';
import { NameIndex, OUT_OF_STEPS, type Afford } from './near-names.ts';
import { AnalysisBudget } from './scenario/analysis-budget.ts';

/** Different unknown names of one kind that get a "did you mean": enough to show the pattern of a rename. */
export const SUGGESTIONS_PER_KIND = 50;
/** Steps of searching for near names every file may take, and more per character of the file. */
const FLOOR = 4_000_000;
const PER_CHAR = 16;

interface Skipped {
  /** Where the first name left without a suggestion is. */
  readonly path: JsonPath;
  count: number;
}

/**
 * "Did you mean" for the unknown names of one file. Each set of candidates is indexed once and each
 * unknown name looked up once; at most SUGGESTIONS_PER_KIND different names of one kind are looked
 * up, all within a step budget proportional to the file. A name past either limit is still reported,
 * only without a suggestion, and `limitDiagnostics` says where suggestions stopped and why.
 */
export class Suggestions {
  private readonly indexes = new Map<ReadonlySet<string>, NameIndex>();
  private readonly answers = new Map<ReadonlySet<string>, Map<string, string>>();
  private readonly lookedUp = new Map<string, number>();
  private readonly pastShare = new Map<string, Skipped>();
  private outOfSteps: Skipped | undefined;
  private readonly afford: Afford;

  constructor(
    private readonly doc: JsonDocument,
    readonly budget = new AnalysisBudget(FLOOR + PER_CHAR * doc.text.length),
  ) {
    this.afford = (steps) => budget.afford(steps);
  }

  /** "; did you mean …?" for an unknown `name` of `kind` ("participant"), found at `path`, or ''. */
  for(kind: string, name: string, candidates: ReadonlySet<string>, path: JsonPath): string {
    let answers = this.answers.get(candidates);
    if (!answers) this.answers.set(candidates, (answers = new Map()));
    const known = answers.get(name);
    if (known !== undefined) return known;
    const count = this.lookedUp.get(kind) ?? 0;
    if (count >= SUGGESTIONS_PER_KIND) {
      let skipped = this.pastShare.get(kind);
      if (!skipped) this.pastShare.set(kind, (skipped = { path, count: 0 }));
      return skip(skipped);
    }
    if (this.outOfSteps) return skip(this.outOfSteps);
    this.lookedUp.set(kind, count + 1);
    let index = this.indexes.get(candidates);
    if (!index) this.indexes.set(candidates, (index = new NameIndex(candidates)));
    const near = index.closest(name, this.afford);
    const found = near === undefined ? index.spelledOut(name, this.afford) : near;
    if (found === OUT_OF_STEPS) return skip((this.outOfSteps = { path, count: 0 }));
    const text = found === undefined ? '' : `; did you mean "${found}"?`;
    answers.set(name, text);
    return text;
  }

  /** A warning where suggestions stopped for each kind that had more names than its share, and where the budget ran out. */
  limitDiagnostics(): Diagnostic[] {
    const diagnostics = [...this.pastShare].map(([kind, skipped]) =>
      this.doc.diagnostic(
        'warning',
        'W_ANALYSIS_LIMIT',
        `no "did you mean" for this unknown ${kind}${more(skipped)}: only the first ${SUGGESTIONS_PER_KIND} different unknown names of one kind get one; each is still reported`,
        skipped.path,
      ),
    );
    if (this.outOfSteps) {
      diagnostics.push(
        this.doc.diagnostic(
          'warning',
          'W_ANALYSIS_LIMIT',
          `stopped looking for near names after ${this.budget.limit.toLocaleString('en')} steps, the limit for a file this size: no "did you mean" for this unknown name${more(this.outOfSteps)}; each is still reported`,
          this.outOfSteps.path,
        ),
      );
    }
    return diagnostics;
  }
}

function skip(skipped: Skipped): string {
  skipped.count++;
  return '';
}

const more = (skipped: Skipped) => (skipped.count > 1 ? ` and ${(skipped.count - 1).toLocaleString('en')} more` : '');
