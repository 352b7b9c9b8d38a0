import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createAttempt, type AttemptRecord } from '../core/attempt.ts';
import { contentSha256OfJsonText } from '../core/hash/content-hash.ts';
import { loadPlaybook, loadScenario } from '../core/load.ts';
import { grade } from '../core/scoring/grade.ts';
import { validateLog } from '../core/session/validate-log.ts';
import { importAttempts } from '../server/data-transfer.ts';
import { openStore } from '../server/db/open-store.ts';
import { startCluster } from './postgres-cluster.ts';
import { startServerProcess, type ServerEnv } from './server-process.ts';
import { percentile } from './bench-stats.ts';

/**
 * The results server under load: submissions with the server's regrade at 50 concurrent clients, against
 * `GET /api/health` at the same concurrency in the same run (the baseline: a request that does no work), and
 * an import of many attempts into each database, against reading and parsing the same file.
 */

export const SERVER_TITLE = 'Bridge Drill results server (one server process; the load comes from this process)';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(ROOT + path, 'utf8');
const PASSWORD = 'benchmark password';

function acmeStrong(): AttemptRecord {
  const playbookText = read('scenarios/playbooks/itil-major-incident.json');
  const scenarioText = read('scenarios/acme-chemical.json');
  const playbook = loadPlaybook(playbookText).value!;
  const scenario = loadScenario(scenarioText, new Map([[playbook.id, playbook]])).value!;
  const validation = validateLog(JSON.parse(read('tests/fixtures/acme/strong.json')), scenario, playbook);
  if (!validation.ok) throw new Error(validation.errors.join('\n'));
  return createAttempt({
    attemptId: randomUUID(),
    trainee: { id: 'local' },
    scenario: { value: scenario, sha256: contentSha256OfJsonText(scenarioText) },
    playbook: { value: playbook, sha256: contentSha256OfJsonText(playbookText) },
    mode: 'exam',
    startedAt: Date.parse('2026-12-04T15:02:11Z'),
    finishedAt: Date.parse('2026-12-04T15:31:40Z'),
    log: validation.log,
    report: grade(scenario, playbook, validation.log),
  });
}

interface Load {
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
}

