import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fontString } from '../../src/game/text-style.ts';
import { estimateTextWidth } from '../../src/game/text-estimate.ts';
import { loadAcme } from '../helpers.ts';
import { appUrl, keepScreenshot, openPage, useBrowser } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 180_000;

const VIEWPORTS = [
  { width: 900, height: 700 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Everyone Acme starts with is on the call; these three join when paged. */
const PAGED = ['Gloria Chen', "Kevin O'Brien", 'Helen Okafor'] as const;

/**
 * Watches every frame the page draws from now on: each frame the tiles' bounds (as the stage reports
 * them) leave the gallery area or the canvas is kept, so a tile outside for a single frame is caught.
 */
async function watchTileBounds(page: Page): Promise<void> {
  await page.evaluate(() => {
    const stage = document.querySelector<HTMLElement>('.stage')!;
    const canvas = stage.querySelector('canvas')!;
    const numbers = (text: string | undefined): number[] => (text ?? '').split(' ').filter((part) => part !== '').map(Number);
    const watch = { frames: 0, outside: [] as string[] };
    Object.assign(window, { tileWatch: watch });
    const frame = (): void => {
      watch.frames++;
      const bounds = numbers(stage.dataset.tileBounds);
      const area = numbers(stage.dataset.galleryArea);
      if (bounds.length === 4 && area.length === 4) {
        const [x, y, width, height] = bounds as [number, number, number, number];
        const [ax, ay, aw, ah] = area as [number, number, number, number];
        const box = canvas.getBoundingClientRect();
        const inArea = x >= ax - 0.5 && y >= ay - 0.5 && x + width <= ax + aw + 0.5 && y + height <= ay + ah + 0.5;
        const inCanvas = x >= 0 && y >= 0 && x + width <= box.width + 0.5 && y + height <= box.height + 0.5;
        if (!inArea || !inCanvas) watch.outside.push(`${stage.dataset.tiles} tiles at ${stage.dataset.tileBounds} in ${stage.dataset.galleryArea}`);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

const tileWatch = (page: Page): Promise<{ frames: number; outside: string[] }> => page.evaluate(() => (window as unknown as { tileWatch: { frames: number; outside: string[] } }).tileWatch);

async function pageOntoTheBridge(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('button', { name: `Page ${name} onto the bridge` }).click();
}

/** How wide the canvas draws each of `names` in a tile's name font at `size` CSS px. */
const drawnWidths = (page: Page, names: readonly string[], font: string): Promise<number[]> =>
  page.evaluate(
    ({ names, font }) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = font;
      return names.map((name) => ctx.measureText(name).width);
    },
    { names, font },
  );

describe('the call with eleven people, reached at 10×', () => {
  it(
    'shows every name whole at 900, 1280 and 1920 px, and keeps every tile inside the stage on every frame while half the call drops and rejoins',
    async () => {
      const { page, context, errors } = await openPage(browser(), { viewport: { width: 1280, height: 720 } });
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      const stage = page.locator('.stage[data-ready="true"]');
      await stage.waitFor();
      await watchTileBounds(page);
      await page.getByRole('button', { name: 'Speed 10×' }).click();
      await page.getByRole('button', { name: 'People', exact: true }).click();
      for (const name of PAGED) await pageOntoTheBridge(page, name);
      await expect.poll(() => stage.getAttribute('data-tiles'), { timeout: 60_000 }).toBe('11');

      // The same eleven at every size: the gallery lays itself out again when the window changes.
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        // The last tile has faded in and every tile has reached its cell.
        await page.waitForTimeout(800);
        expect(await stage.getAttribute('data-cut-names'), `tiles whose name is cut short at ${viewport.width}`).toBe('0');
        await stage.scrollIntoViewIfNeeded();
        await keepScreenshot(page, `call-eleven-${viewport.width}`);
      }
      await page.setViewportSize({ width: 1280, height: 720 });

      // The estimate the layout is tested with is never narrower than the browser draws these names.
      const names = loadAcme().scenario.cast.map((person) => person.name);
      const font = fontString({ size: 12, weight: '600' });
      const drawn = await drawnWidths(page, names, font);
      names.forEach((name, index) => expect(estimateTextWidth(name, font), name).toBeGreaterThanOrEqual(drawn[index]!));

      // The release team and others drop off together, and come back a few minutes later; Bill comes back when paged.
      await expect.poll(async () => Number(await stage.getAttribute('data-tiles')), { timeout: 60_000 }).toBeLessThan(8);
      await pageOntoTheBridge(page, 'Bill Turner');
      await expect.poll(() => stage.getAttribute('data-tiles'), { timeout: 90_000 }).toBe('11');
      await page.waitForTimeout(800);
      expect(await stage.getAttribute('data-cut-names')).toBe('0');
      await keepScreenshot(page, 'call-eleven-1280-rejoined');

      const watch = await tileWatch(page);
      expect(watch.frames).toBeGreaterThan(1000);
      expect(watch.outside).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
