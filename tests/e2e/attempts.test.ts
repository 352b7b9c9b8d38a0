import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAttempt, regradeAttempt, versionLibrary } from '../../src/core/attempt.ts';
import { contentSha256OfJsonText } from '../../src/core/hash/content-hash.ts';
import { acmeText, loadAcme, readRepoText } from '../helpers.ts';
import { appUrl, useBrowser, keepScreenshot, openPage } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 90_000;
const HISTORY_KEY = 'bridge-drill:history:v2';

describe('attempt records in the browser', () => {
  it(
    'downloads a finished attempt as a record that regrades to the same report, and names the version of an attempt played on another one',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('radio', { name: /Exam mode/ }).check();
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();
      await page.getByRole('button', { name: 'Announce role' }).click();
      await page.getByRole('button', { name: 'End exercise' }).click();
      await page.getByRole('button', { name: 'End now' }).click();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download attempt record' }).click()]);
      const parsed = parseAttempt(JSON.parse(readFileSync(await download.path(), 'utf8')));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
      const { scenario, playbook } = loadAcme();
      expect(parsed.attempt.scenario).toEqual({ id: 'acme-chemical', version: scenario.version, sha256: contentSha256OfJsonText(acmeText()) });
      expect(parsed.attempt.playbook.sha256).toBe(contentSha256OfJsonText(readRepoText('scenarios/playbooks/itil-major-incident.json')));
      expect(parsed.attempt.log.actions.map((action) => action.type)).toEqual(['announce-role']);
      const versions = versionLibrary();
      versions.add('scenario', scenario, JSON.parse(acmeText()));
      versions.add('playbook', playbook, JSON.parse(readRepoText('scenarios/playbooks/itil-major-incident.json')));
      const regraded = regradeAttempt(parsed.attempt, versions.lookup);
      expect(regraded.ok && regraded.sameAsStored).toBe(true);

      await page.evaluate(
        ([key, sha]) => {
          const history = JSON.parse(localStorage.getItem(key) ?? '[]') as { scenario: { sha256: string }; report: { scenario: { sha256: string } } }[];
          for (const attempt of history) {
            attempt.scenario.sha256 = sha;
            attempt.report.scenario.sha256 = sha;
          }
          localStorage.setItem(key, JSON.stringify(history));
        },
        [HISTORY_KEY, 'a'.repeat(64)] as const,
      );
      await page.goto(appUrl());
      await page.getByRole('button', { name: /Open debrief: Acme Chemical/ }).click();
      const notice = page.getByRole('alert').filter({ hasText: 'this browser has acme-chemical' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain('sha256 aaaaaaaa…');
      await keepScreenshot(page, 'debrief-other-version');
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
