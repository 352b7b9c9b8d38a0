import { describe, expect, it } from 'vitest';
import { StatementMatcher } from '../../src/core/text/statements.ts';

const states = (text: string, phrasing: string) => new StatementMatcher(text).states(phrasing);

describe('negation, clause by clause', () => {
  it('matches a negative fact however the negation is written', () => {
    for (const text of ['No customer can log in.', 'Customers are unable to sign in.', "Customers can't log on.", 'Customers have not been able to log in since 02:50.', 'None of the customers can log in.'])
      expect(states(text, 'customers cannot log in'), text).toBe(true);
  });

  it('never lets a negated clause state a positive phrasing, or the other way round', () => {
    expect(states('Nobody is correcting the host names.', 'correcting host names')).toBe(false);
    expect(states('The host names are not being corrected by anyone.', 'host names corrected')).toBe(false);
    expect(states('Host names are not the problem.', 'hostname problem')).toBe(false);
    expect(states('We have not rolled back the release.', 'rolling back the release')).toBe(false);
    expect(states('It is not a P1.', 'P1')).toBe(false);
    expect(states('Customers can log in.', 'customers cannot log in')).toBe(false);
  });

  it('reads a double negative as positive: "not unable to" is "able to"', () => {
    expect(states('Customers are NOT unable to log in.', 'customers cannot log in')).toBe(false);
    expect(states('Customers are NOT unable to log in.', 'customers can log in')).toBe(true);
  });

  it('ends a negation where a new statement starts', () => {
    expect(states('Customers cannot log in and orders have stopped.', 'orders stopped')).toBe(true);
    expect(states('Customers cannot log in and place orders.', 'customers cannot place orders')).toBe(true);
    expect(states('The release is not the cause, the mail server is.', 'mail server')).toBe(true);
    expect(states('Customers cannot log in since the failed release.', 'failed release')).toBe(true);
    expect(states('Customers cannot log in since the failed release.', 'customers cannot log in')).toBe(true);
  });

  it('negates everything after the negator: "no mail server is down" says nothing about a mail server', () => {
    expect(states('No mail server is misbehaving.', 'mail server')).toBe(false);
    expect(states('No customer can log in.', 'customers cannot log in')).toBe(true);
    expect(states('Neither the portal nor the app works.', 'portal does not work')).toBe(true);
    expect(states('Neither the portal nor the app works.', 'app works')).toBe(false);
    expect(states('No rollback yet, we are still deciding.', 'rollback')).toBe(false);
  });

  it('takes "instead of" and "rather than" as negations of what follows', () => {
    expect(states('We are fixing forward instead of rolling back the release.', 'rolling back the release')).toBe(false);
    expect(states('We are fixing forward rather than rolling back.', 'fix forward')).toBe(true);
  });

  it('takes "without" as a negation', () => {
    expect(states('The DBA restarted the database without the lead\'s direction.', 'restarted without direction')).toBe(true);
    expect(states('The DBA restarted the database without the lead\'s direction.', 'restarted with direction')).toBe(false);
  });
});
