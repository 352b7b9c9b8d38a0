import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, openPage, useBrowser } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 90_000;

const SECTIONS = [
  { link: 'Score', id: 'db-summary' },
  { link: 'Findings', id: 'db-findings' },
  { link: 'CAN report', id: 'db-can' },
  { link: 'Timeline', id: 'db-timeline' },
  { link: 'Save and print', id: 'db-export' },
] as const;

/** Plays Acme for one action and ends it, which opens the debrief. */
async function finishQuickly(page: Page): Promise<void> {
  await page.goto(appUrl('acme-chemical'));
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  await page.locator('.stage[data-ready="true"]').waitFor();
  await page.getByRole('button', { name: 'Announce role' }).click();
  await page.getByRole('tab', { name: 'CAN' }).click();
  await page.getByRole('textbox', { name: 'Conditions' }).fill('The order service is degraded.');
  await page.getByRole('button', { name: 'Submit CAN report' }).click();
  await page.getByRole('button', { name: 'End exercise' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await onDebrief(page);
}

async function onDebrief(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Debrief sections' }).waitFor({ timeout: 5_000 });
}

/** Whether the element's top is inside the viewport, where a jump to it should have put it. */
function topInView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const element = document.getElementById(target);
    if (!element) return false;
    const top = element.getBoundingClientRect().top;
    return top >= -1 && top < window.innerHeight;
  }, id);
}

describe('the debrief section links', () => {
  it(
    'scroll to each section and never leave the debrief, and back from a jump stays on it',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await finishQuickly(page);
      const sections = page.getByRole('navigation', { name: 'Debrief sections' });

      for (const { link, id } of SECTIONS) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await sections.getByRole('link', { name: link, exact: true }).click();
        await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#${id}`);
        // A re-route would arrive with the history event, after the scroll: give it a frame to happen.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await onDebrief(page);
        expect(await page.getByRole('button', { name: 'Start the exercise' }).count()).toBe(0);
        expect(await topInView(page, id), `${link} is scrolled into view`).toBe(true);
      }
      await keepScreenshot(page, 'debrief-after-section-link');

      await page.goBack();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#db-timeline');
      await onDebrief(page);
      expect(await topInView(page, 'db-timeline')).toBe(true);

      await page.getByRole('button', { name: 'Play again' }).click();
      await page.getByRole('button', { name: 'Start the exercise' }).waitFor();
      expect(await page.evaluate(() => window.location.hash)).toBe('');
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'jump from the timeline to a finding, which takes the focus, and back returns to the debrief',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await finishQuickly(page);
      const findingLink = page.locator('#db-timeline a[href^="#"]').first();
      const target = (await findingLink.getAttribute('href'))!.slice(1);
      await findingLink.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target);
      await onDebrief(page);
      expect(await topInView(page, target)).toBe(true);
      await keepScreenshot(page, 'debrief-finding-from-timeline');

      while ((await page.evaluate(() => window.location.hash)) !== '') await page.goBack();
      await onDebrief(page);
      expect(await page.getByRole('button', { name: 'Start the exercise' }).count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
