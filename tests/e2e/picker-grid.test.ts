import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, openPage, useBrowser, wcagViolations } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 60_000;

const SCREENS = [
  { width: 390, height: 844, columns: 1 },
  { width: 800, height: 1000, columns: 2 },
  { width: 1280, height: 720, columns: 3 },
  { width: 1920, height: 1080, columns: 4 },
] as const;

/** How many columns the scenario grid lays out: the distinct left edges of the cards shown. */
function gridColumns(page: Page): Promise<number> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('ul.cards > li')].filter((item) => item.offsetParent !== null);
    return new Set(items.map((item) => Math.round(item.getBoundingClientRect().left))).size;
  });
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the scenario grid', () => {
  for (const screen of SCREENS) {
    it(
      `lays the cards out in ${screen.columns} ${screen.columns === 1 ? 'column' : 'columns'} at ${screen.width}×${screen.height}, with no sideways scroll`,
      async () => {
        const { page, context, errors } = await openPage(browser(), { viewport: { width: screen.width, height: screen.height } });
        await page.goto(appUrl());
        await page.getByRole('list', { name: 'Scenarios' }).waitFor();
        expect(await gridColumns(page)).toBe(screen.columns);
        expect(await pageWidth(page)).toBeLessThanOrEqual(screen.width);
        await keepScreenshot(page, `picker-grid-${screen.width}`);
        await page.getByRole('group', { name: 'Filter scenarios' }).evaluate((filters) => filters.scrollIntoView({ block: 'start' }));
        await keepScreenshot(page, `picker-grid-${screen.width}-filters`);
        expect(errors).toEqual([]);
        await context.close();
      },
      E2E_TIMEOUT,
    );
  }

  it(
    'filters by difficulty and playbook, keeps the filters over a reload, and still opens a ?scenario= link',
    async () => {
      const { page, context, errors } = await openPage(browser(), { viewport: { width: 390, height: 844 } });
      await page.goto(appUrl());
      const filters = page.getByRole('group', { name: 'Filter scenarios' });
      const count = page.getByRole('status').filter({ hasText: /scenarios?$/ });
      const total = Number((await count.textContent())?.match(/of (\d+)/)?.[1]);
      expect(total).toBeGreaterThan(2);

      await filters.getByRole('button', { name: 'Advanced' }).click();
      await filters.getByRole('button', { name: 'ITIL Major Incident Management' }).click();
      await expect.poll(() => count.textContent()).toMatch(new RegExp(`^[1-9] of ${total} scenarios$`));
      expect(new URL(page.url()).search).toBe('?difficulty=advanced&playbook=itil-major-incident');
      expect(await wcagViolations(page)).toEqual([]);

      await page.reload();
      await expect.poll(() => filters.getByRole('button', { name: 'Advanced' }).getAttribute('aria-pressed')).toBe('true');
      expect(await filters.getByRole('button', { name: 'ITIL Major Incident Management' }).getAttribute('aria-pressed')).toBe('true');

      await filters.getByRole('button', { name: 'Introductory' }).click();
      await filters.getByRole('button', { name: 'Advanced' }).click();
      await filters.getByRole('button', { name: 'MIT IS&T Problem Response' }).click();
      await filters.getByRole('button', { name: 'ITIL Major Incident Management' }).click();
      await expect.poll(() => count.textContent()).toBe(`0 of ${total} scenarios`);
      await page.getByText('No scenarios match these filters.').scrollIntoViewIfNeeded();
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await keepScreenshot(page, 'picker-grid-390-empty');
      expect(await wcagViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => count.textContent()).toBe(`${total} of ${total} scenarios`);
      expect(new URL(page.url()).search).toBe('');

      await filters.getByRole('button', { name: 'Advanced' }).click();
      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('button', { name: 'Start the exercise' }).waitFor();
      await page.getByRole('link', { name: 'All scenarios' }).click();
      await expect.poll(() => filters.getByRole('button', { name: 'Advanced' }).getAttribute('aria-pressed')).toBe('true');
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
