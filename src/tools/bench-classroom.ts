/**
 * `npm run bench:classroom -- --trainees N [--drop] [--restart]`: a classroom under load. One real server process
 * (embedded PGlite in a fresh directory), a host in this process, and N trainees with the real Colyseus SDK in
 * child processes, acting along strong, weak and idle logs at 10× speed. Prints a table, then as its last line
 * the JSON object of CONTRACTS §9. Everything is loopback traffic and bounded in time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openStore } from '../server/db/open-store.ts';
import { epochNow, plannedLogs, RESTART_AT, REVEAL_AT, scenarioClock, SCENARIO, DROP_EVERY, type ChildReport, type FromChild, type ToChild } from './bench-classroom-logs.ts';
import { INSPECT_ARG, serverMemory } from './bench-classroom-memory.ts';
import { describe, round1, summarize } from './bench-stats.ts';
import { printTable } from './print-table.ts';
import { startServerProcess, type ServerEnv, type ServerProcess } from './server-process.ts';

const { values: flags } = parseArgs({
  options: {
    trainees: { type: 'string', default: '500' },
    drop: { type: 'boolean', default: false },
    restart: { type: 'boolean', default: false },
    children: { type: 'string', default: '4' },
    stagger: { type: 'string', default: '20' },
    until: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const trainees = Number(flags.trainees);
const childCount = Math.min(Number(flags.children), trainees);
const staggerSeconds = Number(flags.stagger);
if (![trainees, childCount, staggerSeconds].every((n) => Number.isInteger(n) && n >= 0) || trainees < 1 || childCount < 1) {
  process.stderr.write('usage: bench:classroom -- --trainees N [--drop] [--restart] [--children K] [--stagger SECONDS] [--until HH:MM:SS] [--cpu-prof DIR]\n');
  process.exit(2);
}
const clock = scenarioClock();
const untilMs = flags.until ? clock.offsetOf(flags.until) : clock.lengthMs;
const revealAtMs = clock.offsetOf(REVEAL_AT);
const restartAtMs = clock.offsetOf(RESTART_AT);
const logs = plannedLogs(untilMs);
const lastActionMs = Math.max(...Object.values(logs).flatMap((log) => log.map((each) => each.offsetMs))) + staggerSeconds * 1000;
const SPEED = 10;
/** Wall ms the whole run may take before it is stopped: joins, the logs at 10×, a restart, and the reports. */
const BUDGET_MS = 240_000 + lastActionMs / SPEED + (flags.restart ? 120_000 : 0);

globalThis.WebSocket ??= (await import('ws')).WebSocket as unknown as typeof WebSocket;
const { Client } = await import('@colyseus/sdk');
type Room = Awaited<ReturnType<InstanceType<typeof Client>['joinById']>>;
type HostState = { clockMs: number; phase: string; connected: number };

const scratch = mkdtempSync(join(tmpdir(), 'bridge-drill-classroom-'));
const env: ServerEnv = { dataDir: join(scratch, 'data'), distDir: join(scratch, 'no-build'), nodeArgs: [INSPECT_ARG, ...(flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', flags['cpu-prof']] : [])] };
const children: ChildProcess[] = [];
let server: ServerProcess | null = null;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function killAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
setTimeout(() => {
  process.stderr.write(`bench:classroom: stopped after ${(BUDGET_MS / 1000).toFixed(0)} s, the most this run may take\n${server?.output().slice(-2000) ?? ''}\n`);
  process.exit(1);
}, BUDGET_MS);

/** Waits until `check` holds, polling, or fails with `what` after `timeoutMs`. */
async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`${what}: not within ${(timeoutMs / 1000).toFixed(0)} s`);
    await sleep(20);
  }
}

async function stopServer(running: ServerProcess): Promise<number> {
  const began = performance.now();
  const timer = setTimeout(() => running.child.kill('SIGKILL'), 30_000);
  await running.stop('SIGTERM');
  clearTimeout(timer);
  return performance.now() - began;
}

// The server, an admin from the setup link, and a classroom.
const loadAtStart = loadavg()[0]!;
server = await startServerProcess(env);
const origin = server.url;
const port = Number(new URL(server.url).port);
const post = (path: string, body: unknown, cookie = '') => fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
const setupToken = new URL(server.setupLink!).searchParams.get('setup');
const setup = await post(`/api/setup/${setupToken}`, { email: 'admin@bench.test', name: 'Admin', password: 'benchmark password' });
const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
const made = await post('/api/classrooms', { scenario: SCENARIO, mode: 'everyone', exam: false }, cookie);
if (made.status !== 201) throw new Error(`creating the classroom answered ${made.status}: ${await made.text()}`);
const { code, hostKey } = (await made.json()) as { code: string; hostKey: string };

