import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, keepScreenshot, useBrowser } from './browser.ts';
import {
  act,
  emptyJunk,
  endNow,
  fillStorage,
  HISTORY_KEY,
  historyShown,
  keysStartingWith,
  openBriefing,
  openStorageOnly,
  openTabs,
  readItem,
  SESSION_PREFIX,
  startExam,
  storageHasRoom,
  storedAttempts,
  writeItem,
} from './storage-tabs.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 150_000;
const ACME = 'Acme Chemical: the bridge nobody is running';
const MIM_SESSION = `${SESSION_PREFIX}mim-day-slowness`;
/** A session cut off half-way through being written. */
const CUT_SESSION = '{"version":2,"attempt":{"attemptId":"cut-off","log":';

async function noticeMatching(page: Page, text: RegExp): Promise<string> {
  const notice = page.getByRole('alert').filter({ hasText: text });
  await notice.waitFor();
  return (await notice.textContent()) ?? '';
}

/** Plays a few seconds of Acme in exam mode and ends it, on a page showing anything. */
async function playAcmeBriefly(page: Page): Promise<void> {
  await openBriefing(page, 'acme-chemical');
  await startExam(page);
  await act(page, 'Announce role');
}

describe('a browser storage filled to its quota', () => {
  it(
    'refuses the new attempt with a true notice and removes nothing kept before: an earlier attempt, an unreadable history entry, an unreadable session',
    async () => {
      const { context, pages, errors } = await openTabs(browser(), 1);
      const page = pages[0]!;
      await playAcmeBriefly(page);
      await endNow(page);
      const [earlier] = await storedAttempts(page);
      const history = JSON.parse((await readItem(page, HISTORY_KEY)) ?? '[]') as unknown[];
      const plantedHistory = JSON.stringify([...history, { attemptId: 'planted-unreadable', note: 'no log, no report' }]);
      await writeItem(page, HISTORY_KEY, plantedHistory);
      await writeItem(page, MIM_SESSION, CUT_SESSION);

      await fillStorage(page);
      expect(await storageHasRoom(page)).toBe(false);
      await page.goto(appUrl());
      expect(await historyShown(page)).toEqual([expect.stringContaining(ACME)]);
      const loadNotice = await noticeMatching(page, /history/);
      expect(loadNotice).toMatch(/One entry of your local history could not be read\. The browser’s storage is too full to copy it aside, so it is left where it was/);
      expect(loadNotice).not.toMatch(/has been set aside/);

      await playAcmeBriefly(page);
      expect(await noticeMatching(page, /storage is full/)).toContain('your progress is not being saved');
      await endNow(page);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const refused = await noticeMatching(page, /could not be added to your history/);
      expect(refused).toMatch(/storage is full/);
      expect(refused).toMatch(/Nothing of it could be saved in this browser; download the report/);
      await keepScreenshot(page, 'storage-full-debrief');
      expect(await page.getByRole('button', { name: 'Download attempt record' }).count()).toBe(1);

      await page.goto(appUrl('mim-day-slowness'));
      expect(await noticeMatching(page, /could not be resumed/)).toMatch(/too full to copy it aside, so it is left where it was/);
      await page.getByRole('button', { name: 'Start the exercise' }).waitFor();

      expect(await readItem(page, HISTORY_KEY)).toBe(plantedHistory);
      expect((await storedAttempts(page)).map((attempt) => attempt.attemptId)).toEqual([earlier!.attemptId, 'planted-unreadable']);
      expect(await readItem(page, MIM_SESSION)).toBe(CUT_SESSION);
      expect(await keysStartingWith(page, 'bridge-drill:')).toEqual([HISTORY_KEY, MIM_SESSION]);

      // With room again, each unreadable value is copied to a key of its own before its original goes.
      await emptyJunk(page);
      await page.goto(appUrl());
      expect(await noticeMatching(page, /history/)).toContain('One entry of your local history could not be read and has been set aside');
      expect(JSON.parse((await readItem(page, `${HISTORY_KEY}:unreadable`)) ?? 'null')).toEqual([{ attemptId: 'planted-unreadable', note: 'no log, no report' }]);
      expect((await storedAttempts(page)).map((attempt) => attempt.attemptId)).toEqual([earlier!.attemptId]);
      expect(await historyShown(page)).toEqual([expect.stringContaining(ACME)]);
      await page.goto(appUrl('mim-day-slowness'));
      expect(await noticeMatching(page, /could not be resumed/)).toContain('It has been kept aside');
      expect(await readItem(page, `${MIM_SESSION}:unreadable`)).toBe(CUT_SESSION);
      expect(await readItem(page, MIM_SESSION)).toBeNull();
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'leaves a history that cannot be read untouched, says so, and sets it aside once there is room',
    async () => {
      const { context, pages, errors } = await openTabs(browser(), 1);
      const page = pages[0]!;
      const unreadable = 'this is not a list of attempts';
      await openStorageOnly(page);
      await writeItem(page, HISTORY_KEY, unreadable);
      await fillStorage(page);
      await page.goto(appUrl());
      expect(await noticeMatching(page, /history/)).toMatch(/too full to copy it aside, so it is left untouched/);

      await playAcmeBriefly(page);
      await endNow(page);
      const refused = await noticeMatching(page, /could not be added to your history/);
      expect(refused).toMatch(/history this browser kept cannot be read and the storage has no room to copy it aside/);
      expect(refused).toMatch(/Nothing of it could be saved in this browser/);
      expect(await readItem(page, HISTORY_KEY)).toBe(unreadable);
      expect(await keysStartingWith(page, 'bridge-drill:')).toEqual([HISTORY_KEY]);

      await emptyJunk(page);
      await page.goto(appUrl());
      expect(await noticeMatching(page, /history/)).toContain('set aside and a new one started');
      expect(await readItem(page, `${HISTORY_KEY}:unreadable`)).toBe(unreadable);
      expect(await readItem(page, HISTORY_KEY)).toBeNull();
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
