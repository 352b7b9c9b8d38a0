import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, openPage, useBrowser, wcagViolations } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 90_000;

/** Narrower than this (CSS px), a tile cuts names such as "Pete Lawson" short. */
const READABLE_TILE_WIDTH = 140;

const PHONES = [
  { width: 390, height: 844 },
  { width: 480, height: 800 },
] as const;

describe('the bridge on a phone', () => {
  for (const viewport of PHONES) {
    it(
      `draws the call at ${viewport.width}×${viewport.height} with the whole play bar in view and no sideways scroll`,
      async () => {
        const { page, context, errors } = await openPage(browser(), { viewport });
        await page.goto(appUrl('acme-chemical'));
        await page.getByRole('button', { name: 'Start the exercise' }).click();
        const stage = page.locator('.stage[data-ready="true"]');
        await stage.waitFor();
        await keepScreenshot(page, `phone-${viewport.width}`);

        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        const controls = page.locator('.play-bar').locator('button, input').filter({ visible: true });
        expect(await controls.count()).toBeGreaterThan(5);
        for (const control of await controls.all()) {
          const box = await control.boundingBox();
          const name = (await control.getAttribute('aria-label')) ?? (await control.textContent());
          expect(box, `${name} is shown`).not.toBeNull();
          expect(box!.x, `${name} starts inside the screen`).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, `${name} ends inside the screen`).toBeLessThanOrEqual(viewport.width);
        }
        expect(Number(await stage.getAttribute('data-tiles'))).toBeGreaterThan(0);
        expect(Number(await stage.getAttribute('data-tile-width'))).toBeGreaterThanOrEqual(READABLE_TILE_WIDTH);

        await page.getByRole('button', { name: 'End exercise' }).click();
        await page.getByRole('button', { name: 'End now' }).click();
        await page.getByRole('navigation', { name: 'Debrief sections' }).waitFor();
        expect(errors).toEqual([]);
        await context.close();
      },
      E2E_TIMEOUT,
    );
  }
});

describe('a trainee on a phone', () => {
  it(
    'plays Acme to the debrief at 390×844: acts from the controls, sees who is waiting, and meets WCAG 2.1 AA on the call and the debrief',
    async () => {
      const viewport = { width: 390, height: 844 };
      const { page, context, errors } = await openPage(browser(), { viewport });
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Command' }).click();
      await page.getByRole('button', { name: 'Announce role' }).click();
      await page.getByRole('button', { name: '10×' }).click();
      const waiting = page.getByRole('region', { name: /Waiting on you/ });
      await waiting.getByRole('listitem').first().waitFor({ timeout: 60_000 });
      await waiting.scrollIntoViewIfNeeded();
      await keepScreenshot(page, 'phone-390-waiting');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'End exercise' }).click();
      await page.getByRole('button', { name: 'End now' }).click();
      await page.getByRole('navigation', { name: 'Debrief sections' }).waitFor();
      await keepScreenshot(page, 'phone-390-debrief');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(await wcagViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    3 * E2E_TIMEOUT,
  );
});
