import { describe, expect, it } from 'vitest';
import { clausesOfText } from '../../src/core/text/statements.ts';

const clauses = (text: string) => clausesOfText(text).map((clause) => ({ text: clause.text, verb: clause.hasVerb }));

describe('clause splitting', () => {
  it('splits on sentence ends, semicolons, line breaks and bullets', () => {
    const found = clauses('Customers cannot log in. The release failed; host names were wrong\n- Bill is on the bridge\n* Kevin has the mail server\n1. Pete has left');
    expect(found).toHaveLength(6);
    expect(found.every((clause) => clause.verb)).toBe(true);
  });

  it('keeps numbers like 1,000 and times like 03:15 whole', () => {
    const [clause, ...rest] = clausesOfText('About 1,000 customers cannot log in since 03:15.');
    expect(rest).toEqual([]);
    expect(clause?.tokens.has('1000')).toBe(true);
    expect(clause?.tokens.has('t0315')).toBe(true);
    expect(clause?.hasTime).toBe(true);
  });

  it('splits a sentence at a comma into two clauses that each carry a verb', () => {
    expect(clauses('Customers cannot log in, so orders have stopped')).toEqual([
      { text: 'customers can not log in', verb: true },
      { text: 'so orders have stopped', verb: true },
    ]);
  });

  it('keeps a phrase without a verb with the statement next to it', () => {
    expect(clauses('Since about 03:00, customers cannot log in')).toEqual([{ text: 'since about t0300, customers can not log in', verb: true }]);
    expect(clauses('Customers cannot log in, since about 03:00')).toHaveLength(1);
  });

  it('reads a comma-separated keyword list as items that state nothing', () => {
    const found = clauses('Login failure, Acme Chemical, failed release, wrong host names, email server, P1');
    expect(found).toHaveLength(6);
    expect(found.some((clause) => clause.verb)).toBe(false);
    const withOneVerb = clauses('Login failure, Acme Chemical, release failed, wrong host names');
    expect(withOneVerb.map((clause) => clause.verb)).toEqual([false, false, true, false]);
  });

  it('cuts before a conjunction only when both sides are statements', () => {
    expect(clauses('The storefront is down since 02:04 because hall B lost power')).toHaveLength(2);
    expect(clauses('Customers cannot log in and orders have stopped')).toHaveLength(2);
    expect(clauses('Customers cannot log in and place orders')).toHaveLength(1);
  });

  it('reads a short label before a colon as "is"', () => {
    expect(clauses('Cause: Azure storage incident in UK South')).toEqual([
      { text: 'cause', verb: true },
      { text: 'azure storage incident in uk south', verb: true },
    ]);
    expect(clauses('P1 service disruption: customers cannot log in')[0]).toEqual({ text: 'priority 1 service disruption', verb: true });
    expect(clauses('Conditions: login failure, failed release, wrong host names').every((clause) => clause.text === 'conditions' || !clause.verb)).toBe(true);
  });
});
