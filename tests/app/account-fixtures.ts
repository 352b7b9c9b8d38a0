import type { Catalog } from '../../src/app/catalog.ts';
import { localAttempt } from '../../src/app/local-attempt.ts';
import type { Action } from '../../src/core/actions/action.ts';
import type { AttemptRecord } from '../../src/core/attempt.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { catalogWith } from '../helpers.ts';

export const acmeCatalog: Catalog = catalogWith(['acme-chemical']);
const acme = acmeCatalog.find('acme-chemical')!;

/** A UUID for tests, from a number. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A finished Acme attempt, graded, as the browser builds one. */
export function finishedAttempt(n: number, finishedAt: number, actions: readonly Action[] = [{ type: 'announce-role', at: '02:47:00' } as Action]): AttemptRecord {
  const log = { scenario: acme.scenario.id, playbook: acme.playbook.id, actions: [...actions] };
  return localAttempt(acme, 'exam', actions, uuid(n), finishedAt - 600_000, finishedAt, grade(acme.scenario, acme.playbook, log));
}

/** An Acme attempt in progress, as the browser keeps it while it is played. */
export function draftAttempt(n: number, startedAt: number, actions: readonly Action[]): AttemptRecord {
  return localAttempt(acme, 'coach', actions, uuid(n), startedAt, null, null);
}
