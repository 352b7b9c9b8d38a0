import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanRubric } from '../../src/core/scenario/schema.ts';
import { gradeCan, type CanText } from '../../src/core/scoring/can-grader.ts';
import { jaccard } from '../../src/core/scoring/can-sections.ts';
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

  it('writes each fact result with its keys in the report\'s order', () => {
    const result = gradeCan(rubric, { conditions: 'Customers cannot log in.', actions: '', needs: '' }, holdsWhen(false), null);
    expect(result.facts.map((fact) => Object.keys(fact).join(','))).toEqual(result.facts.map(() => 'id,label,section,foundIn,points,max'));
  });

  it('scores a missing report as zero with every fact missed', () => {
    const result = gradeCan(rubric, undefined, holdsWhen(false), null);
    expect(result.fraction).toBe(0);
    expect(result.found).toEqual([]);
  });
});

/** The Acme scenario's own rubric, read as data. */
const acmeRubric = (JSON.parse(readFileSync(new URL('../../scenarios/acme-chemical.json', import.meta.url), 'utf8')) as { can: CanRubric }).can;
const mitRubric = (JSON.parse(readFileSync(new URL('../../scenarios/mit-sev1-urgent-response.json', import.meta.url), 'utf8')) as { can: CanRubric }).can;

/**
 * The Acme bridge at about 03:30 after a good run: the customer bridge is open, the network SME owns the host
 * names, everyone was notified and the release is being rolled back, so nothing more is needed.
 */
const acmeAt0330 = new Set(
  [
    { fired: 'customers-cannot-log-in' }, { fired: 'hostnames-doubt' }, { fired: 'email-problem' }, { level: 'P1' }, { bridgeOpen: 'customer-bridge' },
    { fired: 'host-task-network' }, { did: { type: 'notify' } }, { did: { type: 'notify', audience: 'customers' } },
    { decided: 'release-rollback', choice: 'roll-back' }, { decided: 'release-rollback' },
  ].map((atom) => JSON.stringify(atom)),
);
function acmeHolds(expr: unknown): boolean {
  if (typeof expr === 'boolean') return expr;
  if (typeof expr !== 'object' || expr === null) return false;
  if ('not' in expr) return !acmeHolds(expr.not);
  if ('any' in expr && Array.isArray(expr.any)) return expr.any.some(acmeHolds);
  if ('all' in expr && Array.isArray(expr.all)) return expr.all.every(acmeHolds);
  return acmeAt0330.has(JSON.stringify(expr));
}

/** How an experienced incident manager would write it, from the seed's events; none of it copies a rubric phrasing. */
const expert: CanText = {
  conditions:
    "Customers have not been able to log in or place orders since about 02:50; Acme Chemical Sales reported it through customer service at 03:00. Last night's release failed, and the server names in the scripts are wrong. Separately, one of the mail servers is misbehaving and e-mail is delayed. We are treating it as a P1 service disruption.",
  actions: 'We opened a separate business bridge for the customer impact. Jim from network engineering is correcting the host names and has re-run the build scripts. Executives and customers were notified at 03:20. The release is being rolled back.',
  needs: 'Nothing further needed right now.',
};

/** The same ground as bare keywords, one comma-separated list per section. */
const keywordList: CanText = {
  conditions: 'Login failure, Acme Chemical, failed release, wrong host names, e-mail server problem, P1 service disruption',
  actions: 'Separate business bridge, host name fix, notifications to executives and customers, release rollback',
  needs: 'None',
};

/** The worst case: the rubric's own accepted phrasings, listed. */
const phrasingList: CanText = {
  conditions: 'login failure, customers locked out, Acme Chemical, failed release, release problem, hostname wrong, hostname issue, email server, email problem, P1, service disruption',
  actions: 'separate bridge, business bridge, correcting hostname, hostname fix, notified executives, customers notified, rollback release, release rollback',
  needs: 'none',
};

const acme = (report: CanText | undefined, rubricToUse: CanRubric = acmeRubric) => gradeCan(rubricToUse, report, acmeHolds, null);
const pointsOf = (result: ReturnType<typeof gradeCan>, id: string) => result.facts.find((fact) => fact.id === id)?.points;