/** `clients` loops, each sending its requests one after another, all at once; the rate and the latencies. */
async function underLoad(clients: number, perClient: number, send: (client: number, index: number) => Promise<number>): Promise<Load> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < perClient; i++) {
        const began = performance.now();
        const status = await send(client, i);
        if (status >= 300) throw new Error(`a request answered ${status}`);
        latencies.push(performance.now() - began);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function submissions(kind: string, env: ServerEnv, clients: number, perClient: number): Promise<[string, string][]> {
  const server = await startServerProcess(env);
  try {
    const origin = server.url;
    const post = (path: string, body: unknown, cookie = '') =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
    const token = new URL(server.setupLink!).searchParams.get('setup');
    const adminCookie = ((await post(`/api/setup/${token}`, { email: 'admin@bench.test', name: 'Admin', password: PASSWORD })).headers.get('set-cookie') ?? '').split(';')[0]!;
    const cookies: string[] = [];
    for (let i = 0; i < clients; i++) {
      await post('/api/users', { email: `t${i}@bench.test`, name: `Trainee ${i}`, role: 'trainee', password: PASSWORD }, adminCookie);
      cookies.push(((await post('/api/session', { email: `t${i}@bench.test`, password: PASSWORD })).headers.get('set-cookie') ?? '').split(';')[0]!);
    }
    const record = acmeStrong();
    const body = JSON.stringify(record);
    const health = await underLoad(clients, perClient, async (client) => (await fetch(`${server.url}/api/health`, { headers: { cookie: cookies[client]! } }).then(async (r) => (await r.arrayBuffer(), r))).status);
    const submit = await underLoad(clients, perClient, async (client) => {
      const answer = await fetch(`${server.url}/api/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie: cookies[client]! },
        body: body.replace(record.attemptId, randomUUID()),
      });
      await answer.arrayBuffer();
      return answer.status;
    });
    const total = clients * perClient;
    return [
      [`${kind}: GET /api/health, ${clients} concurrent clients × ${perClient} (baseline)`, `${health.perSecond.toFixed(0)}/s, p50 ${health.p50.toFixed(1)} ms, p95 ${health.p95.toFixed(1)} ms`],
      [`${kind}: POST /api/attempts (validate, regrade, store), ${clients} concurrent clients, ${total} attempts`, `${submit.perSecond.toFixed(0)} attempts/s, p50 ${submit.p50.toFixed(1)} ms, p95 ${submit.p95.toFixed(1)} ms`],
      [`${kind}: ratio submissions / health checks (rate; p95)`, `${(health.perSecond / submit.perSecond).toFixed(1)}× slower; p95 ${(submit.p95 / health.p95).toFixed(1)}×`],
    ];
  } catch (error) {
    throw new Error(`${kind}: ${error instanceof Error ? error.message : String(error)}; the server said:\n${server.output().slice(-2000)}`, { cause: error });
  } finally {
    await server.stop();
  }
}

/** Writes `count` distinct attempt records as NDJSON; returns the file's size in bytes. */
function writeNdjson(file: string, count: number): number {
  const record = acmeStrong();
  const line = JSON.stringify(record);
  const lines: string[] = [];
  let bytes = 0;
  writeFileSync(file, '');
  for (let i = 0; i < count; i++) {
    const next = line.replace(record.attemptId, randomUUID());
    lines.push(next);
    bytes += next.length + 1;
    if (lines.length === 5000 || i === count - 1) {
      writeFileSync(file, `${lines.join('\n')}\n`, { flag: 'a' });
      lines.length = 0;
    }
  }
  return bytes;
}

async function timeImport(kind: string, config: { dataDir: string; databaseUrl?: string }, file: string, count: number): Promise<number> {
  const store = await openStore(config);
  try {
    const start = performance.now();
    const result = await importAttempts(store, createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity }), file);
    if (result.created !== count) throw new Error(`${kind}: imported ${result.created} of ${count}: ${result.errors.slice(0, 3).join('; ')}`);
    return (performance.now() - start) / 1000;
  } finally {
    await store.close();
  }
}

async function parseOnly(file: string): Promise<number> {
  const start = performance.now();
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) if (line) count += JSON.parse(line) ? 1 : 0;
  void count;
  return (performance.now() - start) / 1000;
}

export async function serverBenchmark(options: { clients: number; perClient: number; importCount: number }): Promise<[string, string][]> {
  const scratch = mkdtempSync(join(tmpdir(), 'bridge-drill-bench-'));
  const postgres = await startCluster();
  try {
    const rows: [string, string][] = [];
    rows.push(...(await submissions('PGlite', { dataDir: join(scratch, 'pglite-submit') }, options.clients, options.perClient)));
    rows.push(...(await submissions('PostgreSQL', { databaseUrl: await newDatabase(postgres.url, 'bench_submit') }, options.clients, options.perClient)));
    const file = join(scratch, 'attempts.ndjson');
    const bytes = writeNdjson(file, options.importCount);
    const parse = await parseOnly(file);
    const pglite = await timeImport('PGlite', { dataDir: join(scratch, 'pglite-import') }, file, options.importCount);
    const pg = await timeImport('PostgreSQL', { dataDir: scratch, databaseUrl: await newDatabase(postgres.url, 'bench_import') }, file, options.importCount);
    const size = `${options.importCount.toLocaleString('en')} attempts, ${(bytes / 1024 / 1024).toFixed(0)} MB`;
    rows.push([`read + JSON.parse every line of the NDJSON (${size}; baseline)`, `${parse.toFixed(1)} s`]);
    rows.push([`import-attempts into PGlite (validate each record, store in batches)`, `${pglite.toFixed(1)} s (${(options.importCount / pglite).toFixed(0)}/s; ${(pglite / parse).toFixed(1)}× the baseline)`]);
    rows.push([`import-attempts into PostgreSQL`, `${pg.toFixed(1)} s (${(options.importCount / pg).toFixed(0)}/s; ${(pg / parse).toFixed(1)}× the baseline)`]);
    return rows;
  } finally {
    postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function newDatabase(serverUrl: string, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
