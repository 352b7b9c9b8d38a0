import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, openPage, useBrowser } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary?: string }[];
}

/** WCAG 2 A and AA violations on the page as it is now, one line each. */
async function wcagViolations(page: Page): Promise<string[]> {
  // Colours are judged as they settle, not halfway through a fade-in.
  await page.evaluate(`Promise.all(document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined)))`);
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) => result.violations)`)) as AxeViolation[];
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`));
}

const browser = useBrowser();

describe('accessibility (axe, WCAG 2.1 A and AA, including colour contrast)', () => {
  it(
    'finds no violations on the picker, the briefing, the bridge or the debrief',
    async () => {
      const { page, context } = await openPage(browser());
      await page.goto(appUrl());
      await page.getByRole('heading', { level: 1, name: 'Choose a scenario' }).waitFor();
      expect(await wcagViolations(page)).toEqual([]);

      await page.goto(appUrl('acme-chemical'));
      await page.getByRole('button', { name: 'Start the exercise' }).waitFor();
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();
      await page.getByRole('button', { name: 'Announce role' }).click();
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(await wcagViolations(page)).toEqual([]);
      await page.getByRole('tab', { name: 'Notify' }).click();
      expect(await wcagViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'People', exact: true }).click();
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'End exercise' }).click();
      await page.getByRole('button', { name: 'End now' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await context.close();
    },
    90_000,
  );
});
