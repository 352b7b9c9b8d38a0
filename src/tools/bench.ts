import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadPlaybook, loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import { compileScenario } from '../core/scenario/compile.ts';
import { enumeratePaths } from '../core/scenario/paths.ts';
import { gradeCan, type CanText } from '../core/scoring/can-grader.ts';
import { grade } from '../core/scoring/grade.ts';
import { validateLog } from '../core/session/validate-log.ts';
import { browserBenchmark } from './bench-browser.ts';
import { CHECK_TITLE, checkBenchmark } from './bench-check.ts';
import { RESULTS_TITLE, resultsBenchmark } from './bench-results.ts';
import { serverBenchmark, SERVER_TITLE } from './bench-server.ts';
import { SESSIONS_TITLE, sessionsBenchmark } from './bench-sessions.ts';
import { printTable } from './print-table.ts';

/**
 * Core benchmark: replay + grade of one Acme session against JSON.parse of the same log, check +
 * compile time of Acme and of every bundled scenario, and the time to enumerate every path of the
 * largest scenario; then `check` as the CLI runs it on the largest scenario and on adversarial files of
 * the size limit (bench-check.ts), 2,000 live sessions ticking together (bench-sessions.ts) and the browser
 * benchmark (bench-browser.ts), the results server (bench-server.ts) and the results area on the demo data
 * (bench-results.ts).
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeEach(runs: number, body: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  return samples;
}

const playbooks = new Map<string, Playbook>();
for (const id of ['itil-major-incident', 'mit-ist-problem-response', 'freshdesk-teams']) {
  const playbook = loadPlaybook(read(`scenarios/playbooks/${id}.json`)).value;
  if (playbook) playbooks.set(id, playbook);
}
const scenarioText = read('scenarios/acme-chemical.json');
const loaded = loadScenario(scenarioText, playbooks);
if (!loaded.value || !loaded.playbook) throw new Error('acme-chemical.json does not load');
const { value: scenario, playbook } = { value: loaded.value, playbook: loaded.playbook };
const logText = read('tests/fixtures/acme/strong.json');
const validation = validateLog(JSON.parse(logText), scenario, playbook);
if (!validation.ok) throw new Error(validation.errors.join('\n'));
const log = validation.log;

const ROUNDS = 5;
const RUNS_PER_ROUND = 400;
const RUNS = ROUNDS * RUNS_PER_ROUND;
const WARMUP = 3000;
// The first thousand or so runs are slower while the JIT settles; an HR batch re-grade runs warm.
timeEach(WARMUP, () => grade(scenario, playbook, log));
timeEach(WARMUP, () => JSON.parse(logText));

// Rounds interleave the three measurements, so a noisy moment on the machine hits all of them alike.
const gradeSamples: number[] = [];
const parseSamples: number[] = [];
const validateAndGradeSamples: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  parseSamples.push(...timeEach(RUNS_PER_ROUND, () => JSON.parse(logText)));
  gradeSamples.push(...timeEach(RUNS_PER_ROUND, () => grade(scenario, playbook, log)));
  validateAndGradeSamples.push(
    ...timeEach(RUNS_PER_ROUND, () => {
      const checked = validateLog(JSON.parse(logText), scenario, playbook);
      if (checked.ok) grade(scenario, playbook, checked.log);
    }),
  );
}
// A CAN report is graded once per submission, on text never seen before: each run gets a fresh variant,
// so no cache of earlier text helps it.
const canReport = log.actions.findLast((action) => action.type === 'can-report') as (CanText & { type: 'can-report' }) | undefined;
const canRubric = scenario.can;
if (!canReport || !canRubric) throw new Error('the strong Acme log has no CAN report to time');
let variant = 0;
const freshReport = (): CanText => {
  variant++;
  return { conditions: `${canReport.conditions} Checked ${variant}.`, actions: `${canReport.actions} Logged ${variant}.`, needs: `${canReport.needs} Noted ${variant}.` };
};
timeEach(WARMUP, () => gradeCan(canRubric, freshReport(), () => true, null));
const canSamples = timeEach(RUNS, () => gradeCan(canRubric, freshReport(), () => true, null));
const checkSamples = timeEach(50, () => loadScenario(scenarioText, playbooks));
const compileSamples = timeEach(50, () => {
  const fresh = loadScenario(scenarioText, playbooks).value;
  if (fresh) compileScenario(fresh, playbook);
});

const bundledTexts = readdirSync(`${root}scenarios`)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => ({ name, text: read(`scenarios/${name}`) }));
const checkAllSamples = timeEach(20, () => {
  for (const { name, text } of bundledTexts) {
    const fresh = loadScenario(text, playbooks);
    if (!fresh.value || !fresh.playbook) throw new Error(`${name} does not load`);
    compileScenario(fresh.value, fresh.playbook);
  }
});
const largest = bundledTexts.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const largestScenario = loadScenario(largest.text, playbooks).value;
if (!largestScenario) throw new Error(`${largest.name} does not load`);
let pathCount = 0;
const pathSamples = timeEach(20, () => {
  pathCount = 0;
  for (const _path of enumeratePaths(largestScenario)) pathCount++;
});

const gradeMedian = median(gradeSamples);
const parseMedian = median(parseSamples);
const full = median(validateAndGradeSamples);
const rows: [string, string][] = [
  [`replay + grade one Acme session (strong log, ${log.actions.length} actions), median of ${RUNS}`, `${(gradeMedian * 1000).toFixed(0)} µs`],
  [`JSON.parse of the same log (baseline, same run), median of ${RUNS}`, `${(parseMedian * 1000).toFixed(1)} µs`],
  ['ratio replay+grade / JSON.parse', `${(gradeMedian / parseMedian).toFixed(0)}×`],
  [`parse + validate log + replay + grade, median of ${RUNS}`, `${(full * 1000).toFixed(0)} µs`],
  ['projected HR re-grade of 10,000 attempts from their log files', `${((full * 10_000) / 1000).toFixed(2)} s (target < 10 s)`],
  ['target: replay + grade at most 1 ms per session', gradeMedian <= 1 ? 'met' : 'NOT met'],
  [`grade one CAN report (Acme strong, ${canRubric.facts.length} facts, text never seen before), median of ${RUNS}`, `${(median(canSamples) * 1000).toFixed(0)} µs`],
  ['ratio CAN grade / JSON.parse of the log', `${(median(canSamples) / parseMedian).toFixed(0)}×`],
  ['check acme-chemical.json (parse, schema, references, lint), median of 50', `${median(checkSamples).toFixed(2)} ms`],
  ['check + compile acme-chemical.json to its runnable form (times in ms, conditions as functions), median of 50', `${median(compileSamples).toFixed(2)} ms`],
  [`check + compile all ${bundledTexts.length} bundled scenarios, median of 20`, `${median(checkAllSamples).toFixed(1)} ms`],
  [`enumerate every path of the largest scenario (${largest.name}, ${(largest.text.length / 1024).toFixed(0)} KB): ${pathCount} paths, median of 20`, `${median(pathSamples).toFixed(2)} ms`],
];
printTable('Bridge Drill core benchmark', rows);
printTable(CHECK_TITLE, await checkBenchmark(root, largest));
printTable(SESSIONS_TITLE, sessionsBenchmark(scenario, playbook));
printTable('Bridge Drill browser benchmark (production build, headless Chromium, 1280×720)', await browserBenchmark(scenario, playbook));
printTable(SERVER_TITLE, await serverBenchmark({ clients: 50, perClient: 40, importCount: 100_000 }));
printTable(RESULTS_TITLE, await resultsBenchmark({ trainees: 5000, attempts: 100_000, postgres: true }));
