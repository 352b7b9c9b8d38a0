import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acmeObject, repoPath } from '../helpers.ts';
import { appUrl, useBrowser, keepScreenshot, openPage } from './browser.ts';

const browser = useBrowser();

const IMG = '<img src=x onerror="window.hacked=1;alert(1)">';
const SCRIPT = '<script>window.hacked=2;alert(2)</script>';
const LINK = '<a href="javascript:window.hacked=3">click me</a> javascript:alert(3)';

/** Acme under a new id, with HTML and script payloads in every kind of text a trainee sees. */
function hostileScenario(): string {
  const object = acmeObject() as Record<string, unknown> & {
    cast: { name: string }[];
    objectives: string[];
    timeline: { type: string; text?: string; title?: string }[];
    decisions: { prompt: string }[];
    phases: { title: string }[];
  };
  object.id = 'hostile-acme';
  object.title = `Hostile ${IMG}`;
  object.briefing = `${SCRIPT} ${LINK}`;
  object.objectives[0] = LINK;
  object.cast[0]!.name = `Pete ${IMG}`;
  object.phases[0]!.title = SCRIPT;
  object.decisions[0]!.prompt = `${LINK} ${IMG}`;
  for (const beat of object.timeline.slice(0, 6)) if (beat.text) beat.text = `${beat.text} ${IMG} ${SCRIPT}`;
  return JSON.stringify(object, null, 2);
}

describe('opening a scenario file in the browser', () => {
  it(
    'shows HTML and script payloads in scenario text as text and never runs them, from the authoring view to the bridge',
    async () => {
      const { page, context, errors } = await openPage(browser());
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(appUrl());
      await page.getByLabel('Scenario file', { exact: true }).setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostileScenario()) });
      await page.getByRole('heading', { level: 1, name: `Hostile ${IMG}` }).waitFor();
      expect(await page.getByText('No problems found: ready to play.').count()).toBe(1);
      await page.getByRole('button', { name: 'Play this scenario' }).click();
      await page.getByRole('heading', { level: 1, name: `Hostile ${IMG}` }).waitFor();
      expect(await page.getByText(`${SCRIPT} ${LINK}`).count()).toBe(1);
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();
      await page.getByRole('button', { name: 'Speed 10×' }).click();
      await expect.poll(() => page.getByRole('list', { name: 'Transcript' }).textContent(), { timeout: 15_000 }).toContain(IMG);
      await keepScreenshot(page, 'hostile-scenario');

      expect(await page.evaluate('window.hacked')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"], main script, a[href^="javascript:"]').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    90_000,
  );

  it(
    'refuses an oversized file at once with a clear message',
    async () => {
      const { page, context } = await openPage(browser());
      await page.goto(appUrl());
      const started = Date.now();
      await page.getByLabel('Scenario file', { exact: true }).setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(5 * 1024 * 1024, 0x20) });
      await page.getByText(/E_TOO_LARGE/).waitFor({ timeout: 10_000 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await page.locator('main').textContent()).toMatch(/larger than|too large/i);
      await context.close();
    },
    60_000,
  );

  it(
    'fits a large scenario in a 1,366 px window: no long JSON line widens the page, every ending and decision is in view, no two edge labels overlap',
    async () => {
      const { page, context, errors } = await openPage(browser(), { viewport: { width: 1366, height: 900 } });
      const object = JSON.parse(readFileSync(repoPath('scenarios/freshdesk-hosting-outage.json'), 'utf8')) as Record<string, unknown> & { id: string; phases: { next?: { label?: string }[] }[]; timeline: { id: string }[] };
      object.id = 'wide-freshdesk';
      for (const phase of object.phases) for (const transition of phase.next ?? []) transition.label = `${transition.label ?? 'a long condition'} and then quite a lot more words`;
      const text = JSON.stringify(object, null, 2).replace('"timeline": [', `"timeline": [ ${JSON.stringify({ ...object.timeline[0]!, id: 'wide-beat', text: 'x'.repeat(400) })},`);
      await page.goto(appUrl());
      await page.getByLabel('Scenario file', { exact: true }).setInputFiles({ name: 'wide.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.getByRole('heading', { name: 'Branch graph' }).waitFor();
      await page.getByRole('button', { name: /^Phase: / }).first().click();
      await page.locator('.node-details pre').waitFor();
      const screenshot = process.env.AUTHORING_SCREENSHOT;
      if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
      const scroll = (await page.locator('.graph-scroll').boundingBox())!;
      const boxes = await page.locator('.graph-node').evaluateAll((nodes) => nodes.map((node) => ({ label: node.getAttribute('aria-label') ?? '', ...node.getBoundingClientRect().toJSON() }) as { label: string; x: number; width: number }));
      expect(boxes.filter((box) => box.label.startsWith('Ending:'))).toHaveLength(4);
      expect(boxes.filter((box) => box.label.startsWith('Decision:')).length).toBeGreaterThan(0);
      expect(boxes.filter((box) => box.label.startsWith('Branch:')).length).toBeGreaterThan(0);
      for (const box of boxes) expect(box.x + box.width, box.label).toBeLessThanOrEqual(scroll.x + scroll.width + 1);
      const labels = await page.locator('.graph-edge-label rect').evaluateAll((rects) => rects.map((rect) => rect.getBoundingClientRect().toJSON() as DOMRect));
      expect(labels.length).toBeGreaterThan(1);
      labels.forEach((a, i) => {
        for (const b of labels.slice(i + 1)) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
      });
      expect(errors).toEqual([]);
      await context.close();
    },
    90_000,
  );
});
