import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attemptsCsvHead } from '../../src/core/report/attempts-csv.ts';
import { fillDemoData } from '../../src/server/demo/demo-data.ts';
import { startServer } from '../../src/server/start.ts';
import { repoPath } from '../helpers.ts';
import { keepScreenshot, openPage, useBrowser } from './browser.ts';

const browser = useBrowser();

const E2E_TIMEOUT = 120_000;
/** The build the browser tests' global setup made. */
const DIST = repoPath('test-results/dist');
const ATTEMPTS = 120;

describe('the results area against the real results server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bridge-drill-results-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'HR signs in to the results, filters, sorts, pages, opens a cohort, a trainee and a debrief, and downloads a CSV',
    async () => {
      const server = await startServer({ port: 0, dataDir, distDir: DIST });
      try {
        const admin = await browser().newContext();
        const headers = { origin: server.url };
        const token = new URL(server.setupLink!).searchParams.get('setup')!;
        expect((await admin.request.post(`${server.url}/api/setup/${token}`, { headers, data: { email: 'admin@example.org', name: 'Ada Admin', password: 'a good long password' } })).status()).toBe(201);
        expect((await admin.request.post(`${server.url}/api/users`, { headers, data: { email: 'harper@example.org', name: 'Harper HR', role: 'hr', password: 'harper’s long password' } })).status()).toBe(201);
        await admin.close();
        // Realistic attempts played by the engine: 30 trainees in two cohorts.
        await fillDemoData(server.store, { trainees: 30, attempts: ATTEMPTS, cohortSize: 15, now: Date.now(), days: 60 });

        const { page, context, errors } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
        const failures: string[] = [];
        page.on('response', (response) => {
          if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
        });
        await page.goto(`${server.url}/`);
        const topbar = page.locator('.topbar');
        await topbar.getByRole('button', { name: 'Sign in' }).click();
        const form = page.getByRole('region', { name: 'Sign in to your account' });
        await form.getByLabel('Email').fill('harper@example.org');
        await form.getByLabel('Password').fill('harper’s long password');
        await form.getByRole('button', { name: 'Sign in' }).click();

        // HR lands on the results.
        await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
        expect(new URL(page.url()).search).toBe('?view=results');
        expect(await topbar.getByRole('link', { name: 'Results' }).getAttribute('href')).toBe('/?view=results');
        const attempts = page.locator('#results-attempts');
        const paging = attempts.getByRole('navigation', { name: 'Attempts pages' });
        await paging.getByText(`Showing 1–50 of ${ATTEMPTS}`).waitFor();
        expect(await attempts.locator('tbody tr').count()).toBe(50);

        // Paging.
        await paging.getByRole('button', { name: 'Next →' }).click();
        await paging.getByText(`Showing 51–100 of ${ATTEMPTS}`).waitFor();
        expect(new URL(page.url()).searchParams.get('page')).toBe('2');

        // Sorting by grade, best first: back to the first page, sorted by the server.
        await attempts.getByRole('button', { name: 'Grade' }).click();
        await attempts.locator('th[aria-sort="descending"]', { hasText: 'Grade' }).waitFor();
        await paging.getByText(`Showing 1–50 of ${ATTEMPTS}`).waitFor();
        const grades = (await attempts.locator('tbody tr td.numeric').allTextContents()).map((text) => Number(text.replace('%', '')));
        expect(grades).toHaveLength(50);
        expect(grades).toEqual([...grades].sort((a, b) => b - a));

        // Filtering: only failed attempts, as many as the API counts.
        const filters = page.getByRole('search', { name: 'Filter the results' });
        await filters.getByLabel('Result').selectOption({ label: 'Failed' });
        await expect.poll(() => new URL(page.url()).searchParams.get('passed')).toBe('false');
        const failedTotal = ((await (await page.request.get(`${server.url}/api/results/attempts?passed=false&pageSize=1`)).json()) as { total: number }).total;
        expect(failedTotal).toBeGreaterThan(0);
        expect(failedTotal).toBeLessThan(ATTEMPTS);
        await paging.getByText(new RegExp(`of ${failedTotal}$`)).waitFor();
        expect(await attempts.locator('.result-verdict.is-passed').count()).toBe(0);

        // A cohort: its heat map, with a number in every cell; the address alone shows the same view again.
        await filters.getByLabel('Result').selectOption({ label: 'Any result' });
        await filters.getByLabel('Cohort').selectOption({ label: 'Demo cohort 001' });
        await page.getByRole('heading', { level: 1, name: 'Results: Demo cohort 001' }).waitFor();
        const heat = page.locator('#results-heat');
        await heat.locator('tbody tr').first().waitFor();
        const heatRows = await heat.locator('tbody tr').count();
        expect(heatRows).toBeGreaterThan(0);
        expect(heatRows).toBeLessThanOrEqual(15);
        for (const text of await heat.locator('td.heat-cell').allTextContents()) expect(text).toMatch(/^(\d{1,3}%|–)$/);
        const cohortAddress = page.url();
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Results: Demo cohort 001' }).waitFor();
        expect(page.url()).toBe(cohortAddress);
        await heat.locator('tbody tr').first().waitFor();
        expect(await heat.locator('tbody tr').count()).toBe(heatRows);
        await page.locator('h1').focus();
        await keepScreenshot(page, 'results-cohort');

        // The CSV of the cohort's attempts.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
        const csv = readFileSync((await download.path())!, 'utf8');
        const lines = csv.split(/\r?\n/).filter((line) => line !== '');
        expect(lines[0]).toBe(attemptsCsvHead().trimEnd());
        expect(lines.length - 1).toBe(await cohortTotal(page, server.url));
        const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF report' }).click()]);
        expect(pdf.suggestedFilename()).toMatch(/^bridge-drill-cohort-\d{4}-\d{2}-\d{2}\.pdf$/);
        expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

        // A trainee's page: progression chart and its table, their attempts only.
        const firstTrainee = heat.locator('tbody tr th a').first();
        const name = (await firstTrainee.textContent())!;
        await firstTrainee.click();
        await page.getByRole('heading', { level: 1, name }).waitFor();
        expect(new URL(page.url()).searchParams.get('trainee')).toMatch(/^[0-9a-f-]{36}$/);
        const progress = page.locator('#results-progress');
        await progress.locator('canvas').first().waitFor();
        expect(await progress.locator('table tbody tr').count()).toBeGreaterThan(0);
        expect(await page.locator('#results-heat').isHidden()).toBe(true);
        await keepScreenshot(page, 'results-trainee');
        const [record] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download their record (PDF)' }).click()]);
        expect(record.suggestedFilename()).toMatch(/^bridge-drill-trainee-/);
        expect(readFileSync((await record.path())!).subarray(0, 5).toString()).toBe('%PDF-');

        // A debrief, from a row of the trainee's attempts.
        const scenarioTitle = (await attempts.locator('tbody tr th').first().textContent())!;
        await attempts.getByRole('link', { name: /^Open the debrief: / }).first().click();
        await page.getByRole('heading', { level: 1, name: scenarioTitle }).waitFor();
        expect(new URL(page.url()).searchParams.get('attempt')).not.toBeNull();
        // Back returns to the trainee's page.
        await page.goBack();
        await page.getByRole('heading', { level: 1, name }).waitFor();

        // The phone: the same page fits.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(cohortAddress);
        await page.getByRole('heading', { level: 1, name: 'Results: Demo cohort 001' }).waitFor();
        await page.locator('#results-heat tbody tr').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await keepScreenshot(page, 'results-phone');

        expect(failures).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await server.close();
      }
    },
    E2E_TIMEOUT,
  );
});

/** How many attempts the cohort in the page's address has, as the API counts them. */
async function cohortTotal(page: import('playwright-core').Page, base: string): Promise<number> {
  const cohort = new URL(page.url()).searchParams.get('cohort')!;
  return ((await (await page.request.get(`${base}/api/results/attempts?cohort=${cohort}&pageSize=1`)).json()) as { total: number }).total;
}
