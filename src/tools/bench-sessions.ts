import { printTable } from './print-table.ts';
import { percentile } from './bench-stats.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Action, ActionLog } from '../core/actions/action.ts';
import { loadPlaybook, loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import { compileScenario } from '../core/scenario/compile.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { Session } from '../core/session/session.ts';
import { validateLog } from '../core/session/validate-log.ts';

/**
 * Live-sessions benchmark: the classroom server's load. 2,000 sessions of one scenario, each replaying
 * a golden log shifted by a few seconds, advance together one simulated second at a time on one thread,
 * over the whole clock window (`--minutes N`: only the first N minutes are timed). Reports the wall time per tick
 * (all sessions advanced once) against a baseline taken in the same run, and the heap each live session
 * holds at the window's end. Run it with `node --expose-gc` for an exact heap figure.
 */

/** One trainee's live session, as the benchmark drives it. */
export interface LiveSessionDriver {
  /** Moves the session's clock to `ms` after the scenario start. */
  advanceTo(ms: number): void;
  /** Applies an action already stamped with its `at`, at the time last advanced to. */
  submit(action: Action): void;
}

export type DriverFactory = (compiled: CompiledScenario, log: ActionLog) => LiveSessionDriver;

/** The engine behind the benchmark: the headless Session every shell drives. */
export function liveSessionDriver(compiled: CompiledScenario): LiveSessionDriver {
  const session = new Session(compiled);
  return {
    advanceTo: (ms) => session.advanceTo(ms),
    submit: (action) => {
      const submitted = session.submit(action);
      if (!submitted.ok) throw new Error(submitted.problems.map((problem) => problem.message).join('; '));
    },
  };
}

const SESSION_COUNT = 2000;
/** Session i's actions land `i % STAGGER_SECONDS` seconds later than its log says. */
const STAGGER_SECONDS = 20;
const TICK_MS = 1000;
/** A baseline sample is taken after every this many ticks, so noise on the machine hits both alike. */
const BASELINE_EVERY_TICKS = 32;
const TARGET_P99_MS = 50;
const TARGET_HEAP_KB_PER_SESSION = 50;

/** The mix of logs, in equal thirds: strong, weak (two logs taking turns) and idle. */
const MIX: readonly (readonly string[])[] = [['strong'], ['partial', 'late-notifications'], ['do-nothing']];
const FIXTURES = 'tests/fixtures/acme/';

interface TimedLogAction {
  readonly atMs: number;
  readonly action: Action;
}

interface BenchSession {
  readonly driver: LiveSessionDriver;
  readonly actions: readonly TimedLogAction[];
  next: number;
}

type Row = readonly [string, string];

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(root + path, 'utf8');

function readLog(name: string, scenario: Scenario, playbook: Playbook): ActionLog {
  const checked = validateLog(JSON.parse(read(`${FIXTURES}${name}.json`)), scenario, playbook);
  if (!checked.ok) throw new Error(`${name}.json: ${checked.errors.join('; ')}`);
  return checked.log;
}

/** The log's actions moved `shiftMs` later and stamped again; any that would fall past the clock's end are left out. */
function shiftedActions(log: ActionLog, compiled: CompiledScenario, shiftMs: number): TimedLogAction[] {
  return log.actions.flatMap((action) => {
    const atMs = compiled.clock.offsetOf(action.at) + shiftMs;
    return atMs > compiled.clock.lengthMs ? [] : [{ atMs, action: { ...action, at: compiled.clock.format(atMs) } }];
  });
}

function feedDue(session: BenchSession, nowMs: number): void {
  for (let due = session.actions[session.next]; due && due.atMs <= nowMs; due = session.actions[++session.next]) {
    session.driver.submit(due.action);
  }
}

/** Heap in use after a full collection when `--expose-gc` is on; otherwise whatever is in use now. */
function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

let parseSink = 0;
function timeBaseline(logText: string): number {
  const start = performance.now();
  for (let i = 0; i < SESSION_COUNT; i++) parseSink += (JSON.parse(logText) as ActionLog).actions.length;
  return performance.now() - start;
}

/** Runs a session untimed from where it is to the clock's end, submitting each remaining action at its time. */
function runOut(session: BenchSession, endMs: number): void {
  for (let due = session.actions[session.next]; due; due = session.actions[session.next]) {
    session.driver.advanceTo(due.atMs);
    feedDue(session, due.atMs);
  }
  session.driver.advanceTo(endMs);
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const minutes = (span: number): string => `${(span / 60_000).toFixed(0)} min`;

/** The whole window is timed by default: 2,000 sessions tick through Acme's 64 minutes in seconds. */
export const DEFAULT_MEASURED_MS = Infinity;

export interface SessionsBenchmarkOptions {
  /** How much of the clock window, from its start, is ticked and timed; the rest is run untimed. */
  readonly measuredMs?: number;
  readonly createDriver?: DriverFactory;
}

export function sessionsBenchmark(scenario: Scenario, playbook: Playbook, options: SessionsBenchmarkOptions = {}): Row[] {
  const { measuredMs = DEFAULT_MEASURED_MS, createDriver = liveSessionDriver } = options;
  const compiled = compileScenario(scenario, playbook);
  const endMs = compiled.clock.lengthMs;
  const measuredEndMs = Math.min(endMs, measuredMs);
  const logNames = MIX.flat();
  const logs = new Map(logNames.map((name) => [name, readLog(name, scenario, playbook)]));
  const baselineText = read(`${FIXTURES}${logNames[0]}.json`);
  const logNameOf = (index: number): string => {
    const group = MIX[index % MIX.length] ?? [];
    return group[Math.floor(index / MIX.length) % group.length] ?? 'do-nothing';
  };

  // Warm the engine and the baseline up, as on a server that has been running a while.
  for (let i = 0; i < 30; i++) {
    const log = logs.get(logNameOf(i))!;
    const warm: BenchSession = { driver: createDriver(compiled, log), actions: shiftedActions(log, compiled, 0), next: 0 };
    for (let now = 0; now <= endMs; now += TICK_MS) {
      warm.driver.advanceTo(now);
      feedDue(warm, now);
    }
  }
  for (let i = 0; i < 20; i++) timeBaseline(baselineText);

  const gcExposed = typeof globalThis.gc === 'function';
  const heapBefore = heapUsed();
  const createStart = performance.now();
  const sessions: BenchSession[] = [];
  const mixCount = new Map(logNames.map((name) => [name, 0]));
  let droppedActions = 0;
  for (let index = 0; index < SESSION_COUNT; index++) {
    const name = logNameOf(index);
    const log = logs.get(name)!;
    const actions = shiftedActions(log, compiled, (index % STAGGER_SECONDS) * 1000);
    droppedActions += log.actions.length - actions.length;
    mixCount.set(name, (mixCount.get(name) ?? 0) + 1);
    const session: BenchSession = { driver: createDriver(compiled, log), actions, next: 0 };
    feedDue(session, 0);
    sessions.push(session);
  }
  const createMs = performance.now() - createStart;

  const tickTimes: number[] = [];
  const baselineTimes: number[] = [];
  const runStart = performance.now();
  for (let now = TICK_MS; now <= measuredEndMs; now += TICK_MS) {
    const start = performance.now();
    for (const session of sessions) {
      session.driver.advanceTo(now);
      feedDue(session, now);
    }
    tickTimes.push(performance.now() - start);
    if (tickTimes.length % BASELINE_EVERY_TICKS === 0) baselineTimes.push(timeBaseline(baselineText));
  }
  const runMs = performance.now() - runStart;
  const submittedInTicks = sessions.reduce((sum, session) => sum + session.next, 0);
  for (const session of sessions) runOut(session, endMs);
  const heapPerSessionKb = (heapUsed() - heapBefore) / sessions.length / 1024;

  const sorted = [...tickTimes].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  const baseline = percentile(baselineTimes, 50);
  const mix = [...mixCount].map(([name, count]) => `${count} ${name}`).join(', ');
  const window =
    measuredEndMs === endMs
      ? `the whole clock window (${minutes(endMs)})`
      : `a SUBSET, the first ${minutes(measuredEndMs)} of the ${minutes(endMs)} window (rest run untimed)`;
  return [
    [`live sessions of ${scenario.id} on one thread, actions shifted 0–${STAGGER_SECONDS - 1} s`, `${sessions.length} (${mix})`],
    ['create every session', `${createMs.toFixed(0)} ms`],
    [`ticks of 1 simulated second over ${window}`, `${tickTimes.length} ticks, ${submittedInTicks} actions submitted, ${(runMs / 1000).toFixed(1)} s in all`],
    ...(droppedActions > 0 ? [['actions shifted past the end of the window, left out', `${droppedActions}`] as const] : []),
    ['time per tick (every session advanced once), median', ms(percentile(sorted, 50))],
    ['time per tick, p95', ms(percentile(sorted, 95))],
    ['time per tick, p99', ms(p99)],
    ['time per tick, worst', ms(sorted.at(-1) ?? 0)],
    [`JSON.parse of the strong log × ${SESSION_COUNT} (baseline, same run), median of ${baselineTimes.length}`, ms(baseline)],
    ['ratio p99 per tick / baseline', `${(p99 / baseline).toFixed(1)}×`],
    [`target: p99 per tick at most ${TARGET_P99_MS} ms`, p99 <= TARGET_P99_MS ? 'met' : 'NOT met'],
    [
      `heap per live session at the window's end${gcExposed ? ', after gc' : ' (APPROXIMATE: gc not exposed; run node with --expose-gc)'}`,
      `${heapPerSessionKb.toFixed(1)} KB`,
    ],
    [`target: heap per session at most ${TARGET_HEAP_KB_PER_SESSION} KB`, heapPerSessionKb <= TARGET_HEAP_KB_PER_SESSION ? 'met' : 'NOT met'],
  ];
}

function loadScenarioFile(path: string): { scenario: Scenario; playbook: Playbook } {
  const playbooks = new Map<string, Playbook>();
  for (const name of readdirSync(`${root}scenarios/playbooks`)) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const playbook = loadPlaybook(read(`scenarios/playbooks/${name}`)).value;
    if (playbook) playbooks.set(playbook.id, playbook);
  }
  const loaded = loadScenario(read(path), playbooks);
  if (!loaded.value || !loaded.playbook) throw new Error(`${path} does not load`);
  return { scenario: loaded.value, playbook: loaded.playbook };
}

export const SESSIONS_TITLE = `Bridge Drill live sessions benchmark (${SESSION_COUNT} sessions ticking together)`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { scenario, playbook } = loadScenarioFile('scenarios/acme-chemical.json');
  const minutesArg = process.argv.indexOf('--minutes');
  const measuredMs = minutesArg === -1 ? DEFAULT_MEASURED_MS : Number(process.argv[minutesArg + 1]) * 60_000;
  printTable(SESSIONS_TITLE, sessionsBenchmark(scenario, playbook, { measuredMs }));
}