// The host, watching the room's clock: each change should come a second after the last.
let host!: Room;
let hostState: HostState = { clockMs: 0, phase: 'lobby', connected: 0 };
const clockGaps: number[] = [];
let lastClockChange: { clockMs: number; at: number } | null = null;
async function joinHost(): Promise<void> {
  host = await new Client(server!.url).joinById(code, { hostKey });
  host.reconnection.enabled = false;
  lastClockChange = null;
  host.onMessage('*', () => {});
  host.onStateChange((changed) => {
    const state = changed as HostState;
    hostState = { clockMs: state.clockMs, phase: state.phase, connected: state.connected };
    if (state.phase !== 'running') lastClockChange = null;
    else if (lastClockChange?.clockMs !== state.clockMs) {
      const now = performance.now();
      if (lastClockChange) clockGaps.push(now - lastClockChange.at);
      lastClockChange = { clockMs: state.clockMs, at: now };
    }
  });
}
await joinHost();
await sleep(1000);
const before = await serverMemory(server.child.pid!, server.output());

// The children, each with its share of the trainees.
const reports: ChildReport[] = [];
const joinedAt: number[] = [];
const doneAt: number[] = [];
let joinFailures = 0;
let ready = 0;
for (let k = 0; k < childCount; k++) {
  const child = fork(new URL('./bench-classroom-client.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.stdout!.pipe(process.stderr);
  child.stderr!.pipe(process.stderr);
  child.on('message', (message: FromChild) => {
    if (message.kind === 'ready') ready++;
    else if (message.kind === 'joined') {
      joinedAt.push(message.at);
      joinFailures += message.failed;
    } else if (message.kind === 'done') doneAt.push(message.at);
    else reports.push(message);
  });
  child.on('exit', (exitCode) => {
    if (reports.length < childCount && exitCode !== 0) process.stderr.write(`bench:classroom: a child process ended (${exitCode}) before reporting\n`);
  });
  children.push(child);
}
await until('the child processes starting', () => ready === childCount, 60_000);
const joinsBegan = epochNow();
children.forEach((child, k) => {
  const first = Math.floor((k * trainees) / childCount);
  const count = Math.floor(((k + 1) * trainees) / childCount) - first;
  child.send({ kind: 'start', url: server!.url, code, first, count, staggerSeconds, drop: flags.drop, untilMs, concurrency: 25 } satisfies ToChild);
});
await until('every trainee joining', () => joinedAt.length === childCount, 180_000);
const joinedMs = Math.max(...joinedAt) - joinsBegan;
await until('the host seeing every trainee connected', () => hostState.connected === trainees - joinFailures, 30_000);
await sleep(2000);
const afterJoins = await serverMemory(server.child.pid!, server.output());

// The exercise at 10×: a reveal in the busiest minutes, and with --restart a server restart before them.
host.send('host', { command: 'start' });
host.send('host', { command: 'speed', value: SPEED });
const runBegan = performance.now();
let revealSentAt = 0;
const restart = { stopMs: 0, startMs: 0, backMs: 0, done: !flags.restart };
while (doneAt.length < childCount || !revealSentAt || !restart.done) {
  if (performance.now() - runBegan > lastActionMs / SPEED + 120_000) throw new Error(`the trainees did not finish their logs (${doneAt.length} of ${childCount} children done)`);
  if (!restart.done && hostState.clockMs >= restartAtMs) {
    const began = performance.now();
    restart.stopMs = await stopServer(server);
    server = await startServerProcess(env, port);
    restart.startMs = performance.now() - began;
    await joinHost();
    await until('every trainee back after the restart', () => hostState.connected === trainees - joinFailures, 90_000);
    restart.backMs = performance.now() - began;
    host.send('host', { command: 'resume' });
    restart.done = true;
  }
  if (!revealSentAt && hostState.clockMs >= revealAtMs) {
    revealSentAt = epochNow();
    host.send('host', { command: 'reveal' });
  }
  await sleep(20);
}
const runMs = performance.now() - runBegan;
await sleep(1000);
const atEnd = await serverMemory(server.child.pid!, server.output());
for (const child of children) child.send({ kind: 'finish' } satisfies ToChild);
await until('the child processes reporting', () => reports.length === childCount, 30_000);
await host.leave(true).catch(() => {});
const stopMs = await stopServer(server);

// What the store holds, read with the server stopped.
const store = await openStore({ dataDir: env.dataDir! });
const lanes = await store.listClassroomActions(code);
await store.close();
const storedBySeat = new Map([...lanes].map(([lane, actions]) => [lane, actions.length]));
const stored = [...storedBySeat.values()].reduce((sum, n) => sum + n, 0);

const all = <T>(pick: (report: ChildReport) => readonly T[]) => reports.flatMap(pick);
const sum = (pick: (report: ChildReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
const ack = summarize(all((r) => r.ackMs));
const reveal = summarize(all((r) => r.revealSeenAt).map((seen) => seen - revealSentAt));
const acked = sum((r) => Object.values(r.ackedBySeat).reduce((total, n) => total + n, 0));
let seatsDiffering = 0;
for (const report of reports) for (const [seat, n] of Object.entries(report.ackedBySeat)) if ((storedBySeat.get(seat) ?? 0) !== n) seatsDiffering++;
const rejected = new Map<string, number>();
for (const report of reports) for (const [reason, n] of Object.entries(report.rejected)) rejected.set(reason, (rejected.get(reason) ?? 0) + n);
const failures = all((r) => r.failures);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const gaps = summarize(clockGaps);

const rows: [string, string][] = [
  ['trainees (strong / weak / idle logs, in thirds)', `${trainees.toLocaleString('en')} in ${childCount} child processes; actions ${staggerSeconds} s apart at most between trainees (stagger), room at ${SPEED}×`],
  ['load average of the machine (1 min) when the run began / ended', `${loadAtStart.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}`],
  ['all trainees joined (name join → seat message)', `${(joinedMs / 1000).toFixed(2)} s; per trainee ${describe(summarize(all((r) => r.joinMs)))}${joinFailures ? `; ${joinFailures} could not join` : ''}; ${sum((r) => r.joinRetries)} retried`],
  ['action → ack (sent to stored and acknowledged)', describe(ack)],
  ['reveal → seen by each trainee (host send → state change)', `${describe(reveal)} of ${trainees - joinFailures}`],
  ['room clock: host-observed gap between clock updates (published every 1,000 ms)', `p50 ${gaps.p50.toFixed(0)} ms, p99 ${gaps.p99.toFixed(0)} ms, max ${gaps.max.toFixed(0)} ms`],
  ['actions acknowledged / stored / lost', `${acked} / ${stored} / ${acked - stored}; seats where acked ≠ stored: ${seatsDiffering}`],
  ['rejected actions, by code', rejected.size ? [...rejected].map(([reason, n]) => `${reason} ${n}`).join(', ') : 'none'],
  ['server after a full GC: RSS before joins → after joins → at the end (peak RSS)', `${mb(before.rssKb)} → ${mb(afterJoins.rssKb)} → ${mb(atEnd.rssKb)} (${mb(atEnd.peakKb)})`],
  ['server after a full GC: V8 heap in use before joins → after → at the end', `${mb(before.heapUsedKb)} → ${mb(afterJoins.heapUsedKb)} → ${mb(atEnd.heapUsedKb)}`],
  ['server memory per trainee (after joins − before) / N: RSS; heap', `${((afterJoins.rssKb - before.rssKb) / trainees).toFixed(0)} kB; ${((afterJoins.heapUsedKb - before.heapUsedKb) / trainees).toFixed(1)} kB`],
  ['exercise (start → every log done), wall time', `${(runMs / 1000).toFixed(0)} s; server stopped in ${(stopMs / 1000).toFixed(1)} s`],
];
if (flags.drop) rows.push([`--drop: every ${DROP_EVERY}th trainee loses its socket and rejoins with its seat token`, `${sum((r) => r.drops)} drops; back in ${describe(summarize(all((r) => r.dropRejoinMs)))}`]);
if (flags.restart) {
  rows.push(['--restart: SIGTERM → stopped → serving again → every trainee back', `${(restart.stopMs / 1000).toFixed(1)} s → ${(restart.startMs / 1000).toFixed(1)} s → ${(restart.backMs / 1000).toFixed(1)} s`]);
  rows.push(['--restart: each trainee, connection lost → seat message again', describe(summarize(all((r) => r.serverRejoinMs)))]);
}
if (flags.drop || flags.restart) rows.push(['rejoins; actions sent again; acks lost but found stored', `${sum((r) => r.rejoins)}; ${sum((r) => r.resent)}; ${sum((r) => r.recovered)}`]);
if (failures.length) rows.push(['problems seen by trainees (first few)', failures.slice(0, 5).join(' | ')]);
printTable(`Bridge Drill classroom (${SCENARIO}, everyone plays, coach): one server process on PGlite, trainees on the real SDK`, rows);
console.log(JSON.stringify({ trainees, joinedMs: Math.round(joinedMs), ackP50Ms: round1(ack.p50), ackP95Ms: round1(ack.p95), ackP99Ms: round1(ack.p99), revealP95Ms: round1(reveal.p95), acked, stored, lost: acked - stored }));
process.exit(0);
