import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { Playbook } from '../core/playbook/schema.ts';
import { compileScenario } from '../core/scenario/compile.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { Session } from '../core/session/session.ts';
import { percentile } from './bench-stats.ts';

/** Browser benchmark: bundle sizes, time to an interactive bridge, and frame times in the busiest minute. */

const root = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWPORT = { width: 1280, height: 720 };
const LOAD_RUNS = 10;
const BUSY_WINDOW_MS = 60_000;
const EMPTY_PAGE = 'src/tools/bench-pages/empty-scene.html';

export type Row = readonly [string, string];

const gzipKb = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;
const kb = (value: number) => `${value.toFixed(1)} KB`;

/** The JS the page loads before it can show anything: the entry script and what it preloads. */
function bundleRows(outDir: string): Row[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const assets = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
  const phaser = assets.filter((name) => name.startsWith('phaser'));
  const contentNames = [...readdirSync(join(root, 'scenarios')), ...readdirSync(join(root, 'scenarios/playbooks'))].filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
  const isContent = (name: string) => contentNames.some((content) => new RegExp(`^${content}-[\\w-]+\\.js$`).test(name));
  const content = assets.filter(isContent);
  const lazy = assets.filter((name) => !phaser.includes(name) && !initial.includes(`assets/${name}`) && !name.startsWith('empty-scene') && !isContent(name));
  const initialKb = initial.reduce((sum, path) => sum + gzipKb(join(outDir, path)), 0);
  const phaserKb = phaser.reduce((sum, name) => sum + gzipKb(join(outDir, 'assets', name)), 0);
  const lazyKb = lazy.reduce((sum, name) => sum + gzipKb(join(outDir, 'assets', name)), 0);
  const contentKb = content.reduce((sum, name) => sum + gzipKb(join(outDir, 'assets', name)), 0);
  const audioDir = join(outDir, 'audio');
  const audioBytes = readdirSync(audioDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
  return [
    [`initial JS, gzipped (${initial.length} files, without Phaser)`, `${kb(initialKb)} (target ≤ 150 KB)`],
    ['app JS loaded with the bridge (call scene and sound, without Phaser), gzipped', kb(lazyKb)],
    ['Phaser chunk, gzipped', kb(phaserKb)],
    [`scenario and playbook files, gzipped (${content.length} files, fetched in parallel at start)`, kb(contentKb)],
    ['audio assets on disk (fetched as lines are spoken)', kb(audioBytes / 1024)],
  ];
}

/** The minute of the do-nothing run with the most happening on the call. */
function busiestMinute(scenario: Scenario, playbook: Playbook): number {
  const compiled = compileScenario(scenario, playbook);
  const entries = Session.replay(compiled, { scenario: scenario.id, actions: [] }).state.transcript.filter((entry) => entry.kind !== 'phase' && entry.kind !== 'ending');
  let best = 0;
  let bestCount = -1;
  for (let start = 0; start + BUSY_WINDOW_MS <= compiled.clock.lengthMs; start += 1000) {
    const count = entries.filter((entry) => entry.at >= start && entry.at < start + BUSY_WINDOW_MS).length;
    if (count > bestCount) {
      best = start;
      bestCount = count;
    }
  }
  return best;
}

/** rAF intervals in the page for `durationMs`. Passed as source text, so the runner's helpers never leak into the page. */
async function frameTimes(page: Page, durationMs: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ${durationMs};
    const frame = (now) => {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve(deltas.slice(1));
    };
    requestAnimationFrame(frame);
  })`);
}

function savedSession(scenario: Scenario, playbook: Playbook, now: number): string {
  return JSON.stringify({ version: 1, scenario: scenario.id, playbook: playbook.id, mode: 'exam', speed: 1, now, actions: [] });
}

async function timeToBridge(browser: Browser, base: string, scenario: Scenario, playbook: Playbook): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`bridge-drill:session:v1:${scenario.id}`, savedSession(scenario, playbook, 0)] as const);
    const page = await context.newPage();
    await page.goto(`${base}?scenario=${scenario.id}`);
    await page.waitForSelector('.stage[data-ready="true"]', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Carry on' }).waitFor();
    samples.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return samples;
}

export async function browserBenchmark(scenario: Scenario, playbook: Playbook): Promise<Row[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'bridge-drill-bench-'));
  try {
    await build({
      root,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, rolldownOptions: { input: { index: join(root, 'index.html'), 'empty-scene': join(root, EMPTY_PAGE) } } },
    });
    const rows = bundleRows(outDir);
    const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('The preview server did not report its address.');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const loads = await timeToBridge(browser, base, scenario, playbook);
      rows.push([`navigation to an interactive bridge (deep link, saved session), median of ${LOAD_RUNS}`, `${percentile(loads, 50).toFixed(0)} ms (p90 ${percentile(loads, 90).toFixed(0)} ms; target ≤ 1500 ms)`]);

      const emptyPage = await browser.newPage({ viewport: VIEWPORT });
      await emptyPage.goto(`${base}${EMPTY_PAGE}`);
      await emptyPage.waitForSelector('#stage[data-ready="true"]');
      const empty = await frameTimes(emptyPage, BUSY_WINDOW_MS);
      await emptyPage.close();

      const start = busiestMinute(scenario, playbook);
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`bridge-drill:session:v1:${scenario.id}`, savedSession(scenario, playbook, start)] as const);
      const page = await context.newPage();
      await page.goto(`${base}?scenario=${scenario.id}`);
      await page.waitForSelector('.stage[data-ready="true"]');
      await page.getByRole('button', { name: 'Carry on' }).click();
      const busy = await frameTimes(page, BUSY_WINDOW_MS);
      const clock = compileScenario(scenario, playbook).clock;
      await context.close();

      const emptyP95 = percentile(empty, 95);
      const busyP95 = percentile(busy, 95);
      rows.push(
        [`empty Phaser scene (baseline, same run): p50 / p95 frame time over ${BUSY_WINDOW_MS / 1000} s`, `${percentile(empty, 50).toFixed(1)} / ${emptyP95.toFixed(1)} ms (${empty.length} frames)`],
        [`busiest minute of Acme (${clock.format(start)}, 1×): p50 / p95 frame time`, `${percentile(busy, 50).toFixed(1)} / ${busyP95.toFixed(1)} ms (${busy.length} frames)`],
        ['ratio busy p95 / empty p95', `${(busyP95 / emptyP95).toFixed(2)}× (target ≤ 1.25×)`],
      );
    } finally {
      await browser.close();
      await server.close();
    }
    return rows;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
