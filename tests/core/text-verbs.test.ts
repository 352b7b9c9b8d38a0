import { describe, expect, it } from 'vitest';
import { surface } from '../../src/core/text/surface.ts';
import { wordsOf } from '../../src/core/text/tokens.ts';
import { hasVerb } from '../../src/core/text/verbs.ts';

const verb = (text: string) => hasVerb(wordsOf(surface(text)));

describe('the verb detector', () => {
  it('finds auxiliaries, modals and copulas, including "cannot" and "unable to"', () => {
    for (const text of ['Customers cannot log in', 'Customers are unable to sign in', 'The mail server is misbehaving', 'Customers have not been able to order', 'It will be fixed'])
      expect(verb(text), text).toBe(true);
  });

  it('finds regular and irregular past forms, and present participles', () => {
    for (const text of ['Executives notified', 'Hall B lost power', 'The system broke', 'Jim re-ran the scripts', 'Network SME correcting the host names', 'Rolling back release 4.8', 'Pete went to the release team'])
      expect(verb(text), text).toBe(true);
  });

  it('reads a participle before a noun as an adjective: a keyword is not a statement', () => {
    expect(verb('failed release')).toBe(false);
    expect(verb('the affected customers')).toBe(false);
    expect(verb('locking bug')).toBe(false);
    expect(verb('the release failed')).toBe(true);
    expect(verb('Notified executives')).toBe(true);
  });

  it('finds a verb after a subject pronoun, after "to", and in imperatives and "-s" forms of incident verbs', () => {
    for (const text of ['we reran the job', 'We failed over to UK West', 'The database now runs on the UK West replica', 'Pages take 8 seconds to load', 'The carrier cut our fibre', 'they need approval', 'Approval to notify customers', 'Call the DBA', 'Fix forward', 'Bill confirms the mail delay', 'Kevin and Bill own the e-mail investigation', 'The tolerable downtime ends at 03:04'])
      expect(verb(text), text).toBe(true);
  });

  it('reads a state word after a noun as an implied "is", but not before one', () => {
    expect(verb('storefront down since 02:04')).toBe(true);
    expect(verb('host names wrong')).toBe(true);
    expect(verb('wrong host names')).toBe(false);
  });

  it('finds no verb in keywords, noun phrases and nouns ending in -ing or -ed', () => {
    for (const text of ['login failure', 'hostname fix', 'rollback decision', 'email server problem', 'P1 service disruption', 'Acme Chemical', 'Billing outage', 'monitoring alert', 'A review meeting with Kestrel', 'one hundred', 'notifications to executives and customers'])
      expect(verb(text), text).toBe(false);
  });

  it('is deterministic: the same words always give the same answer', () => {
    const text = 'Customers cannot log in, so orders have stopped';
    expect(verb(text)).toBe(verb(text));
  });
});
