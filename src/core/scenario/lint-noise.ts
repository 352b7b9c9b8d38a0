import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { Expr } from '../expr/schema.ts';
import { walkExpr } from '../expr/walk.ts';
import type { JsonDocument } from '../json/source.ts';
import { effectSites } from './expr-sites.ts';
import type { Scenario } from './schema.ts';

/** Words of a line that complains about noise on the call. */
export const NOISE_COMPLAINT = /\b(mute|loud|blaring|can't hear|cannot hear|television|kids|barking|noisy|background noise)\b/i;

const dependsOnNoise = (expr: Expr | undefined): boolean => {
  let found = false;
  if (expr !== undefined) walkExpr(expr, (node) => (found ||= typeof node === 'object' && 'noisy' in node));
  return found;
};

/**
 * A line that complains about noise must depend on the noise still being heard ({"noisy": id}),
 * or it is said after the trainee muted the line, which tells them their action did nothing.
 */
export function noiseComplaintDiagnostics(doc: JsonDocument, scenario: Scenario): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const noisy = new Set(scenario.cast.filter((person) => person.noise !== undefined || person.noisyLine).map((person) => person.id));
  const check = (speaker: string, text: string, conditions: readonly (Expr | undefined)[], path: JsonPath) => {
    if (noisy.has(speaker) || !NOISE_COMPLAINT.test(text) || /\bthank/i.test(text) || conditions.some(dependsOnNoise)) return;
    diagnostics.push(
      doc.diagnostic('warning', 'W_NOISE_COMPLAINT_UNGUARDED', 'this line complains about noise but does not depend on it: add "when": {"noisy": "<participant>"} so nobody complains after the trainee muted the line', [...path, 'text']),
    );
  };
  scenario.timeline.forEach((beat, i) => {
    if (beat.type === 'say') check(beat.speaker, beat.text, [beat.when], ['timeline', i]);
  });
  for (const { effect, path } of effectSites(scenario)) {
    if (effect.type !== 'say') continue;
    // The owner's condition is tested when it fires, so it only vouches for a line said at once.
    const ownerWhen = path[0] === 'reactions' ? scenario.reactions?.[Number(path[1])]?.when : path[0] === 'branches' ? scenario.branches?.[Number(path[1])]?.when : undefined;
    const owner = effect.in === undefined ? ownerWhen : undefined;
    check(effect.speaker, effect.text, [effect.when, owner], path);
  }
  return diagnostics;
}
