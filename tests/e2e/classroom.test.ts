import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlaybook, loadScenario } from '../../src/core/load.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import { ApiClient } from '../server/support/api-client.ts';
import { repoPath } from '../helpers.ts';
import { keepScreenshot, openPage, useBrowser, wcagViolations, type WatchedPage } from './browser.ts';

const browser = useBrowser();
const DIST = repoPath('test-results/dist');
const TIMEOUT = 300_000;
const PASSWORD = 'a good long password';

/** Console errors that are the network speaking while the server restarts on purpose, not the page failing. */
const fromTheNetwork = (message: string) => /^(Failed to load resource|WebSocket connection to .* failed)/.test(message);

/** A server on `dataDir` at `port` (0: any), with the built app. */
const serve = (dataDir: string, port = 0) => startServer({ port, dataDir, distDir: DIST });

async function signedInAdmin(server: RunningServer): Promise<ApiClient> {
  const admin = new ApiClient(server.url);
  const token = new URL(server.setupLink!).searchParams.get('setup');
  expect((await admin.post(`/api/setup/${token}`, { email: 'admin@example.org', name: 'Ada Admin', password: PASSWORD })).status).toBe(201);
  return admin;
}

/** The projector page of a classroom whose host key this browser already keeps, as "Run as a class" leaves it. */
async function projector(server: RunningServer, code: string, hostKey: string): Promise<WatchedPage> {
  const watched = await openPage(browser(), { viewport: { width: 1920, height: 1080 } });
  await watched.context.addInitScript(([key, value]) => window.localStorage.setItem(key!, value!), [`bridge-drill:classroom-host:${code}`, hostKey]);
  watched.page.on('dialog', (dialog) => void dialog.accept());
  await watched.page.goto(`${server.url}/?host=${code}`);
  await watched.page.getByText(code, { exact: false }).first().waitFor();
  return watched;
}

/** A trainee who opens the short URL and joins with a name. */
async function trainee(server: RunningServer, code: string, name: string, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const watched = await openPage(browser(), { viewport });
  await watched.page.goto(`${server.url}/j/${code}`);
  await watched.page.getByLabel('Your name').fill(name);
  await watched.page.getByRole('button', { name: 'Join', exact: true }).click();
  await watched.page.getByText('You’re in').waitFor();
  return watched;
}

const hostButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Host controls' }).getByRole('button', { name: new RegExp(`^${name}`) });

/** What the trainee's debrief shows against grade() of the log the server stored for that attempt. */
async function expectDebriefOfStored(server: RunningServer, page: Page): Promise<void> {
  await page.locator('.debrief').waitFor({ timeout: 60_000 });
  const attemptId = await page.evaluate(() => document.querySelector('[data-attempt-id]')?.getAttribute('data-attempt-id') ?? null);
  const shown = (await page.locator('.db-total').first().innerText()).replace(/\s+/g, ' ');
  const stored = attemptId ? await server.store.getAttempt(attemptId) : undefined;
  const candidates = stored ? [stored.attempt] : (await server.store.listAttempts({}, { limit: 50 })).attempts;
  const graded = await Promise.all(
    candidates.map(async (attempt) => {
      const playbook = loadPlaybook((await server.store.getVersion('playbook', attempt.playbook.sha256))!.text).value!;
      const scenario = loadScenario((await server.store.getVersion('scenario', attempt.scenario.sha256))!.text, new Map([[playbook.id, playbook]])).value!;
      return grade(scenario, playbook, attempt.log);
    }),
  );
  expect(graded.some((report) => shown.startsWith(`${report.total.percent}%`) && shown.includes(`of ${report.total.max} points`))).toBe(true);
}

