import { describe, expect, it } from 'vitest';
import { canonicalTokens } from '../../src/core/text/normalize.ts';
import { StatementMatcher } from '../../src/core/text/statements.ts';
import { SYNONYM_GROUPS, synonymConflicts } from '../../src/core/text/synonyms.ts';

describe('the synonym tables', () => {
  it('put no word (after stemming) in two groups', () => {
    expect(synonymConflicts()).toEqual([]);
  });

  it('would catch a word in two groups, as "call" once was', () => {
    const withOldCall = [...SYNONYM_GROUPS, ['verdict', 'call', 'ruling']];
    expect(synonymConflicts(withOldCall)).toEqual([expect.stringContaining('bridge / verdict')]);
  });

  it('reads "call" as the bridge, never as a decision', () => {
    expect(canonicalTokens('call')).toEqual(canonicalTokens('bridge'));
    expect(new StatementMatcher('We have called a bridge.').states('decision')).toBe(false);
    expect(new StatementMatcher('We need a decision on the rollback.').states('approve rollback')).toBe(true);
  });

  it('reads server or machine names as host names, and wrong, incorrect and bad as one', () => {
    const said = new StatementMatcher("Last night's release failed, and the server names in the scripts are incorrect.");
    expect(said.states('hostname wrong')).toBe(true);
    expect(said.states('bad hostname')).toBe(true);
    expect(new StatementMatcher('The machine names in the package were wrong.').states('incorrect hostname')).toBe(true);
    expect(new StatementMatcher('The release was bad.').states('failed release')).toBe(false);
  });
});
