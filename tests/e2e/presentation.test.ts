import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, openPage, useBrowser } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 120_000;

/** The smallest caption text a room can read from the back on a 1920×1080 projector (CSS px). */
const READABLE_CAPTION_PX = 28;

interface Fit {
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
}

const pageFit = (page: Page): Promise<Fit> =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  }));

const stageHeight = (page: Page): Promise<number> => page.locator('.stage-frame').evaluate((element) => element.getBoundingClientRect().height);

interface CaptionLine {
  readonly text: string;
  readonly fontPx: number;
  /** The line is inside the caption box from its first pixel to its last, and no text is cut at its end. */
  readonly whole: boolean;
}

/** Each caption line on screen, with the size of its spoken text and whether it is shown whole. */
const captionLines = (page: Page): Promise<CaptionLine[]> =>
  page.locator('.captions').evaluate((box) => {
    const outer = box.getBoundingClientRect();
    return [...box.querySelectorAll<HTMLElement>('.caption')]
      .filter((line) => line.getClientRects().length > 0)
      .map((line) => {
        const rect = line.getBoundingClientRect();
        const text = line.querySelector<HTMLElement>('.caption-text')!;
        return {
          text: line.textContent ?? '',
          fontPx: parseFloat(getComputedStyle(text).fontSize),
          whole: rect.top >= outer.top - 0.5 && rect.bottom <= outer.bottom + 0.5 && line.scrollWidth <= line.clientWidth + 1,
        };
      });
  });

/** Starts Acme at 10× from a deep link and waits for the call scene and at least `lines` captions. */
async function startAcme(page: Page, query: Record<string, string> = {}, lines = 2): Promise<void> {
  const url = new URL(appUrl('acme-chemical'));
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  await page.goto(url.toString());
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  await page.locator('.stage[data-ready="true"]').waitFor();
  await page.getByRole('button', { name: 'Speed 10×' }).click();
  await expect.poll(async () => (await captionLines(page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(lines);
}

describe('the bridge at 1280×720', () => {
  it(
    'keeps the page inside the window with the People tab open, and switching tabs leaves the call the same height',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await startAcme(page);
      const withActions = await stageHeight(page);
      await page.getByRole('button', { name: 'People', exact: true }).click();
      await page.locator('#hud-people').waitFor();
      const fit = await pageFit(page);
      expect(fit.scrollHeight, 'page height with the People tab open').toBeLessThanOrEqual(fit.innerHeight);
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
      expect(await stageHeight(page)).toBe(withActions);
      const roster = page.locator('#hud-people');
      expect(await roster.evaluate((element) => element.scrollHeight > element.clientHeight), 'the roster scrolls inside its column').toBe(true);

      // New captions arrive and wrap: the call keeps its height.
      const before = (await captionLines(page)).at(-1)?.text;
      await expect.poll(async () => (await captionLines(page)).at(-1)?.text, { timeout: 30_000 }).not.toBe(before);
      expect(await stageHeight(page)).toBe(withActions);
      await keepScreenshot(page, 'play-1280-people');

      await page.getByRole('button', { name: 'Actions', exact: true }).click();
      expect(await stageHeight(page)).toBe(withActions);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'shows the last few captions whole, older ones fading, as lines keep coming',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await startAcme(page, {}, 1);
      const seen = new Set<string>();
      for (let sample = 0; sample < 12 && seen.size < 5; sample++) {
        const lines = await captionLines(page);
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.length).toBeLessThanOrEqual(3);
        for (const line of lines) {
          expect(line.whole, `"${line.text}" is shown whole`).toBe(true);
          seen.add(line.text);
        }
        await page.waitForTimeout(700);
      }
      expect(seen.size).toBeGreaterThanOrEqual(3);
      await expect.poll(async () => (await captionLines(page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      const colours = await page.locator('.captions .caption:not([hidden])').evaluateAll((lines) => lines.map((line) => getComputedStyle(line).color));
      expect(new Set(colours).size, 'older lines are drawn fainter than the newest').toBeGreaterThan(1);
      await keepScreenshot(page, 'captions-1280');
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'fits presentation mode too: no sideways scroll, and the page stays inside the window',
    async () => {
      const { page, context, errors } = await openPage(browser());
      // Lines this large leave room for one or two captions here.
      await startAcme(page, { present: '1' }, 1);
      await page.getByRole('button', { name: 'People', exact: true }).click();
      const fit = await pageFit(page);
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
      expect(fit.scrollHeight).toBeLessThanOrEqual(fit.innerHeight);
      for (const line of await captionLines(page)) expect(line.fontPx).toBeGreaterThanOrEqual(READABLE_CAPTION_PX);
      await keepScreenshot(page, 'presentation-1280');
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});

describe('presentation mode on a 1920×1080 projector', () => {
  it(
    'starts from the deep link with large captions, transcript and controls, the call still in view, and toggles off and on',
    async () => {
      const viewport = { width: 1920, height: 1080 };
      const { page, context, errors } = await openPage(browser(), { viewport });
      await startAcme(page, { present: '1' });
      const toggle = page.getByRole('button', { name: 'Presentation' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('section.play').getAttribute('class')).toContain('is-presentation');

      const lines = await captionLines(page);
      for (const line of lines) {
        expect(line.fontPx, `"${line.text}"`).toBeGreaterThanOrEqual(READABLE_CAPTION_PX);
        expect(line.whole, `"${line.text}" is shown whole`).toBe(true);
      }
      const transcriptPx = await page.locator('.transcript .text').last().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      const hudPx = await page.locator('.hud-body:not([hidden]) label').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(await stageHeight(page), 'the call keeps a good share of the screen').toBeGreaterThanOrEqual(viewport.height * 0.4);
      let fit = await pageFit(page);
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
      expect(fit.scrollHeight).toBeLessThanOrEqual(fit.innerHeight);
      await keepScreenshot(page, 'presentation-1920');

      await page.getByRole('button', { name: 'People', exact: true }).click();
      fit = await pageFit(page);
      expect(fit.scrollHeight).toBeLessThanOrEqual(fit.innerHeight);
      await keepScreenshot(page, 'presentation-1920-people');
      await page.getByRole('button', { name: 'Actions', exact: true }).click();

      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      const plain = await captionLines(page);
      expect(Math.max(...plain.map((line) => line.fontPx))).toBeLessThan(READABLE_CAPTION_PX);
      expect(await page.locator('.transcript .text').last().evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeLessThan(transcriptPx);
      expect(await page.locator('.hud-body:not([hidden]) label').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeLessThan(hudPx);
      await keepScreenshot(page, 'presentation-1920-off');

      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      for (const line of await captionLines(page)) expect(line.fontPx).toBeGreaterThanOrEqual(READABLE_CAPTION_PX);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'keeps an address without the parameter as it was: the briefing opens and play starts without presentation mode',
    async () => {
      const { page, context, errors } = await openPage(browser(), { viewport: { width: 1920, height: 1080 } });
      await startAcme(page, {}, 1);
      expect(await page.getByRole('button', { name: 'Presentation' }).getAttribute('aria-pressed')).toBe('false');
      expect(new URL(page.url()).search).toBe('?scenario=acme-chemical');
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
