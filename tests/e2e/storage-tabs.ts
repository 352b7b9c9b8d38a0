import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { appUrl } from './browser.ts';

export const HISTORY_KEY = 'bridge-drill:history:v2';
export const OPENED_KEY = 'bridge-drill:opened:v1';
export const SESSION_PREFIX = 'bridge-drill:session:v2:';
/** How long a write in one tab may take to reach another tab's localStorage on a busy machine. */
export const CROSS_TAB_WAIT = 10_000;

export interface Tabs {
  readonly context: BrowserContext;
  readonly pages: readonly Page[];
  /** Console errors and uncaught exceptions seen on any of the pages. */
  readonly errors: string[];
}

/** `count` pages in one browser context, so they share one localStorage as tabs of one browser do. */
export async function openTabs(browser: Browser, count: number): Promise<Tabs> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`tab ${i + 1}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`tab ${i + 1}: ${String(error)}`));
    pages.push(page);
  }
  return { context, pages, errors };
}

/** Opens a scenario's briefing and waits for it. */
export async function openBriefing(page: Page, scenarioId: string): Promise<void> {
  await page.goto(appUrl(scenarioId));
  await page.getByRole('button', { name: 'Start the exercise' }).waitFor();
}

/** Starts the open briefing in exam mode and waits for the call to be drawn. */
export async function startExam(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Exam mode/ }).check();
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  // Two or three tabs drawing the call at once on a busy machine can take a while.
  await page.locator('.stage[data-ready="true"]').waitFor({ timeout: 60_000 });
}

/** Presses HUD action buttons by name, in order. */
export async function act(page: Page, ...buttons: readonly string[]): Promise<void> {
  for (const name of buttons) await page.getByRole('button', { name, exact: true }).click();
}

/** Ends the exercise at once and waits for the debrief. */
export async function endNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End exercise' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByRole('button', { name: 'Back to scenarios' }).waitFor({ timeout: 60_000 });
}

/** The stored value of `key`, as this page's localStorage reads it now. */
export function readItem(page: Page, key: string): Promise<string | null> {
  return page.evaluate((name) => localStorage.getItem(name), key);
}

/**
 * Opens an empty page of the app's origin, where localStorage is the app's but no app code runs: a value planted
 * here is read by the app only on the next visit, never by a start-up still in flight.
 */
export async function openStorageOnly(page: Page): Promise<void> {
  const blank = new URL('storage-only-blank-page', appUrl()).toString();
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>storage</title>' }));
  await page.goto(blank);
}

export function writeItem(page: Page, key: string, value: string): Promise<void> {
  return page.evaluate(([name, text]) => localStorage.setItem(name, text), [key, value] as const);
}

/** Every key starting with `prefix`, sorted. */
export function keysStartingWith(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate((start) => Object.keys(localStorage).filter((key) => key.startsWith(start)).sort(), prefix);
}

/** The entries of the stored history: each one's id, and its scenario and action types where it has them. */
export async function storedAttempts(page: Page): Promise<{ attemptId: string; scenario?: string; actions: string[] }[]> {
  const text = await readItem(page, HISTORY_KEY);
  const list = JSON.parse(text ?? '[]') as { attemptId: string; scenario?: { id: string }; log?: { actions: { type: string }[] } }[];
  return list.map((attempt) => ({ attemptId: attempt.attemptId, scenario: attempt.scenario?.id, actions: (attempt.log?.actions ?? []).map((action) => action.type) }));
}

/** Waits until `page` sees `count` attempts in the stored history: another tab's write has reached it. */
export async function untilHistoryHolds(page: Page, count: number): Promise<void> {
  await expect.poll(async () => (await storedAttempts(page)).length, { timeout: CROSS_TAB_WAIT }).toBe(count);
}

/** The accessible names of the picker's "Open debrief" buttons, newest first. */
export async function historyShown(page: Page): Promise<string[]> {
  const list = page.getByRole('region', { name: /past attempts|My attempts/ });
  await list.waitFor();
  return list.getByRole('button', { name: /^Open debrief:/ }).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
}

const JUNK_PREFIX = 'storage-test-junk:';

/**
 * Fills this origin's localStorage with junk keys until the browser refuses even one more character with a
 * QuotaExceededError. Returns how many junk keys were stored.
 */
export function fillStorage(page: Page): Promise<number> {
  return page.evaluate((prefix) => {
    let chunk = 1 << 20;
    let stored = 0;
    while (chunk >= 1) {
      try {
        localStorage.setItem(`${prefix}${stored}`, 'x'.repeat(chunk));
        stored++;
      } catch (error) {
        if (!(error instanceof DOMException) || error.name !== 'QuotaExceededError') throw error;
        chunk = Math.floor(chunk / 2);
      }
    }
    return stored;
  }, JUNK_PREFIX);
}

/** Takes the junk keys `fillStorage` stored away again. */
export function emptyJunk(page: Page): Promise<void> {
  return page.evaluate((prefix) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
  }, JUNK_PREFIX);
}

/** Whether a value of a hundred characters can still be stored: false once `fillStorage` has run. */
export function storageHasRoom(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    try {
      localStorage.setItem('storage-test-probe', 'x'.repeat(100));
      localStorage.removeItem('storage-test-probe');
      return true;
    } catch {
      return false;
    }
  });
}
