import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appUrl, useBrowser, keepScreenshot, openPage } from './browser.ts';
import { tabTo } from './keyboard.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import { loadAcme } from '../helpers.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 90_000;

describe('playing Acme in the browser', () => {
  it(
    'goes from the deep link through the bridge to the debrief, with no console errors',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('heading', { level: 1, name: /Acme Chemical/ }).waitFor();
      await keepScreenshot(page, 'briefing');
      await page.getByRole('radio', { name: /Exam mode/ }).check();
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();

      await page.getByRole('button', { name: 'Announce role' }).click();
      await page.getByRole('button', { name: 'Roll call' }).click();

      await page.getByRole('button', { name: 'People', exact: true }).click();
      await page.getByRole('button', { name: /^Priya Shah/ }).click();
      await page.getByRole('button', { name: 'Mute Priya Shah' }).click();
      await page.getByRole('textbox', { name: 'Task for Marcus Reid' }).or(page.getByRole('button', { name: /^Marcus Reid/ })).first().click();
      await page.getByRole('textbox', { name: 'Task for Marcus Reid' }).fill('Check the load balancer health for the order service');
      await page.getByRole('spinbutton', { name: /Time box/ }).first().fill('10');
      await page.getByRole('group', { name: 'Actions for Marcus Reid' }).getByRole('button', { name: 'Assign' }).click();

      await page.getByRole('button', { name: 'Actions', exact: true }).click();
      await page.getByRole('tab', { name: 'Priority' }).click();
      await page.getByRole('button', { name: /^P1/ }).first().click();
      await page.getByRole('tab', { name: 'CAN' }).click();
      await page.getByRole('textbox', { name: 'Conditions' }).fill('Release failed; the order service is degraded.');
      await page.getByRole('textbox', { name: 'Actions' }).fill('Bridge under command; network checking the load balancer.');
      await page.getByRole('textbox', { name: 'Needs' }).fill('No additional needs.');
      await page.getByRole('button', { name: 'Submit CAN report' }).click();

      const transcript = page.getByRole('list', { name: 'Transcript' });
      await expect.poll(() => transcript.textContent()).toContain('identify themselves');
      await keepScreenshot(page, 'bridge');

      await page.getByRole('button', { name: 'End exercise' }).click();
      await page.getByRole('button', { name: 'End now' }).click();
      await page.getByRole('heading', { level: 1, name: /Debrief|Acme/ }).waitFor();
      await keepScreenshot(page, 'debrief');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download action log' }).click()]);
      const { scenario, playbook } = loadAcme();
      const checked = validateLog(JSON.parse(readFileSync(await download.path(), 'utf8')), scenario, playbook);
      if (!checked.ok) throw new Error(checked.errors.join('\n'));
      expect(checked.log.actions.map((action) => action.type)).toEqual(['announce-role', 'roll-call', 'mute', 'assign', 'set-priority', 'can-report']);
      const report = grade(scenario, playbook, checked.log);
      expect(report.total.points).toBeGreaterThan(0);
      const shown = await page.locator('main').textContent();
      expect(shown).toContain(`${report.total.points} of ${report.total.max} points`);
      expect(shown).toContain(`${report.total.percent}%`);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'resumes after a reload at the same scenario time with every action kept',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();
      await page.getByRole('button', { name: '10×' }).click();
      await page.getByRole('button', { name: 'Announce role' }).click();
      await page.waitForTimeout(1500);
      await page.getByRole('button', { name: 'Pause' }).click();
      const clock = page.getByRole('timer', { name: 'Scenario time' });
      const before = (await clock.textContent())?.trim();
      const transcriptBefore = await page.getByRole('list', { name: 'Transcript' }).locator('li').count();

      await page.reload();
      await page.getByText(/Welcome back/).waitFor();
      expect(await page.getByRole('status').filter({ hasText: 'Welcome back' }).textContent()).toContain(`restored at ${before} with 1 action kept`);
      expect((await clock.textContent())?.trim()).toBe(before);
      expect(await page.getByRole('list', { name: 'Transcript' }).locator('li').count()).toBe(transcriptBefore);
      await keepScreenshot(page, 'resumed');
      await page.getByRole('button', { name: 'Carry on' }).click();
      await expect.poll(async () => (await clock.textContent())?.trim()).not.toBe(before);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'can be played with the keyboard alone, with reduced motion',
    async () => {
      const { page, context, errors } = await openPage(browser(), { reducedMotion: 'reduce' });
      await page.goto(appUrl('acme-chemical'));
      await tabTo(page, /^Start the exercise$/);
      await page.keyboard.press('Enter');
      await page.locator('.stage[data-ready="true"]').waitFor();
      await tabTo(page, /^Roll call$/);
      await page.keyboard.press('Enter');
      await tabTo(page, /^People$/);
      await page.keyboard.press('Enter');
      await tabTo(page, /^Priya Shah/);
      await page.keyboard.press('Enter');
      await tabTo(page, /^Mute Priya Shah$/);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('list', { name: 'Transcript' }).textContent()).toMatch(/You mute Priya Shah/);
      await tabTo(page, /^End exercise$/);
      await page.keyboard.press('Enter');
      await tabTo(page, /^End now$/);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await keepScreenshot(page, 'keyboard-debrief');
      expect(await page.locator('main').textContent()).toMatch(/identify themselves/);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