describe('a classroom in the browser', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'bridge-drill-classroom-')), 'data');
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it(
    'runs Acme for a class where everyone plays: a trainee reloads and the server restarts mid-play, and every debrief is the grade of the stored log',
    async () => {
      let server = await serve(dataDir);
      const port = Number(new URL(server.url).port);
      const pages: WatchedPage[] = [];
      try {
        const admin = await signedInAdmin(server);
        const made = await admin.post('/api/classrooms', { scenario: 'acme-chemical', mode: 'everyone', exam: false });
        expect(made.status).toBe(201);
        const { code, hostKey } = made.body as { code: string; hostKey: string };
        const wall = await projector(server, code, hostKey);
        const dana = await trainee(server, code, 'Dana Reyes', { width: 390, height: 844 });
        const lee = await trainee(server, code, 'Lee Park');
        const sam = await trainee(server, code, 'Sam Okafor');
        pages.push(wall, dana, lee, sam);
        for (const name of ['Dana Reyes', 'Lee Park', 'Sam Okafor']) await wall.page.getByText(name).first().waitFor();
        await keepScreenshot(wall.page, 'classroom-projector-lobby');
        expect(await wcagViolations(dana.page)).toEqual([]);

        await hostButton(wall.page, 'Start').click();
        for (const each of [dana, lee, sam]) await each.page.locator('.stage[data-ready="true"]').waitFor({ timeout: 60_000 });
        await dana.page.getByRole('button', { name: 'Announce role' }).click();
        await lee.page.getByRole('button', { name: 'Announce role' }).click();
        await wall.page.getByText(/Took command/i).first().waitFor();
        await keepScreenshot(wall.page, 'classroom-projector-play');
        await keepScreenshot(dana.page, 'classroom-phone-play');

        // Reveal: the wall works the playbook's answers out of the scenario it holds.
        await hostButton(wall.page, 'Reveal').click();
        await wall.page.getByText(/^Playbook: Priority 1 \(major incident\)\./).first().waitFor();
        await keepScreenshot(wall.page, 'classroom-projector-reveal-everyone');
        await wall.page.keyboard.press('Escape');
        await wall.page.getByText(/Took command/i).first().waitFor();

        // A reload takes the same seat back, with what was done on it.
        await lee.page.reload();
        await lee.page.locator('.stage[data-ready="true"]').waitFor({ timeout: 60_000 });
        await expect.poll(() => lee.page.locator('.transcript').innerText(), { timeout: 20_000 }).toContain('incident manager');

        // The server restarts: the room comes back paused where it stood, and every page finds its place again.
        await server.close();
        server = await serve(dataDir, port);
        await hostButton(wall.page, 'Resume').waitFor({ timeout: 60_000 });
        await hostButton(wall.page, 'Resume').click();
        await sam.page.locator('.stage[data-ready="true"]').waitFor({ timeout: 60_000 });
        await sam.page.getByRole('button', { name: 'Announce role' }).click();
        await wall.page.getByText(/Took command/i).first().waitFor();

        await hostButton(wall.page, 'End').click();
        for (const each of [dana, lee, sam]) await expectDebriefOfStored(server, each.page);
        await wall.page.getByRole('heading', { name: 'Class debrief' }).waitFor({ timeout: 60_000 });
        await keepScreenshot(wall.page, 'classroom-projector-debrief');
        await keepScreenshot(dana.page, 'classroom-phone-debrief');
        const stored = (await server.store.listAttempts({}, { limit: 10 })).attempts.filter((attempt) => attempt.classroom?.code === code);
        expect(stored.map((attempt) => attempt.trainee.name).sort()).toEqual(['Dana Reyes', 'Lee Park', 'Sam Okafor']);
        expect(stored.find((attempt) => attempt.trainee.name === 'Lee Park')!.log.actions.map((action) => action.type)).toEqual(['announce-role']);
        for (const each of pages) expect(each.errors.filter((message) => !fromTheNetwork(message))).toEqual([]);
      } finally {
        for (const each of pages) await each.context.close();
        await server.close();
      }
    },
    TIMEOUT,
  );

  it(
    'runs a class that votes: the class answers on its devices, the wall shows the count and reveals the playbook',
    async () => {
      const server = await serve(dataDir);
      const pages: WatchedPage[] = [];
      try {
        const admin = new ApiClient(server.url);
        await admin.signIn('admin@example.org', PASSWORD);
        const made = await admin.post('/api/classrooms', { scenario: 'acme-chemical', mode: 'vote', exam: false });
        const { code, hostKey } = made.body as { code: string; hostKey: string };
        const wall = await projector(server, code, hostKey);
        const voters = [await trainee(server, code, 'Ana', { width: 390, height: 844 }), await trainee(server, code, 'Ben'), await trainee(server, code, 'Cy')];
        pages.push(wall, ...voters);
        await hostButton(wall.page, 'Start').click();
        const choices = ['Priority 1', 'Priority 1', 'Priority 2'];
        for (const [index, voter] of voters.entries()) {
          await voter.page.getByRole('button', { name: new RegExp(`^${choices[index]}`) }).first().click({ timeout: 30_000 });
        }
        await keepScreenshot(voters[0]!.page, 'classroom-phone-vote');
        await expect.poll(async () => (await wall.page.locator('body').innerText()).replace(/\s+/g, ' '), { timeout: 20_000 }).toMatch(/Priority 1 \(major incident\) 2 Priority 2 1 .*3 of 3 voted/);
        await hostButton(wall.page, 'Reveal').click();
        await wall.page.getByText(/The class chose/).first().waitFor();
        await wall.page.locator('.stage[data-ready="true"]').waitFor({ timeout: 60_000 });
        await keepScreenshot(wall.page, 'classroom-projector-reveal');
        await hostButton(wall.page, 'End').click();
        for (const voter of voters) await expectDebriefOfStored(server, voter.page);
        const classAttempt = (await server.store.listAttempts({}, { limit: 10 })).attempts.find((attempt) => attempt.classroom?.code === code)!;
        expect(classAttempt.log.actions[0]).toMatchObject({ type: 'set-priority', level: 'P1' });
        for (const each of pages) expect(each.errors.filter((message) => !fromTheNetwork(message))).toEqual([]);
      } finally {
        for (const each of pages) await each.context.close();
        await server.close();
      }
    },
    TIMEOUT,
  );
});
