import { describe, expect, it } from 'vitest';
import type { CanRubric } from '../../src/core/scenario/schema.ts';
import { gradeCan } from '../../src/core/scoring/can-grader.ts';
import { canonicalTokens, PhraseMatcher, saysNoNeeds } from '../../src/core/text/normalize.ts';

const rubric: CanRubric = {
  facts: [
    { id: 'login', section: 'conditions', label: 'Customers cannot log in', points: 2, accept: ['customers cannot log in'] },
    { id: 'since', section: 'conditions', label: 'Since 03:00', points: 1, accept: ['since 03:00'] },
    { id: 'rollback', section: 'actions', label: 'Rolling back', points: 2, accept: ['rolling back the release'] },
    { id: 'decision', section: 'needs', label: 'Rollback decision', points: 2, accept: ['decision on rollback'], when: { var: 'needs-decision' } },
  ],
  noAdditionalNeeds: true,
};
const holdsWhen = (needsDecision: boolean) => (expr: unknown) => (typeof expr === 'object' && expr !== null && 'var' in expr ? needsDecision : expr === true);

describe('text normalisation', () => {
  it('folds synonyms, word forms, numbers and times together', () => {
    expect(canonicalTokens('Clients are unable to sign in since 3 AM')).toEqual(canonicalTokens('customers cannot log in 03:00'));
    expect(canonicalTokens('twenty-five users')).toEqual(['25', ...canonicalTokens('user')]);
    expect(canonicalTokens('half an hour')).toEqual(canonicalTokens('30 minutes'));
    expect(canonicalTokens('Roll back the release')).toEqual(canonicalTokens('rollback releases'));
  });

  it('matches negations however they are phrased, and never a denial', () => {
    expect(new PhraseMatcher('No customer can log in.').matches('customers cannot log in')).toBe(true);
    expect(new PhraseMatcher('We are backing out the release.').matches('rolling back the release')).toBe(true);
    expect(new PhraseMatcher('Host names are not the problem.').matches('hostname problem')).toBe(false);
  });

  it('never lets a negated statement match its opposite', () => {
    const matcher = new PhraseMatcher('Customers cannot log in or place orders since 03:00.');
    expect(matcher.matches('customers cannot log in')).toBe(true);
    expect(matcher.matches('customers can log in')).toBe(false);
    expect(matcher.matches('since 3am')).toBe(true);
  });

  it('recognises "no additional needs" in its usual forms only', () => {
    for (const text of ['None', 'No additional needs.', 'nothing further', 'N/A', 'No needs at this time']) expect(saysNoNeeds(text)).toBe(true);
    for (const text of ['', 'Need the DBA', 'None of the SMEs can find Bill']) expect(saysNoNeeds(text)).toBe(false);
  });
});

describe('gradeCan', () => {
  it('accepts paraphrases in the right section for full credit', () => {
    const result = gradeCan(rubric, { conditions: 'Our clients are unable to sign-in since 3am.', actions: 'We are rolling back the release.', needs: 'A decision on the rollback.' }, holdsWhen(true), '03:10:00');
    expect(result.missed).toEqual([]);
    expect(result.fraction).toBe(1);
  });

  it('gives half credit for a fact in the wrong section and lists what was missed', () => {
    const result = gradeCan(rubric, { conditions: 'Customers cannot log in.', actions: '', needs: 'Rolling back the release.' }, holdsWhen(false), '03:10:00');
    const rollback = result.facts.find((f) => f.id === 'rollback');
    expect(rollback).toMatchObject({ foundIn: 'needs', points: 1, max: 2 });
    expect(result.missed).toEqual(['since', 'no-additional-needs']);
    expect(result.found).toEqual(['login', 'rollback']);
  });

  it('accepts "no additional needs" only when nothing is needed', () => {
    const none = { conditions: 'Customers cannot log in since 03:00.', actions: 'Rolling back the release.', needs: 'No additional needs.' };
    expect(gradeCan(rubric, none, holdsWhen(false), null).fraction).toBe(1);
    const whenNeeded = gradeCan(rubric, none, holdsWhen(true), null);
    expect(whenNeeded.missed).toEqual(['decision']);
    expect(whenNeeded.facts.some((f) => f.id === 'no-additional-needs')).toBe(false);
  });

  it('scores a missing report as zero with every fact missed', () => {
    const result = gradeCan(rubric, undefined, holdsWhen(false), null);
    expect(result.fraction).toBe(0);
    expect(result.found).toEqual([]);
  });
});
