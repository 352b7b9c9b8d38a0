import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatementMatcher, type Element } from '../../src/core/text/normalize.ts';

const acmeConditions: Element[] = [
  { id: 'login', accept: ['login failure', 'customers cannot log in'] },
  { id: 'release', accept: ['failed release', 'release failed'] },
  { id: 'hosts', accept: ['hostname wrong', 'wrong hostname'] },
  { id: 'email', accept: ['email server', 'mail server'] },
  { id: 'priority', accept: ['P1', 'service disruption'] },
];

describe('StatementMatcher', () => {
  it('says which clause states each element', () => {
    const matcher = new StatementMatcher("Customers cannot log in. Last night's release failed. The host names are wrong.");
    expect(Object.fromEntries(matcher.find(acmeConditions))).toEqual({ login: 0, release: 1, hosts: 2, email: null, priority: null });
  });

  it('lets one clause of keyword soup support at most the bound', () => {
    const soup = 'We have login failure failed release hostname wrong email server P1 service disruption';
    const found = [...new StatementMatcher(soup).find(acmeConditions).values()].filter((clause) => clause !== null);
    expect(found).toEqual([0, 0]);
    expect([...new StatementMatcher(soup, { maxFactsPerClause: 3 }).find(acmeConditions).values()].filter((clause) => clause !== null)).toHaveLength(3);
  });

  it('moves an element to another clause that states it to make room for a later one', () => {
    const matcher = new StatementMatcher('Customers cannot log in after the failed release. Customers cannot log in.', { maxFactsPerClause: 1 });
    const found = matcher.find([{ id: 'login', accept: ['customers cannot log in'] }, { id: 'release', accept: ['failed release'] }]);
    expect(Object.fromEntries(found)).toEqual({ login: 1, release: 0 });
  });

  it('finds statements the same way in a text too long for the clause index', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Step ${i + 1} is done.`).join(' ');
    const matcher = new StatementMatcher(`${filler} Customers cannot log in. The release failed.`);
    expect(matcher.clauses.length).toBeGreaterThan(30);
    expect(Object.fromEntries(matcher.find(acmeConditions))).toMatchObject({ login: 40, release: 41, hosts: null });
    expect(matcher.states('customers can log in')).toBe(false);
  });

  it('needs a verb unless told otherwise, as in a subject line', () => {
    expect(new StatementMatcher('Login outage for all customers').states('login outage')).toBe(false);
    expect(new StatementMatcher('Login outage for all customers', { requireVerb: false }).states('login outage')).toBe(true);
  });

  it('matches {time} against any clock time or duration in the same clause', () => {
    const message = (text: string) => new StatementMatcher(text, { requireVerb: false });
    expect(message('Next update at 03:30').states('next update {time}')).toBe(true);
    expect(message('Next update in half an hour.').states('next update {time}')).toBe(true);
    expect(message('We will update again in 30 minutes.').states('update again {time}')).toBe(true);
    expect(message('We will update again at 4 pm.').states('update again {time}')).toBe(true);
    expect(message('We will update again soon.').states('update again {time}')).toBe(false);
    expect(message('Next update soon. It started at 03:00.').states('next update {time}')).toBe(false);
  });

  it('never places more elements in a clause than the bound, and only where the clause states them', () => {
    const sentences = ['Customers cannot log in', 'the release failed', 'host names are wrong', 'the mail server is misbehaving', 'it is a P1', 'we have login failure failed release wrong host names'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 3 }), (picked, bound) => {
        const matcher = new StatementMatcher(`${picked.join('. ')}.`, { maxFactsPerClause: bound });
        const found = matcher.find(acmeConditions);
        const perClause = new Map<number, number>();
        for (const [id, clause] of found) {
          if (clause === null) continue;
          perClause.set(clause, (perClause.get(clause) ?? 0) + 1);
          const element = acmeConditions.find((candidate) => candidate.id === id);
          expect(element?.accept.some((phrasing) => matcher.clausesStating(phrasing).includes(clause))).toBe(true);
        }
        expect(Math.max(0, ...perClause.values())).toBeLessThanOrEqual(bound);
      }),
    );
  });
});
