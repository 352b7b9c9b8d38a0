import { describe, expect, it } from 'vitest';
import { appUrl, useBrowser } from './browser.ts';
import { act, endNow, historyShown, keysStartingWith, openBriefing, openTabs, readItem, SESSION_PREFIX, startExam, storedAttempts, untilHistoryHolds } from './storage-tabs.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 150_000;
const ACME = 'Acme Chemical: the bridge nobody is running';
const MIM = 'A day as major incident manager: the slow order portal';

describe('two tabs sharing one localStorage', () => {
  it(
    'keep both attempts when they finish different scenarios one after the other, each tab having loaded the history before the other wrote',
    async () => {
      const { context, pages, errors } = await openTabs(browser(), 2);
      const [first, second] = pages as [(typeof pages)[0], (typeof pages)[0]];
      await openBriefing(first, 'acme-chemical');
      await openBriefing(second, 'mim-day-slowness');
      await startExam(first);
      await startExam(second);
      await act(first, 'Announce role');
      await act(second, 'Roll call');

      await endNow(first);
      await untilHistoryHolds(second, 1);
      await endNow(second);
      await untilHistoryHolds(first, 2);

      const stored = await storedAttempts(first);
      expect(stored.map((attempt) => [attempt.scenario, attempt.actions])).toEqual(
        expect.arrayContaining([
          ['acme-chemical', ['announce-role']],
          ['mim-day-slowness', ['roll-call']],
        ]),
      );
      expect(new Set(stored.map((attempt) => attempt.attemptId)).size).toBe(2);

      // The tab that finished last shows both without a reload; the other shows both once it reads storage again.
      await second.getByRole('button', { name: 'Back to scenarios' }).click();
      expect(await historyShown(second)).toEqual([expect.stringContaining(MIM), expect.stringContaining(ACME)]);
      await first.goto(appUrl());
      expect(await historyShown(first)).toEqual([expect.stringContaining(MIM), expect.stringContaining(ACME)]);
      expect(await keysStartingWith(first, SESSION_PREFIX)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'keep both sessions of one scenario played at once, resume each in turn, and keep both attempts',
    async () => {
      const { context, pages, errors } = await openTabs(browser(), 2);
      const [first, second] = pages as [(typeof pages)[0], (typeof pages)[0]];
      await openBriefing(first, 'acme-chemical');
      await openBriefing(second, 'acme-chemical');
      await startExam(first);
      await act(first, 'Announce role');
      await startExam(second);
      await act(second, 'Roll call', 'Announce role');
      await first.getByRole('button', { name: 'Pause' }).click();
      await second.getByRole('button', { name: 'Pause' }).click();

      const sessionKeys = await keysStartingWith(first, SESSION_PREFIX + 'acme-chemical');
      expect(sessionKeys).toHaveLength(2);
      const sessions = await Promise.all(
        sessionKeys.map(async (key) => {
          const saved = JSON.parse((await readItem(first, key)) ?? 'null') as { attempt: { attemptId: string; log: { actions: { type: string }[] } } };
          return { key, attemptId: saved.attempt.attemptId, actions: saved.attempt.log.actions.map((action) => action.type) };
        }),
      );
      expect(sessions.map((session) => session.actions)).toEqual(expect.arrayContaining([['announce-role'], ['roll-call', 'announce-role']]));
      expect(sessions[0]!.attemptId).not.toBe(sessions[1]!.attemptId);
      // The tab that started second has a key of its own, under its attempt id.
      const own = sessions.find((session) => session.actions.length === 2)!;
      expect(own.key).toBe(`${SESSION_PREFIX}acme-chemical:attempt:${own.attemptId}`);

      // Each tab comes back to its own session after a reload.
      await first.reload();
      await first.getByText(/Welcome back/).waitFor();
      expect(await first.getByRole('status').filter({ hasText: 'Welcome back' }).textContent()).toContain('with 1 action kept');
      await endNow(first);
      await untilHistoryHolds(second, 1);
      await second.reload();
      await second.getByText(/Welcome back/).waitFor();
      expect(await second.getByRole('status').filter({ hasText: 'Welcome back' }).textContent()).toContain('with 2 actions kept');
      await endNow(second);
      await untilHistoryHolds(first, 2);

      const stored = await storedAttempts(first);
      expect(stored.map((attempt) => attempt.actions)).toEqual(expect.arrayContaining([['announce-role'], ['roll-call', 'announce-role']]));
      expect(stored.map((attempt) => attempt.attemptId).sort()).toEqual(sessions.map((session) => session.attemptId).sort());
      await second.getByRole('button', { name: 'Back to scenarios' }).click();
      expect(await historyShown(second)).toEqual([expect.stringContaining(ACME), expect.stringContaining(ACME)]);
      expect(await keysStartingWith(second, SESSION_PREFIX)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
