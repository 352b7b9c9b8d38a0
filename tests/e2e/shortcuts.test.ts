import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, openPage, useBrowser, wcagViolations } from './browser.ts';

const browser = useBrowser();

describe('keyboard shortcuts on the call', () => {
  it(
    'pauses the clock with Space, and lists every shortcut in a dialog opened with ?',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();
      const clock = page.locator('.hud-time-body');
      await expect.poll(() => clock.getAttribute('class')).not.toContain('is-paused');

      await page.keyboard.press('Space');
      await expect.poll(() => clock.getAttribute('class')).toContain('is-paused');
      await page.getByRole('button', { name: 'Resume the clock' }).waitFor();
      const pausedAt = await page.getByRole('timer', { name: 'Scenario time' }).textContent();
      await page.waitForTimeout(1500);
      expect(await page.getByRole('timer', { name: 'Scenario time' }).textContent()).toBe(pausedAt);

      const focusedBefore = await page.evaluate(() => document.activeElement?.id ?? '');
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      expect(await dialog.getByRole('row').count()).toBe(12);
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
      await keepScreenshot(page, 'shortcuts-help');
      expect(await wcagViolations(page)).toEqual([]);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.id ?? '')).toBe(focusedBefore);
      expect(errors).toEqual([]);
      await context.close();
    },
    90_000,
  );
});
