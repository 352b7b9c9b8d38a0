import { randomUUID } from 'node:crypto';
import { createAttempt, type AttemptRecord } from '../../../src/core/attempt.ts';
import { contentSha256OfJsonText } from '../../../src/core/hash/content-hash.ts';
import { grade } from '../../../src/core/scoring/grade.ts';
import { acmeText, goldenLog, loadAcme, readRepoText } from '../../helpers.ts';

const acme = loadAcme();
const sha256 = {
  scenario: contentSha256OfJsonText(acmeText()),
  playbook: contentSha256OfJsonText(readRepoText(`scenarios/playbooks/${acme.playbook.id}.json`)),
};

/** An attempt on the bundled Acme scenario, played as one of its golden logs, graded honestly. */
export function acmeAttempt(options: { log?: 'strong' | 'partial' | 'do-nothing' | 'late-notifications'; attemptId?: string; finishedAt?: number | null; trainee?: string } = {}): AttemptRecord {
  const log = goldenLog(options.log ?? 'strong', acme.scenario, acme.playbook);
  const finishedAt = options.finishedAt === undefined ? Date.parse('2026-12-04T15:31:40Z') : options.finishedAt;
  return createAttempt({
    attemptId: options.attemptId ?? randomUUID(),
    trainee: { id: options.trainee ?? 'local' },
    scenario: { value: acme.scenario, sha256: sha256.scenario },
    playbook: { value: acme.playbook, sha256: sha256.playbook },
    mode: 'exam',
    startedAt: (finishedAt ?? Date.parse('2026-12-04T15:31:40Z')) - 29 * 60_000,
    finishedAt,
    log,
    report: finishedAt === null ? null : grade(acme.scenario, acme.playbook, log),
  });
}