describe('gradeCan on the Acme rubric', () => {
  it('gives an expert paraphrase full marks', () => {
    const result = acme(expert);
    expect(result.missed).toEqual([]);
    expect(result.fraction).toBe(1);
  });

  it('scores a comma-separated keyword list per section clearly below the expert paraphrase', () => {
    const expertScore = acme(expert).fraction;
    expect(acme(keywordList).fraction).toBeLessThan(0.2);
    expect(acme(phrasingList).fraction).toBeLessThan(expertScore * 0.65);
  });

  it('gives negated facts nothing', () => {
    const denied: CanText = {
      conditions: 'Customers are not locked out. The release did not fail. The host names are not wrong. No mail server is misbehaving. It is not a P1.',
      actions: 'Nobody is correcting the host names. We have not notified executives or customers. We have not rolled back the release. No separate bridge was opened.',
      needs: '',
    };
    const result = acme(denied);
    expect(result.found).toEqual([]);
    expect(result.fraction).toBe(0);
  });

  it('reads a double negative as the opposite of the fact', () => {
    const result = acme({ ...expert, conditions: 'Customers are NOT unable to log in.' });
    expect(result.missed).toContain('login-failure');
  });

  it('matches irregular forms and re- prefixes in the report', () => {
    const rubric: CanRubric = { facts: [{ id: 'rerun', section: 'actions', label: 'Scripts re-run', points: 1, accept: ['rerun the scripts'] }, { id: 'sent', section: 'actions', label: 'Notice sent', points: 1, accept: ['send the notice'] }] };
    for (const actions of ['Jim re-ran the scripts and we sent the notice.', 'Jim reran the scripts; the notice was sent.'])
      expect(gradeCan(rubric, { conditions: '', actions, needs: '' }, () => true, null).fraction, actions).toBe(1);
  });

  it('accepts the usual ways of saying no needs, and not a need in disguise', () => {
    for (const needs of ['Needs: none', 'None at this time.', 'No additional needs.', "We don't need anything else.", 'n/a'])
      expect(pointsOf(acme({ ...expert, needs }), 'no-additional-needs'), needs).toBe(2);
    for (const needs of ['None of the customers can log in.', 'No rollback yet, we need approval.'])
      expect(pointsOf(acme({ ...expert, needs }), 'no-additional-needs'), needs).toBe(0);
  });

  it('lets a clause of keyword soup support at most two facts', () => {
    const soup = acme({ conditions: 'We have login failure failed release wrong host names e-mail server problem and a P1 service disruption', actions: '', needs: '' });
    expect(soup.facts.filter((fact) => fact.section === 'conditions' && fact.foundIn !== null)).toHaveLength(2);
    const sentences = acme({ ...expert, actions: '', needs: '' });
    expect(sentences.facts.filter((fact) => fact.section === 'conditions' && fact.foundIn !== null)).toHaveLength(6);
  });

  it('gives half for every fact when the same text is pasted into all three sections', () => {
    const all = `${expert.conditions} ${expert.actions}`;
    const pasted = acme({ conditions: all, actions: all, needs: all });
    expect(pasted.facts.filter((fact) => fact.id !== 'no-additional-needs').every((fact) => fact.points === roundHalf(fact.max))).toBe(true);
    expect(pasted.fraction).toBeLessThan(0.5);
  });

  it('never raises any fact\'s points when a sentence of an expert\'s report becomes a bare comma-joined keyword list', () => {
    const sections = ['conditions', 'actions', 'needs'] as const;
    // Half the facts filed under the wrong heading, some missing, and a need where none is: room to gain.
    const partial: CanText = {
      conditions: 'Customers have not been able to log in since about 02:50. Executives and customers were notified at 03:20.',
      actions: "Last night's release failed and the server names in the scripts are wrong. Acme Chemical Sales reported it at 03:00.",
      needs: 'We need a decision on the rollback.',
    };
    for (const report of [expert, partial]) {
      const base = new Map(acme(report).facts.map((fact) => [fact.id, fact.points]));
      fc.assert(
        fc.property(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (flatten, chunk) => {
          let sentenceIndex = 0;
          const changed = Object.fromEntries(
            sections.map((section) => [
              section,
              report[section]
                .split(/(?<=[.;])\s+/)
                .map((sentence) => (flatten[sentenceIndex++ % flatten.length] ? keywords(sentence, chunk) : sentence))
                .join(' '),
            ]),
          ) as unknown as CanText;
          for (const fact of acme(changed).facts) expect(fact.points, fact.id).toBeLessThanOrEqual(base.get(fact.id) ?? 0);
        }),
      );
    }
  });
});

