import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSha256OfJsonText } from '../../src/core/hash/content-hash.ts';
import { startServer } from '../../src/server/start.ts';
import { acmeText, repoPath } from '../helpers.ts';
import { keepScreenshot, openPage, useBrowser, wcagViolations } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 240_000;
/** The build the browser tests' global setup made. */
const DIST = repoPath('test-results/dist');

/**
 * The browser's console errors that are the network speaking, not the page failing: Chromium logs every 4xx/5xx
 * answer and every refused connection, and the first test types a wrong password (401) and stops the server on
 * purpose. A signed-out page load itself asks GET /api/session, which answers 200, so it logs nothing.
 */
const fromTheNetwork = (message: string) => /^Failed to load resource: (the server responded with a status of 401|net::ERR_CONNECTION_REFUSED)/.test(message);

/** Plays Acme in exam mode to the end: one action, then "End now". `beforeEnd` runs just before it ends. */
async function playAcme(page: Page, beforeEnd: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /Acme Chemical/ }).waitFor();
  await page.getByRole('radio', { name: /Exam mode/ }).check();
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  await page.locator('.stage[data-ready="true"]').waitFor();
  await page.getByRole('button', { name: 'Announce role' }).click();
  await page.getByRole('button', { name: 'End exercise' }).click();
  await beforeEnd();
  await page.getByRole('button', { name: 'End now' }).click();
  await page.locator('.debrief').waitFor();
}

