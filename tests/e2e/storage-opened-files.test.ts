import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { acmeObject } from '../helpers.ts';
import { appUrl, keepScreenshot, useBrowser } from './browser.ts';
import { CROSS_TAB_WAIT, openStorageOnly, openTabs, OPENED_KEY, readItem, writeItem } from './storage-tabs.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 150_000;
/** A file an earlier visit kept that does not pass today's checks. */
const OLD_DRILL = { file: 'old-drill.json', text: '{"id":"old-drill"}' };

function drillFile(n: number): { name: string; title: string; text: string } {
  const title = `Drill ${n}: opened in tab ${n}`;
  return { name: `drill-${n}.json`, title, text: JSON.stringify({ ...acmeObject(), id: `drill-${n}`, title }, null, 2) };
}

async function storedFileNames(page: Page): Promise<string[]> {
  return (JSON.parse((await readItem(page, OPENED_KEY)) ?? '[]') as { file: string }[]).map((item) => item.file);
}

describe('scenario files opened in three tabs sharing one localStorage', () => {
  it(
    'all stay, with the kept file that no longer validates, and after a reload every tab lists the three and the one that needs attention',
    async () => {
      const { context, pages, errors } = await openTabs(browser(), 3);
      await openStorageOnly(pages[0]!);
      await writeItem(pages[0]!, OPENED_KEY, JSON.stringify([OLD_DRILL]));
      for (const page of pages) {
        await page.goto(appUrl());
        await page.getByRole('alert').filter({ hasText: 'old-drill.json' }).waitFor();
      }

      const files = [1, 2, 3].map(drillFile);
      for (const [index, page] of pages.entries()) {
        const file = files[index]!;
        await page.getByLabel('Scenario file', { exact: true }).setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
        await page.getByRole('heading', { level: 1, name: file.title }).waitFor();
        // The next tab opens its file only once this one's write has reached it, as one tab after another would.
        const next = pages[(index + 1) % pages.length]!;
        await expect.poll(() => storedFileNames(next), { timeout: CROSS_TAB_WAIT }).toContain(file.name);
      }
      expect(await storedFileNames(pages[0]!)).toEqual([OLD_DRILL.file, ...files.map((file) => file.name)]);

      for (const page of pages) {
        await page.goto(appUrl());
        const cards = page.getByRole('list', { name: 'Scenarios' });
        for (const file of files) await cards.getByRole('heading', { name: file.title }).waitFor();
        const attention = page.getByRole('region', { name: 'Needs attention' });
        await attention.waitFor();
        expect(await attention.getByRole('article').allTextContents()).toEqual([expect.stringMatching(/old-drill\.json.*old-drill\.json:\d+:\d+: error/s)]);
      }

      const page = pages[2]!;
      await page.getByRole('region', { name: 'Needs attention' }).scrollIntoViewIfNeeded();
      await keepScreenshot(page, 'picker-needs-attention');
      await page.getByRole('button', { name: 'Open in the authoring view: old-drill.json' }).click();
      await page.getByRole('heading', { level: 1, name: 'old-drill.json' }).waitFor();
      expect(await page.getByRole('region', { name: 'Problems' }).textContent()).toMatch(/error/);
      expect(await storedFileNames(page)).toEqual([OLD_DRILL.file, ...files.map((file) => file.name)]);

      // Removing it takes only it out of what every tab stores, after a confirmation.
      await page.goto(appUrl());
      await page.getByRole('button', { name: 'Remove from this browser: old-drill.json' }).click();
      await page.getByRole('button', { name: 'Remove now: old-drill.json' }).click();
      await page.getByRole('region', { name: 'Needs attention' }).waitFor({ state: 'detached' });
      await expect.poll(() => storedFileNames(pages[0]!), { timeout: CROSS_TAB_WAIT }).toEqual(files.map((file) => file.name));
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