describe('gradeCan across sections', () => {
  it('does not take two short sections on one subject for pasted text', () => {
    const report = { conditions: 'Customers cannot log in since 03:00.', actions: 'We are rolling back the release.', needs: 'Approval to roll back the release.' };
    expect(gradeCan(rubric, report, holdsWhen(false), null).facts.find((fact) => fact.id === 'rollback')).toMatchObject({ foundIn: 'actions', points: 2 });
  });

  it('measures overlap as shared tokens over all tokens', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('does not punish naturally repeating a real term in another section', () => {
    const report: CanText = {
      conditions: 'Course registration was completely down from 07:52 to 08:19. The new waitlist auto-enrol job has a locking bug: it locked the sections table, so every registration waited.',
      actions: 'We switched the waitlist off as a temporary workaround, and the locking bug was handed off to the application developers.',
      needs: 'A permanent code fix for the locking bug, estimated at two days.',
    };
    const result = gradeCan(mitRubric, report, () => true, null);
    expect(result.facts.find((fact) => fact.id === 'cause')).toMatchObject({ foundIn: 'conditions', points: 2 });
    expect(result.facts.find((fact) => fact.id === 'handed-off')).toMatchObject({ foundIn: 'actions', points: 2 });
  });
});

describe('gradeCan with contradictions', () => {
  const contradicting: CanRubric = {
    ...acmeRubric,
    facts: acmeRubric.facts.map((fact) =>
      fact.id === 'priority' ? { ...fact, contradicts: ['P3', 'priority 3', 'performance degradation'] } : fact.id === 'login-failure' ? { ...fact, contradicts: ['customers can log in'] } : fact,
    ),
  };

  it('deducts the points of a fact whose wrong version is stated, whatever else the report says', () => {
    const result = acme({ ...expert, actions: `${expert.actions} Pete is keeping it a performance degradation.` }, contradicting);
    expect(result.facts.find((fact) => fact.id === 'priority')).toMatchObject({ foundIn: null, points: -1, max: 1, contradicted: true });
    expect(result.missed).toContain('priority');
    expect(result.fraction).toBeCloseTo(acme(expert).fraction - 2 / 19, 5);
  });

  it('never takes the total below zero', () => {
    const result = acme({ conditions: 'Customers can log in. It is a P3.', actions: '', needs: '' }, contradicting);
    expect(result.facts.filter((fact) => fact.contradicted)).toHaveLength(2);
    expect(result.fraction).toBe(0);
  });

  it('ignores a wrong version that is denied or only listed', () => {
    expect(acme({ ...expert, actions: `${expert.actions} It is not a performance degradation.` }, contradicting).fraction).toBe(1);
    expect(acme({ ...expert, needs: 'P3?' }, contradicting).facts.some((fact) => fact.contradicted)).toBe(false);
  });
});

function roundHalf(points: number): number {
  return Math.round(points * 5) / 10;
}

/** A sentence's words as a comma-joined keyword list, `chunk` words to an item: "release, failed" or "release failed". */
function keywords(sentence: string, chunk: number): string {
  const words = sentence.replace(/[.;,]/g, ' ').split(/\s+/).filter((word) => word.length > 0);
  const items: string[] = [];
  for (let i = 0; i < words.length; i += chunk) items.push(words.slice(i, i + chunk).join(' '));
  return `${items.join(', ')}.`;
}
