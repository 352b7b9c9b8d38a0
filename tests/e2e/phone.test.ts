import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, openPage, useBrowser } from './browser.ts';

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
