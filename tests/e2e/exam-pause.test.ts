import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXAM_PAUSED_REFUSAL } from '../../src/app/exam-pauses.ts';
import { EXAM_PAUSED_HINT } from '../../src/ui/hud/exam-pause-lock.ts';
import { appUrl, keepScreenshot, openPage, useBrowser, wcagViolations } from './browser.ts';

const browser = useBrowser();

interface StoredAttempt {
  readonly mode: string;
  readonly pauses?: { readonly count: number; readonly totalMs: number };
  readonly log: { readonly actions: readonly { readonly type: string }[] };
}

/** The finished attempts this browser keeps, as stored. */
async function storedHistory(page: Page): Promise<StoredAttempt[]> {
  return JSON.parse((await page.evaluate((key) => localStorage.getItem(key), HISTORY_KEY)) ?? '[]') as StoredAttempt[];
}

const E2E_TIMEOUT = 90_000;
const HISTORY_KEY = 'bridge-drill:history:v2';

describe('an exam keeps the pressure while paused', () => {
  it(
    'refuses to act while the clock is paused, keeps the draft, acts once resumed, and keeps the pauses with the attempt',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('radio', { name: /Exam mode/ }).check();
      expect(await page.getByTestId('pause-rule').textContent()).toMatch(/stops the clock but not the bridge: you cannot act while paused/);
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();

      await page.getByRole('button', { name: 'Pause the clock' }).click();
      const hint = page.locator('.hud-actions-panel .hud-exam-paused');
      await hint.waitFor();
      expect(await hint.textContent()).toBe(EXAM_PAUSED_HINT);
      // Reading still works while paused: the other tabs and the transcript.
      await page.getByRole('tab', { name: 'Notify' }).click();
      await page.getByRole('tab', { name: 'Command' }).click();
      expect(await page.getByRole('list', { name: 'Transcript' }).textContent()).toContain('Priya Shah');
      const announce = page.getByRole('button', { name: 'Announce role' });
      expect(await announce.getAttribute('aria-disabled')).toBe('true');

      // Drafting still works; pressing the button (by keyboard, as it stays focusable) says why nothing happened.
      const message = page.getByRole('textbox', { name: 'Announcement (optional)' });
      await message.fill('This is Dana, I am running this bridge.');
      await announce.focus();
      await page.keyboard.press('Enter');
      const form = page.locator('form').filter({ has: announce });
      await expect.poll(() => form.getByRole('alert').textContent()).toBe(EXAM_PAUSED_REFUSAL);
      expect(await message.inputValue()).toBe('This is Dana, I am running this bridge.');

      // A click is refused the same way.
      await page.getByRole('button', { name: 'Roll call' }).click({ force: true });
      await expect.poll(() => form.getByRole('alert').textContent()).toBe(EXAM_PAUSED_REFUSAL);

      const pauses = page.locator('.hud-pauses');
      await expect.poll(() => pauses.textContent(), { timeout: 5_000 }).toMatch(/^Paused 1× · [1-9]\d* s$/);
      await keepScreenshot(page, 'exam-paused');
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Resume the clock' }).click();
      await hint.waitFor({ state: 'hidden' });
      expect(await announce.getAttribute('aria-disabled')).toBeNull();
      await announce.click();
      await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^Sent at \d\d:\d\d:\d\d$/);
      expect(await message.inputValue()).toBe('');
      await keepScreenshot(page, 'exam-resumed');

      await page.getByRole('button', { name: 'End exercise' }).click();
      await page.getByRole('button', { name: 'End now' }).click();
      await page.getByRole('button', { name: 'Back to scenarios' }).waitFor({ timeout: 60_000 });
      await expect.poll(async () => (await storedHistory(page)).length).toBe(1);
      const stored = await storedHistory(page);
      expect(stored[0]?.mode).toBe('exam');
      expect(stored[0]?.log.actions.map((action) => action.type)).toEqual(['announce-role']);
      expect(stored[0]?.pauses?.count).toBe(1);
      expect(stored[0]?.pauses?.totalMs).toBeGreaterThan(1_000);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
