import { describe, expect, it } from 'vitest';
import { regradeToVersion } from '../../../src/core/regrade-to-version.ts';
import { loadScenario } from '../../../src/core/load.ts';
import { contentSha256OfJsonText } from '../../../src/core/hash/content-hash.ts';
import { acmeText, loadAcme } from '../../helpers.ts';
import type { ApiClient } from '../support/api-client.ts';
import { useAdminServer } from '../support/admin-server.ts';
import { acmeAttempt } from '../support/attempts.ts';


/** Acme with a stricter rubric: a pass mark of 90 and one rubric item fewer. */
function stricterAcme(): string {
  const scenario = JSON.parse(acmeText()) as { version: string; passPercent: number; rubric: unknown[] };
  return JSON.stringify({ ...scenario, version: '1.2.0', passPercent: 90, rubric: scenario.rubric.slice(0, -1) }, null, 2);
}

interface Job {
  id: string;
  state: string;
  total: number;
  done: number;
  failed: number;
  scenarioVersion: string;
}

describe('regrading attempts when a rubric changes', () => {
  const { admin, client, account: newAccount } = useAdminServer();
  const account = async (role: 'hr' | 'instructor' | 'trainee'): Promise<ApiClient> => (await newAccount(role)).api;

  async function finished(api: ApiClient, id: string): Promise<Job> {
    for (let tries = 0; tries < 200; tries++) {
      const job = (await api.get(`/api/regrades/${id}`)).body.job as Job;
      if (job.state === 'finished') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`regrade job ${id} did not finish`);
  }


  it('regrades every attempt of the scenario to the new version in the background, keeps each original report, and shows both', async () => {
    const trainee = await account('trainee');
    const attempts = [acmeAttempt({ log: 'strong' }), acmeAttempt({ log: 'partial' }), acmeAttempt({ log: 'late-notifications' })];
    for (const attempt of attempts) expect((await trainee.post('/api/attempts', attempt)).status).toBe(201);
    const originals = new Map<string, unknown>();
    for (const attempt of attempts) originals.set(attempt.attemptId, (await admin().get(`/api/attempts/${attempt.attemptId}`)).body.report);

    const instructor = await account('instructor');
    const text = stricterAcme();
    const published = await instructor.post('/api/scenarios', { text });
    expect(published.status).toBe(201);
    const sha = published.body.scenario.sha256 as string;
    expect(sha).toBe(contentSha256OfJsonText(text));

    const hr = await account('hr');
    const started = await hr.post('/api/regrades', { scenarioSha256: sha });
    expect(started.status).toBe(202);
    expect(started.body.job).toMatchObject({ state: 'running', total: 3, scenarioVersion: '1.2.0' });
    const job = await finished(hr, started.body.job.id);
    expect(job).toMatchObject({ done: 3, failed: 0 });

    const acme = loadAcme();
    const stricter = loadScenario(text, new Map([[acme.playbook.id, acme.playbook]])).value!;
    for (const attempt of attempts) {
      const shown = (await trainee.get(`/api/attempts/${attempt.attemptId}/regrades`)).body as { original: { report: unknown; scenarioVersion: string }; regrades: { scenarioVersion: string; percent: number; passed: boolean; report: { scenario: { sha256: string } } }[] };
      expect(shown.original).toMatchObject({ scenarioVersion: acme.scenario.version, report: originals.get(attempt.attemptId) });
      const expected = regradeToVersion(attempt, { scenario: stricter, playbook: acme.playbook, sha256: { scenario: sha, playbook: attempt.playbook.sha256 } });
      expect(expected.ok).toBe(true);
      if (!expected.ok) continue;
      expect(shown.regrades).toHaveLength(1);
      expect(shown.regrades[0]).toMatchObject({ scenarioVersion: '1.2.0', percent: expected.report.verdict?.percent ?? expected.report.total.percent, passed: expected.report.passed });
      expect(shown.regrades[0]!.report.scenario.sha256).toBe(sha);
    }
    const rows = (await hr.get('/api/results/attempts?scenario=acme-chemical')).body.attempts as { attemptId: string; gradePercent: number; regraded: { scenarioVersion: string; percent: number } | null }[];
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.regraded).toMatchObject({ scenarioVersion: '1.2.0', percent: expect.any(Number) });
    const strong = (await hr.get(`/api/attempts/${attempts[0]!.attemptId}/regrades`)).body;
    expect(strong.regrades[0].report.passPercent).toBe(90);

    const again = await hr.post('/api/regrades', { scenarioSha256: sha });
    expect(again.body.job).toMatchObject({ total: 0 });
    expect(await finished(hr, again.body.job.id)).toMatchObject({ done: 0 });
    expect(((await hr.get('/api/regrades')).body.jobs as Job[]).map((each) => each.id)).toEqual([again.body.job.id, job.id]);
    const audit = (await admin().get('/api/audit')).body.entries as { action: string; detail: { attempts?: number } }[];
    expect(audit.filter((entry) => entry.action === 'regrade.start').map((entry) => entry.detail.attempts)).toEqual([0, 3]);
  });

  it('is for HR and admins, and refuses a version it does not have', async () => {
    const trainee = await account('trainee');
    expect((await trainee.post('/api/regrades', { scenarioSha256: 'a'.repeat(64) })).status).toBe(403);
    const hr = await account('hr');
    expect((await hr.post('/api/regrades', { scenarioSha256: 'a'.repeat(64) })).status).toBe(404);
    const bad = await hr.post('/api/regrades', { scenarioSha256: 'acme' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('scenarioSha256');
    expect((await hr.get('/api/regrades/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await client().get('/api/regrades')).status).toBe(401);
  });
});
