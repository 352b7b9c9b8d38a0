import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start.ts';
import { acmeText, repoPath } from '../helpers.ts';
import { keepScreenshot, openPage, useBrowser, wcagViolations } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 240_000;
/** The build the browser tests' global setup made. */
const DIST = repoPath('test-results/dist');

describe('the instructor’s screen against the real results server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bridge-drill-instructor-'));
  const files = mkdtempSync(join(tmpdir(), 'bridge-drill-instructor-files-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it(
    'an instructor signs in, creates a cohort, invites a trainee, publishes a scenario file and assigns it',
    async () => {
      const server = await startServer({ port: 0, dataDir, distDir: DIST });
      try {
        // The admin and an instructor, through the API alone.
        const admin = await browser().newContext();
        const headers = { origin: server.url };
        const token = new URL(server.setupLink!).searchParams.get('setup')!;
        expect((await admin.request.post(`${server.url}/api/setup/${token}`, { headers, data: { email: 'admin@example.org', name: 'Ada Admin', password: 'a good long password' } })).status()).toBe(201);
        expect((await admin.request.post(`${server.url}/api/users`, { headers, data: { email: 'dana@example.org', name: 'Dana Reyes', role: 'instructor', password: 'dana’s long password' } })).status()).toBe(201);
        await admin.close();

        // A small valid scenario file: Acme under a new id and title.
        const scenario = JSON.parse(acmeText()) as Record<string, unknown>;
        scenario.id = 'acme-night-shift';
        scenario.title = 'Acme at night';
        const file = join(files, 'acme-night-shift.json');
        writeFileSync(file, JSON.stringify(scenario, null, 2));
        const broken = join(files, 'broken.json');
        writeFileSync(broken, JSON.stringify({ ...scenario, id: 'acme-broken', phases: 'not a list' }, null, 2));

        const { page, context, errors } = await openPage(browser(), { viewport: { width: 1280, height: 900 } });
        await page.goto(`${server.url}/`);
        const topbar = page.locator('.topbar');
        await topbar.getByRole('button', { name: 'Sign in' }).click();
        const form = page.getByRole('region', { name: 'Sign in to your account' });
        await form.getByLabel('Email').fill('dana@example.org');
        await form.getByLabel('Password').fill('dana’s long password');
        await form.getByRole('button', { name: 'Sign in' }).click();
        await topbar.getByRole('link', { name: 'Instructor' }).click();
        await page.getByRole('heading', { level: 1, name: 'Cohorts and assignments' }).waitFor();
        expect(new URL(page.url()).search).toBe('?view=instructor');

        // A cohort.
        const newCohort = page.getByRole('form', { name: 'New cohort' });
        await newCohort.getByLabel('Cohort name').fill('Night shift');
        await newCohort.getByRole('button', { name: 'Create cohort' }).click();
        await page.getByRole('heading', { level: 2, name: 'Night shift' }).waitFor();

        // An invitation, with its one-time link.
        const invite = page.getByRole('form', { name: 'Invite trainees' });
        await invite.getByLabel('Email addresses').fill('sam@example.org');
        await invite.getByRole('button', { name: 'Send invitations' }).click();
        const link = page.getByRole('textbox', { name: 'Invitation link for sam@example.org' });
        await link.waitFor();
        expect(await link.inputValue()).toMatch(/\?invite=/);

        // A file that does not load: its problems, positioned.
        const publish = page.getByRole('region', { name: 'Publish a scenario file' });
        await publish.getByLabel('Scenario file').setInputFiles(broken);
        await publish.getByRole('button', { name: 'Publish' }).click();
        const problems = publish.getByRole('list', { name: 'Problems in the file' });
        await problems.waitFor();
        expect(await problems.locator('code').first().textContent()).toMatch(/^broken\.json:\d+:\d+: error E_[A-Z_]+: /);

        // The good file, published to the cohort.
        await publish.getByLabel('Scenario file').setInputFiles(file);
        await publish.getByLabel('Night shift').check();
        await publish.getByRole('button', { name: 'Publish' }).click();
        await publish.getByText(/^✓ Published “Acme at night” \(acme-night-shift version /).waitFor();

        // Assigned with a due date; the cohort's assignments list it.
        const assign = page.getByRole('form', { name: 'Assign a scenario' });
        const option = assign.getByRole('option', { name: /^Acme at night \(acme-night-shift / });
        await expect.poll(() => option.count()).toBe(1);
        await assign.getByLabel('Scenario version').selectOption({ label: (await option.textContent())! });
        await assign.getByLabel(/Due/).fill('2031-06-30T17:00');
        await assign.getByRole('button', { name: 'Assign' }).click();
        const assignments = page.getByRole('list', { name: 'Assignments' });
        await assignments.getByText(/^Acme at night \(acme-night-shift /).waitFor();
        expect(await assignments.locator('time').first().getAttribute('datetime')).toBe(new Date(2031, 5, 30, 17, 0).toISOString());

        await page.locator('h1').focus();
        await keepScreenshot(page, 'instructor');
        await page.screenshot({ path: repoPath('test-results/screenshots/instructor-full.png'), fullPage: true });
        expect(await wcagViolations(page)).toEqual([]);

        // The server has it all.
        const cohorts = ((await (await page.request.get(`${server.url}/api/cohorts`)).json()) as { cohorts: { id: string; name: string }[] }).cohorts;
        expect(cohorts.map((cohort) => cohort.name)).toEqual(['Night shift']);
        const detail = (await (await page.request.get(`${server.url}/api/cohorts/${cohorts[0]!.id}`)).json()) as { assignments: { scenario: { id: string } }[] };
        expect(detail.assignments.map((item) => item.scenario.id)).toEqual(['acme-night-shift']);
        // The refused file is a 422, which the browser logs as a failed resource; nothing else may be logged.
        expect(errors.filter((error) => !/^Failed to load resource: the server responded with a status of 422/.test(error))).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
    E2E_TIMEOUT,
  );
});
