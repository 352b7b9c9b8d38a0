import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { launchHref, readBuild, scormPackage } from '../../src/server/exports/scorm-package.ts';
import { repoPath } from '../helpers.ts';
import { keepScreenshot, openPage, useBrowser } from './browser.ts';

const SCENARIO = { id: 'acme-chemical', title: 'Acme Chemical' };
const LMS = 'http://lms.test/course/';

/** A page of a pretend LMS: scorm-again's SCORM 1.2 API as window.API, recording each call, and the package in a frame. */
const HOST_PAGE = `<!doctype html><title>LMS</title>
<script src="/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.lmsCalls = [];
  for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']) {
    const real = window.API[name].bind(window.API);
    window.API[name] = (...args) => {
      const result = real(...args);
      window.lmsCalls.push({ name, args: args.map(String), result: String(result) });
      return result;
    };
  }
</script>
<iframe id="sco" src="package/${launchHref(SCENARIO.id).replace(/&/g, '&amp;')}" style="width:1260px;height:700px;border:0"></iframe>`;

describe('the SCORM 1.2 package in an LMS', () => {
  const browser = useBrowser();

  it('is reproducible, runs in the LMS frame and reports the attempt to scorm-again', async () => {
    const build = readBuild(repoPath('test-results/dist'));
    const zip = scormPackage(SCENARIO, build);
    expect(Buffer.from(scormPackage(SCENARIO, readBuild(repoPath('test-results/dist')))).equals(Buffer.from(zip))).toBe(true);
    const files = unzipSync(zip);
    expect(new TextDecoder().decode(files['imsmanifest.xml'])).toContain('href="index.html?scenario=acme-chemical&amp;scorm=1"');

    const { page, context, errors } = await openPage(browser());
    const scormAgain = readFileSync(repoPath('node_modules/scorm-again/dist/scorm12.js'), 'utf8');
    await context.route('http://lms.test/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/scorm12.js') return route.fulfill({ contentType: 'text/javascript', body: scormAgain });
      if (url.pathname === '/course/') return route.fulfill({ contentType: 'text/html', body: HOST_PAGE });
      const path = decodeURIComponent(url.pathname.replace(/^\/course\/package\//, ''));
      const bytes = files[path];
      if (!bytes || path === url.pathname) return route.fulfill({ status: 404, body: 'not in the package' });
      const type = path.endsWith('.html') ? 'text/html' : path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : path.endsWith('.ogg') ? 'audio/ogg' : 'application/octet-stream';
      return route.fulfill({ contentType: type, body: Buffer.from(bytes) });
    });
    try {
      await page.goto(LMS);
      const frame = page.frameLocator('#sco');
      await frame.getByText('Running in your learning platform').waitFor({ timeout: 20_000 });
      await frame.getByRole('radio', { name: /Exam mode/ }).check();
      await frame.getByRole('button', { name: 'Start the exercise' }).click();
      await frame.locator('.stage[data-ready="true"]').waitFor({ timeout: 30_000 });
      for (const name of ['Announce role', 'Roll call']) await frame.getByRole('button', { name, exact: true }).click();
      await keepScreenshot(page, 'scorm-in-lms-frame');
      await frame.getByRole('button', { name: 'End exercise' }).click();
      await frame.getByRole('button', { name: 'End now' }).click();
      await page.waitForFunction(() => (window as unknown as { lmsCalls: { name: string }[] }).lmsCalls.some((call) => call.name === 'LMSFinish'), undefined, { timeout: 30_000 });

      const calls = await page.evaluate(() => (window as unknown as { lmsCalls: { name: string; args: string[]; result: string }[] }).lmsCalls);
      expect(calls[0]?.name).toBe('LMSInitialize');
      expect(calls.filter((call) => call.name !== 'LMSGetValue').every((call) => call.result === 'true')).toBe(true);
      const set = new Map(calls.filter((call) => call.name === 'LMSSetValue').map((call) => [call.args[0]!, call.args[1]!]));
      expect(['passed', 'failed']).toContain(set.get('cmi.core.lesson_status'));
      expect(Number(set.get('cmi.core.score.raw'))).toBeGreaterThanOrEqual(0);
      expect(set.get('cmi.core.score.min')).toBe('0');
      expect(set.get('cmi.core.score.max')).toBe('100');
      expect(set.get('cmi.core.session_time')).toMatch(/^\d{4}:[0-5]\d:[0-5]\d\.\d\d$/);
      const ids = [...set].filter(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element)).map(([, value]) => value);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^competency-[a-z-]+$/);
      expect((set.get('cmi.suspend_data') ?? '').length).toBeGreaterThan(0);
      expect((set.get('cmi.suspend_data') ?? '').length).toBeLessThanOrEqual(4096);
      expect(calls.at(-1)?.name).toBe('LMSFinish');
      // What the LMS holds: scorm-again's own data model.
      const held = await page.evaluate(() => {
        const api = (window as unknown as { API: { cmi: { core: { lesson_status: string; score: { raw: string } } } } }).API;
        return { status: api.cmi.core.lesson_status, raw: api.cmi.core.score.raw };
      });
      expect(held).toEqual({ status: set.get('cmi.core.lesson_status'), raw: set.get('cmi.core.score.raw') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
