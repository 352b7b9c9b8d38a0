import { lemma } from './word-forms.ts';

/**
 * Groups of words that mean the same thing on an incident bridge; the first is the canonical form.
 * No word may sit in two groups (after stemming): tests/core/text-synonyms.test.ts checks it.
 * Words that join into one (log in, roll back, host names) are handled in compounds.ts.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['customer', 'client', 'user', 'consumer', 'enduser'],
  ['login', 'logon', 'signin', 'authenticate', 'authentication', 'access'],
  ['order', 'purchase', 'checkout'],
  ['notify', 'notification', 'inform', 'tell', 'alert', 'update', 'advise', 'message', 'communicate', 'communication'],
  ['executive', 'exec', 'leadership', 'management', 'vp', 'director', 'cio', 'cto', 'ceo', 'senior'],
  ['release', 'deployment', 'deploy', 'rollout', 'change'],
  ['rollback', 'revert', 'backout', 'downgrade'],
  ['hostname', 'host'],
  ['fail', 'failure', 'broken', 'break', 'botched', 'unsuccessful', 'crash'],
  // What an expert means by "the names are wrong": not that something failed, but that it is not right.
  ['wrong', 'incorrect', 'invalid', 'mistaken', 'erroneous', 'faulty', 'bad'],
  ['email', 'mail', 'exchange'],
  ['server', 'box', 'machine', 'node'],
  // "Call" is the conference call. A "judgement call" is rare on a bridge; a decision is asked for in words.
  ['bridge', 'call', 'conference', 'line'],
  ['disruption', 'outage', 'down', 'unavailable', 'disrupt'],
  ['degradation', 'degrade', 'slow', 'slowness', 'sluggish'],
  ['priority', 'p'],
  ['mute', 'silence', 'quiet'],
  ['need', 'require', 'request', 'want', 'ask'],
  ['decision', 'decide', 'approve', 'approval', 'authorise', 'authorize', 'authorisation', 'authorization', 'signoff'],
  ['investigate', 'investigation', 'look', 'check', 'review', 'examine', 'troubleshoot', 'diagnose'],
  ['fix', 'correct', 'repair', 'resolve', 'remediate', 'rectify', 'amend'],
  ['restart', 'reboot', 'bounce', 'recycle'],
  ['team', 'group', 'crew'],
  ['big', 'large', 'major', 'key', 'important'],
  ['separate', 'second', 'another', 'additional', 'new'],
  ['open', 'start', 'set', 'launch', 'create', 'spin'],
  ['script', 'scripts'],
  ['analytics', 'metrics', 'monitoring', 'dashboard', 'telemetry'],
  ['incident', 'issue', 'problem', 'event'],
  ['sme', 'expert', 'engineer', 'specialist'],
];

/** Stem -> canonical stem. */
const canonicalByStem = buildIndex();

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const canonical = lemma(group[0] ?? '');
    for (const word of group) if (!index.has(lemma(word))) index.set(lemma(word), canonical);
  }
  return index;
}

/** The canonical stem for a stem: its group's first word, or the stem itself. */
export function canonicalStem(stem: string): string {
  return canonicalByStem.get(stem) ?? stem;
}

/** Every stem that two groups share, with the groups' canonical words: empty when the tables are sound. */
export function synonymConflicts(groups: readonly (readonly string[])[] = SYNONYM_GROUPS): string[] {
  const owner = new Map<string, string>();
  const conflicts: string[] = [];
  for (const group of groups) {
    const head = group[0] ?? '';
    for (const stem of new Set(group.map(lemma))) {
      const earlier = owner.get(stem);
      if (earlier !== undefined && earlier !== head) conflicts.push(`${stem}: ${earlier} / ${head}`);
      else owner.set(stem, head);
    }
  }
  return conflicts;
}
