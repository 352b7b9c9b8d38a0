import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, openPage, useBrowser, wcagViolations } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 120_000;
const SCENARIO = 'mim-day-slowness';
const DESKTOP = { width: 1280, height: 720 } as const;
const PHONE = { width: 390, height: 844 } as const;

/** Plays the slow order portal: `moves` on the call, then ends it, which opens the debrief. */
async function play(page: Page, moves: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(appUrl(SCENARIO));
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  await page.locator('.stage[data-ready="true"]').waitFor();
  await moves(page);
  await page.getByRole('button', { name: 'End exercise' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByRole('navigation', { name: 'Debrief sections' }).waitFor({ timeout: 10_000 });
}

async function announceOnly(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Announce role' }).click();
}

async function announceAndPrioritise(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Announce role' }).click();
  await page.getByRole('tab', { name: 'Priority' }).click();
  await page.locator('.hud-level[data-level="P1"]').click();
  await page.getByRole('button', { name: 'Performance degradation' }).click();
}

/** Scrolls a section's top to the top of the window and keeps a screenshot of what shows. */
async function screenshotAt(page: Page, selector: string, name: string): Promise<void> {
  await page.locator(selector).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await keepScreenshot(page, name);
}

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('the debrief teaches', () => {
  it(
    'compares a second attempt with the first, says where each missed control is, sets the model answer beside the trainee’s steps, on a desktop and on a phone, and replays the call from a moment of the timeline',
    async () => {
      const { page, context, errors } = await openPage(browser(), { viewport: DESKTOP });

      await play(page, announceOnly);
      const firstProgress = page.locator('#db-progress');
      expect(await firstProgress.textContent()).toContain('This is your first attempt at this scenario');

      await play(page, announceAndPrioritise);
      const progress = page.getByRole('region', { name: 'Your attempts at this scenario' });
      const rows = progress.getByRole('table').locator('tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(1).textContent()).toContain('This attempt');
      const since = progress.getByRole('list', { name: 'Since your previous attempt' });
      expect(await since.getByRole('listitem').filter({ hasText: 'Priority and classification' }).textContent()).toContain('up');

      const execNotice = page.locator('#db-finding-exec-notice');
      expect(await execNotice.locator('.db-control-step').allTextContents()).toEqual(['Actions', 'Notify', 'Audience: Executives', 'Channel: your choice', 'Send notification']);
      expect(await execNotice.locator('.db-control kbd').textContent()).toBe('N');
      const mute = page.locator('#db-finding-mute-train-line');
      expect(await mute.locator('.db-control-step').allTextContents()).toEqual(['People', 'Claire Dubois', 'Mute']);

      const model = page.getByRole('region', { name: 'Model answer' });
      expect(await model.locator('.db-ma-step').count()).toBe(23);
      const announced = model.locator('.db-ma-step').first();
      expect(await announced.locator('.db-ma-expert').textContent()).toContain('Why:');
      expect(await announced.locator('.db-ma-you').textContent()).toMatch(/At 09:1\d:\d\d/);
      const expertCan = model.getByRole('region', { name: 'An expert’s CAN report' });
      expect(await expertCan.textContent()).toContain('Expert at 09:21:00');
      expect(await expertCan.textContent()).toContain('You gave no CAN report.');

      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      expect(await wcagViolations(page)).toEqual([]);
      await screenshotAt(page, '#db-progress', 'debrief-teaches-progress-1280');
      await screenshotAt(page, '#db-finding-exec-notice', 'debrief-teaches-control-1280');
      await screenshotAt(page, '#db-model', 'debrief-teaches-model-1280');
      await screenshotAt(page, '.db-ma-step:nth-child(12)', 'debrief-teaches-model-steps-1280');
      await screenshotAt(page, '.db-ma-can', 'debrief-teaches-expert-can-1280');
      await screenshotAt(page, '#db-timeline-list', 'debrief-teaches-replay-buttons-1280');

      await page.setViewportSize(PHONE);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      for (const selector of ['.db-ma-step', '.db-ma-you', '.db-control', '.db-progress-table']) {
        const box = await page.locator(selector).first().boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.x + box!.width, `${selector} ends inside the screen`).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await wcagViolations(page)).toEqual([]);
      await screenshotAt(page, '#db-progress', 'debrief-teaches-progress-390');
      await screenshotAt(page, '#db-finding-exec-notice', 'debrief-teaches-control-390');
      await screenshotAt(page, '#db-model', 'debrief-teaches-model-390');
      await screenshotAt(page, '.db-ma-step:nth-child(12)', 'debrief-teaches-model-steps-390');
      await screenshotAt(page, '.db-ma-can', 'debrief-teaches-expert-can-390');
      await screenshotAt(page, '#db-timeline-list', 'debrief-teaches-replay-buttons-390');

      expect(errors).toEqual([]);
      await page.setViewportSize(DESKTOP);
      await page.getByRole('button', { name: 'Replay from here, 09:14:00' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();
      expect(await page.locator('.hud-clock').first().textContent()).toMatch(/^09:14:0\d/);
      expect(await page.url()).toContain(`scenario=${SCENARIO}`);
      await page.getByRole('tab', { name: 'Priority' }).click();
      expect(await page.locator('.hud-current').first().textContent()).toContain('P1');
      await keepScreenshot(page, 'debrief-teaches-replayed-1280');
      await page.getByRole('button', { name: 'End exercise' }).click();
      await page.getByRole('button', { name: 'End now' }).click();
      await page.getByRole('navigation', { name: 'Debrief sections' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('#db-progress tbody tr').count()).toBe(3);

      // A second call scene in one page (as after "Play again") must not leave the first one drawing into a canvas that is gone.
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
