import { describe, expect, it } from 'vitest';
import { canonicalTokens } from '../../src/core/text/normalize.ts';
import { StatementMatcher } from '../../src/core/text/statements.ts';
import { IRREGULAR_FORMS, lemma } from '../../src/core/text/word-forms.ts';

describe('word forms', () => {
  it('brings irregular past forms back to their base verb', () => {
    const pairs: [string, string][] = [['ran', 'run'], ['went', 'go'], ['sent', 'send'], ['began', 'begin'], ['brought', 'bring'], ['told', 'tell'], ['made', 'make'], ['took', 'take'], ['taken', 'take'], ['gave', 'give'], ['found', 'find'], ['paid', 'pay'], ['broken', 'break']];
    for (const [form, base] of pairs) expect(lemma(form), form).toBe(lemma(base));
  });

  it('reads "re-ran", "reran", "re-run" and "rerun" as one word', () => {
    const forms = ['re-ran', 'reran', 're-run', 'rerun', 'Re-running'];
    for (const form of forms) expect(canonicalTokens(form), form).toEqual(['rerun']);
    expect(canonicalTokens('re-enable the waitlist')).toEqual(canonicalTokens('reenable the waitlist'));
  });

  it('matches a phrasing in the base form against the past form, and back', () => {
    expect(new StatementMatcher('Jim re-ran the deployment scripts.').states('rerun the scripts')).toBe(true);
    expect(new StatementMatcher('We sent the notice to customers.').states('send notice')).toBe(true);
    expect(new StatementMatcher('The release went wrong.').states('release goes wrong')).toBe(true);
    expect(new StatementMatcher('Hall B has lost power.').states('lost power')).toBe(true);
  });

  it('keeps the table about verbs: every form maps to a different base word', () => {
    for (const [form, base] of IRREGULAR_FORMS) expect(form === base, form).toBe(false);
  });

  it('reads words that are also names of object members as plain words', () => {
    expect(canonicalTokens('the constructor failed')).toEqual([...canonicalTokens('constructor'), 'fail']);
    expect(canonicalTokens('constructor')[0]).toMatch(/^construct/);
  });

  it('still folds regular forms, numbers, durations and times', () => {
    expect(canonicalTokens('Clients are unable to sign in since 3 AM')).toEqual(canonicalTokens('customers cannot log in 03:00'));
    expect(canonicalTokens('twenty-five users')).toEqual(['25', ...canonicalTokens('user')]);
    expect(canonicalTokens('about fifteen minutes')).toEqual(['m15']);
    expect(canonicalTokens('half an hour')).toEqual(canonicalTokens('30 minutes'));
    expect(canonicalTokens('Roll back the release')).toEqual(canonicalTokens('rollback releases'));
  });
});
