import type { AttemptRecord } from '../core/attempt.ts';
import type { CatalogScenario } from './catalog.ts';
import type { NeedsAttention } from './store.ts';

/** Says which versions an attempt was played on that this browser does not have, and which it has instead. */
export function versionNotice(attempt: AttemptRecord, installed: CatalogScenario): string {
  const name = (version: { id: string; version: string; sha256: string }) => `${version.id} ${version.version} (sha256 ${version.sha256.slice(0, 8)}…)`;
  const differs = [
    ...(attempt.scenario.sha256 === installed.sha256.scenario ? [] : [{ played: attempt.scenario, here: { id: installed.scenario.id, version: installed.scenario.version, sha256: installed.sha256.scenario } }]),
    ...(attempt.playbook.sha256 === installed.sha256.playbook ? [] : [{ played: attempt.playbook, here: { id: installed.playbook.id, version: installed.playbook.version, sha256: installed.sha256.playbook } }]),
  ];
  const played = differs.map((pair) => name(pair.played)).join(' and ');
  const here = differs.map((pair) => name(pair.here)).join(' and ');
  return `This attempt was played on ${played}; this browser has ${here} instead. The score shown is the one given then, and the timeline is replayed on the installed version.`;
}

/** Says what became of the history that could not be read: set aside, or left where it was for want of room. Null when all of it was read. */
export function setAsideNotice(setAside: number | 'all' | 'left', entriesLeft: number): string | null {
  const said: string[] = [];
  if (setAside === 'left') said.push('Your local history could not be read. The browser’s storage is too full to copy it aside, so it is left untouched; free some space and reload to try again.');
  else if (setAside === 'all') said.push('Your local history could not be read, so it has been set aside and a new one started.');
  else if (setAside > 0) said.push(`${setAside === 1 ? 'One entry' : `${setAside} entries`} of your local history could not be read and ${setAside === 1 ? 'has' : 'have'} been set aside.`);
  if (entriesLeft > 0) {
    const one = entriesLeft === 1;
    said.push(`${one ? 'One entry' : `${entriesLeft} entries`} of your local history could not be read. The browser’s storage is too full to copy ${one ? 'it' : 'them'} aside, so ${one ? 'it is' : 'they are'} left where ${one ? 'it was' : 'they were'}; free some space and reload to try again.`);
  }
  return said.length === 0 ? null : said.join(' ');
}

export function unknownScenario(id: string): string {
  return `There is no scenario called “${id}”. Pick one of the scenarios below.`;
}

export function notInstalled(title: string): string {
  return `The scenario “${title}” is no longer installed, so this attempt cannot be shown.`;
}

export function noLongerFits(title: string, problem: string): string {
  return `This attempt no longer fits the current version of “${title}”: ${problem}`;
}

/** Names the opened files that no longer pass the checks, with their first problem; they are kept, not deleted. */
export function needsAttentionNotice(files: readonly NeedsAttention[]): string {
  const each = files.map((item) => `“${item.file}” (${item.problems[0] ?? 'it no longer loads'}${item.problems.length > 1 ? `, and ${item.problems.length - 1} more` : ''})`);
  return `${files.length === 1 ? 'A scenario file' : `${files.length} scenario files`} opened in this browser no longer ${files.length === 1 ? 'passes' : 'pass'} the checks: ${each.join('; ')}. ${files.length === 1 ? 'It is' : 'They are'} kept; open ${files.length === 1 ? 'it' : 'them'} again once fixed.`;
}

/**
 * The notice bar's text once `next` is said: added under what it already says, so a notice raised a moment
 * later (a save refused while the history notice is still showing) never hides an earlier one. Repeats are said once.
 */
export function addNotice(current: string | null, next: string): string {
  if (current === null || current.split('\n').includes(next)) return current ?? next;
  return `${current}\n${next}`;
}