describe('the results server in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bridge-drill-account-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'sets up an admin, invites a trainee who plays an assignment, and an attempt finished while the server is down arrives exactly once',
    async () => {
      let server = await startServer({ port: 0, dataDir, distDir: DIST });
      const port = Number(new URL(server.url).port);
      try {
        // The first administrator, through the setup link the server prints.
        expect(server.setupLink).toMatch(/\?setup=/);
        const admin = await openPage(browser());
        await admin.page.goto(server.setupLink!);
        await admin.page.getByRole('heading', { level: 1, name: 'Set up Bridge Drill' }).waitFor();
        expect(new URL(admin.page.url()).search).toBe('');
        await admin.page.getByRole('textbox', { name: 'Email' }).fill('admin@example.org');
        await admin.page.getByRole('textbox', { name: 'Your name' }).fill('Ada Admin');
        await admin.page.locator('.welcome').getByLabel('Password', { exact: true }).fill('a good long password');
        await admin.page.locator('.welcome').getByLabel('Repeat the password').fill('a good long password');
        await admin.page.getByRole('button', { name: 'Create the administrator account' }).click();
        await admin.page.getByRole('heading', { level: 1, name: 'You are signed in' }).waitFor();

        // A cohort with an overdue assignment of Acme and an invitation, as an instructor would set them up.
        const api = async (method: 'post' | 'get', path: string, data?: unknown) => {
          const response = await admin.page.request[method](`${server.url}${path}`, { headers: { origin: server.url }, ...(data === undefined ? {} : { data }) });
          expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
          return (await response.json()) as unknown;
        };
        const { cohort } = (await api('post', '/api/cohorts', { name: 'Night shift' })) as { cohort: { id: string } };
        await api('post', `/api/cohorts/${cohort.id}/assignments`, { scenarioSha256: contentSha256OfJsonText(acmeText()), dueAt: new Date(Date.now() - 86_400_000).toISOString() });
        const { invites } = (await api('post', `/api/cohorts/${cohort.id}/invites`, { emails: ['sam@example.org'] })) as { invites: { link: string }[] };
        await admin.context.close();

        // The trainee follows the invitation.
        const { page, context, errors } = await openPage(browser());
        await page.goto(invites[0]!.link);
        await page.getByRole('heading', { level: 1, name: 'Join Night shift' }).waitFor();
        expect(new URL(page.url()).search).toBe('');
        await keepScreenshot(page, 'account-invite');
        expect(await wcagViolations(page)).toEqual([]);
        await page.getByRole('textbox', { name: 'Your name' }).fill('Sam Lee');
        await page.locator('.welcome').getByLabel('Password', { exact: true }).fill('another long password');
        await page.locator('.welcome').getByLabel('Repeat the password').fill('another long password');
        await page.getByRole('button', { name: 'Create my account' }).click();
        await page.getByRole('link', { name: 'Choose a scenario' }).click();
        const assigned = page.getByRole('region', { name: 'Assigned to you' });
        await assigned.getByText('Overdue', { exact: true }).waitFor();
        expect(await page.locator('.topbar').getByRole('status').textContent()).toBe('Signed in as Sam Lee');
        await keepScreenshot(page, 'account-picker');
        expect(await wcagViolations(page)).toEqual([]);

        // An attempt finished with the server up is saved at once.
        await assigned.getByRole('link', { name: /^Open scenario: Acme Chemical/ }).click();
        await playAcme(page);
        const status = page.locator('.sync-status');
        await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('Saved to your account');
        await keepScreenshot(page, 'account-debrief-saved');
        await page.getByRole('button', { name: 'Back to scenarios' }).click();
        const myAttempts = page.getByRole('list', { name: 'My attempts' });
        await expect.poll(() => myAttempts.getByRole('listitem').count()).toBe(1);
        await assigned.getByText('Done').waitFor();
        expect(await assigned.getByText('Overdue').count()).toBe(0);

        // Another, finished while the server is stopped: it waits on this device, and arrives once the server is back.
        // (A fresh page: the call scene does not yet start cleanly a second time on one page.)
        await page.goto(`${server.url}/?scenario=acme-chemical`);
        await playAcme(page, async () => {
          await server.close();
        });
        await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('Waiting to sync — kept on this device');
        await keepScreenshot(page, 'account-debrief-waiting');
        expect(await wcagViolations(page)).toEqual([]);
        server = await startServer({ port, dataDir, distDir: DIST });
        await expect.poll(() => status.textContent(), { timeout: 60_000, interval: 500 }).toContain('Saved to your account');
        await keepScreenshot(page, 'account-debrief-synced');

        const local = await page.evaluate(() => (JSON.parse(localStorage.getItem('bridge-drill:history:v2') ?? '[]') as { attemptId: string }[]).map((attempt) => attempt.attemptId));
        const listed = await page.request.get(`${server.url}/api/attempts`);
        const stored = ((await listed.json()) as { attempts: { attemptId: string; trainee: { name?: string } }[] }).attempts;
        expect(stored.map((attempt) => attempt.attemptId).sort()).toEqual([...local].sort());
        expect(new Set(stored.map((attempt) => attempt.attemptId)).size).toBe(2);
        expect(stored.every((attempt) => attempt.trainee.name === 'Sam Lee')).toBe(true);
        expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('bridge-drill:outbox:')))).toEqual([]);

        await page.getByRole('button', { name: 'Back to scenarios' }).click();
        await expect.poll(() => myAttempts.getByRole('listitem').count()).toBe(2);
        expect(await myAttempts.getByText('On this device only').count()).toBe(0);

        // Signing out leaves this device's history as it always was; signing in from the header brings the account back.
        const topbar = page.locator('.topbar');
        await topbar.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Your past attempts' }).waitFor();
        await topbar.getByRole('button', { name: 'Sign in' }).click();
        const form = page.getByRole('region', { name: 'Sign in to your account' });
        await form.getByLabel('Email').fill('sam@example.org');
        await form.getByLabel('Password').fill('not the password');
        await form.getByLabel('Password').press('Enter');
        await form.getByRole('alert').filter({ hasText: /./ }).waitFor();
        expect(await form.getByRole('alert').textContent()).toBe('That email and password do not match an account.');
        await keepScreenshot(page, 'account-sign-in-error');
        expect(await wcagViolations(page)).toEqual([]);
        await form.getByLabel('Password').fill('another long password');
        await form.getByRole('button', { name: 'Sign in' }).click();
        await expect.poll(() => topbar.getByRole('status').textContent()).toBe('Signed in as Sam Lee');
        await expect.poll(() => myAttempts.getByRole('listitem').count()).toBe(2);
        // An attempt whose confirmation was lost on the way is sent again at the next page load: the server answers
        // that it has it, and nothing is stored twice.
        const me = ((await (await page.request.get(`${server.url}/api/me`)).json()) as { user: { id: string } }).user;
        await page.evaluate((owner) => {
          const [first] = JSON.parse(localStorage.getItem('bridge-drill:history:v2') ?? '[]') as { attemptId: string }[];
          localStorage.setItem(`bridge-drill:outbox:v1:${first!.attemptId}`, JSON.stringify({ version: 1, owner, queuedAt: Date.now(), refused: null, attempt: first }));
        }, me.id);
        await page.reload();
        await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('bridge-drill:outbox:')).length)).toBe(0);
        const again = ((await (await page.request.get(`${server.url}/api/attempts`)).json()) as { attempts: { attemptId: string }[] }).attempts;
        expect(again.map((attempt) => attempt.attemptId).sort()).toEqual([...local].sort());
        await expect.poll(() => myAttempts.getByRole('listitem').count()).toBe(2);
        await myAttempts.scrollIntoViewIfNeeded();
        await keepScreenshot(page, 'account-my-attempts');
        expect(await wcagViolations(page)).toEqual([]);
        expect(errors.filter((error) => !fromTheNetwork(error))).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
    E2E_TIMEOUT,
  );
  it(
    'carries a session in progress on to another device, where it finishes under the same attempt',
    async () => {
      const otherData = mkdtempSync(join(tmpdir(), 'bridge-drill-carry-on-'));
      const server = await startServer({ port: 0, dataDir: otherData, distDir: DIST });
      try {
        // The admin and a trainee, through the API alone: the setup link, then POST /api/users.
        const admin = await browser().newContext();
        const headers = { origin: server.url };
        const token = new URL(server.setupLink!).searchParams.get('setup')!;
        expect((await admin.request.post(`${server.url}/api/setup/${token}`, { headers, data: { email: 'admin@example.org', name: 'Ada Admin', password: 'a good long password' } })).status()).toBe(201);
        expect((await admin.request.post(`${server.url}/api/users`, { headers, data: { email: 'kim@example.org', name: 'Kim Park', role: 'trainee', password: 'kim’s long password' } })).status()).toBe(201);
        await admin.close();

        const signIn = async (page: Page) => {
          await page.goto(`${server.url}/`);
          await page.locator('.topbar').getByRole('button', { name: 'Sign in' }).click();
          const form = page.getByRole('region', { name: 'Sign in to your account' });
          await form.getByLabel('Email').fill('kim@example.org');
          await form.getByLabel('Password').fill('kim’s long password');
          await form.getByRole('button', { name: 'Sign in' }).click();
          await expect.poll(() => page.locator('.topbar').getByRole('status').textContent()).toBe('Signed in as Kim Park');
        };

        // On the first device: two actions, then the tab is left.
        const first = await openPage(browser());
        await signIn(first.page);
        await first.page.getByRole('link', { name: /^Open briefing: Acme Chemical/ }).click();
        await first.page.getByRole('button', { name: 'Start the exercise' }).click();
        await first.page.locator('.stage[data-ready="true"]').waitFor();
        await first.page.getByRole('button', { name: 'Announce role' }).click();
        await first.page.getByRole('button', { name: 'Roll call' }).click();
        await first.page.getByRole('button', { name: 'Pause' }).click();
        const drafts = async () => ((await (await first.page.request.get(`${server.url}/api/drafts`)).json()) as { drafts: { attemptId: string; log: { actions: unknown[] } }[] }).drafts;
        await expect.poll(async () => (await drafts())[0]?.log.actions.length, { timeout: 15_000 }).toBe(2);
        const [draft] = await drafts();
        expect(first.errors).toEqual([]);
        await first.context.close();

        // On the second device, the picker offers to carry on; carrying on lands on the bridge, paused, with both actions.
        const { page, context, errors } = await openPage(browser());
        await signIn(page);
        const carryOn = page.getByRole('region', { name: 'Carry on from another device' });
        await carryOn.getByText('2 actions').waitFor();
        await keepScreenshot(page, 'account-carry-on');
        expect(await wcagViolations(page)).toEqual([]);
        await carryOn.getByRole('button', { name: /^Carry on: Acme Chemical/ }).click();
        await page.getByText(/Welcome back/).waitFor();
        expect(await page.getByRole('status').filter({ hasText: 'Welcome back' }).textContent()).toContain('with 2 actions kept');
        await page.getByRole('button', { name: 'Carry on' }).click();
        await page.getByRole('button', { name: 'End exercise' }).click();
        await page.getByRole('button', { name: 'End now' }).click();
        await expect.poll(() => page.locator('.sync-status').textContent(), { timeout: 15_000 }).toContain('Saved to your account');
        const stored = ((await (await page.request.get(`${server.url}/api/attempts`)).json()) as { attempts: { attemptId: string; log: { actions: { type: string }[] } }[] }).attempts;
        expect(stored.map((attempt) => attempt.attemptId)).toEqual([draft!.attemptId]);
        expect(stored[0]!.log.actions.map((action) => action.type)).toEqual(['announce-role', 'roll-call']);
        await expect.poll(async () => ((await (await page.request.get(`${server.url}/api/drafts`)).json()) as { drafts: unknown[] }).drafts.length).toBe(0);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
        rmSync(otherData, { recursive: true, force: true });
      }
    },
    E2E_TIMEOUT,
  );
});
