import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, openPage, useBrowser } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 90_000;

/** Whether the end of the transcript's last line is inside the transcript's scrolling box (a line can be taller than the box). */
function lastLineShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.transcript-scroll');
    const last = scroller?.querySelector('li:last-child');
    if (!scroller || !last) return false;
    const box = scroller.getBoundingClientRect();
    const line = last.getBoundingClientRect();
    return line.bottom > box.top && line.bottom <= box.bottom + 1;
  });
}

function lineCount(page: Page): Promise<number> {
  return page.getByRole('list', { name: 'Transcript' }).locator('li').count();
}

describe('the transcript in Acme at 1280×720', () => {
  it(
    'follows new lines, stays where the trainee scrolled up to, and jumps back to the latest',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();
      // The opening lines arrive together, before the transcript is on the page, and the first is taller than its box.
      await expect.poll(() => lastLineShown(page)).toBe(true);
      await page.getByRole('button', { name: 'Speed 10×' }).click();
      await expect.poll(() => lineCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
      await expect.poll(() => lastLineShown(page)).toBe(true);
      await keepScreenshot(page, 'transcript-following');

      const scroller = page.locator('.transcript-scroll');
      await scroller.hover();
      await page.mouse.wheel(0, -2000);
      const jump = page.getByRole('button', { name: 'Jump to latest' });
      await jump.waitFor();
      const before = await lineCount(page);
      await expect.poll(() => lineCount(page), { timeout: 30_000 }).toBeGreaterThan(before);
      expect(await lastLineShown(page)).toBe(false);
      expect(await scroller.evaluate((element) => element.scrollTop)).toBe(0);
      await keepScreenshot(page, 'transcript-scrolled-up');

      await jump.click();
      await expect.poll(() => lastLineShown(page)).toBe(true);
      expect(await jump.isVisible()).toBe(false);

      // A resumed session draws its whole transcript at once: it opens at the latest line too.
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.reload();
      await page.getByText(/Welcome back/).waitFor();
      await expect.poll(() => lastLineShown(page)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
