import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../server/db/open-store.ts';
import type { AttemptFilter, Cohort, ResultsStore, User } from '../server/db/store.ts';
import { fillDemoData } from '../server/demo/demo-data.ts';
import { attemptsCsv } from '../server/exports/attempts-csv-export.ts';
import { renderPdf } from '../server/exports/pdf-render.ts';
import { cohortReport, traineeReport } from '../server/exports/results-pdf.ts';
import { startCluster } from './postgres-cluster.ts';

/**
 * The results area on the demo data (5,000 trainees, 100,000 attempts by default), on PGlite and on PostgreSQL:
 * the attempts table's first page, a heat map and an item analysis over every attempt and over one cohort, and
 * the CSV export of every attempt, a trainee's PDF and a 500-trainee cohort's PDF, each against a baseline
 * measured in the same run on the same store where one applies.
 */

export const RESULTS_TITLE = 'Bridge Drill results area (demo data; in-process store, no HTTP)';

export interface ResultsBenchOptions {
  readonly trainees: number;
  readonly attempts: number;
  /** An embedded database already holding this demo data (seed 1), to skip making it again. */
  readonly pgliteDir?: string;
  readonly postgres: boolean;
}

const TARGETS = { firstPageMs: 50, heatMapMs: 300, csvSeconds: 3, traineePdfMs: 500, cohortPdfSeconds: 5 } as const;
const BIG_COHORT = 500;
const ADMIN: User = { id: '00000000-0000-4000-8000-000000000000', email: 'bench@example.test', name: 'bench', role: 'admin', createdAt: new Date(0).toISOString() };

/** A cohort of the first 500 demo trainees, for the cohort PDF's target; made once per store. */
async function bigCohort(store: ResultsStore): Promise<Cohort> {
  const name = `Benchmark cohort of ${BIG_COHORT}`;
  const existing = (await store.listCohorts(ADMIN)).find((cohort) => cohort.name === name);
  if (existing) return existing;
  const users = await store.listUsers();
  const instructor = users.find((user) => user.role === 'instructor');
  if (!instructor) throw new Error('The demo data has no instructor.');
  const cohort = await store.createCohort({ name, instructorId: instructor.id });
  for (const trainee of users.filter((user) => user.role === 'trainee').slice(0, BIG_COHORT)) await store.addMember(cohort.id, trainee.id);
  return (await store.findCohort(cohort.id))!;
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(runs: number, body: () => Promise<unknown>): Promise<number> {
  await body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const met = (value: number, target: number): string => (value <= target ? 'met' : 'NOT met');
const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/** Reads every summary a filter matches and throws it away: what any export must at least do. */
async function readAll(store: ResultsStore, filter: AttemptFilter): Promise<number> {
  let count = 0;
  for await (const batch of store.streamSummaries(filter, 1000)) count += batch.length;
  return count;
}

/** The CSV export into nothing, with the largest heap seen while it ran. */
async function csvToNowhere(store: ResultsStore): Promise<{ rows: number; bytes: number; peakHeapMb: number }> {
  let bytes = 0;
  let peak = 0;
  const exported = attemptsCsv(store, {});
  let step = await exported.next();
  while (!step.done) {
    bytes += Buffer.byteLength(step.value);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    step = await exported.next();
  }
  return { rows: step.value, bytes, peakHeapMb: peak / 1024 / 1024 };
}

async function measure(name: string, store: ResultsStore): Promise<[string, string][]> {
  const [cohort] = await store.listCohorts(ADMIN);
  if (!cohort) throw new Error('The demo data has no cohort.');
  const big = await bigCohort(store);
  const [someone] = (await store.resultsOverview({ cohort: cohort.id })).trainees;
  if (!someone) throw new Error('The demo cohort has no attempts.');
  const ping = await timed(50, () => store.ping());
  const firstPage = await timed(20, () => store.attemptsTable({}, { sort: 'finished', order: 'desc', page: 1, pageSize: 50 }));
  const byGrade = await timed(10, () => store.attemptsTable({}, { sort: 'grade', order: 'asc', page: 1, pageSize: 50 }));
  const cohortPage = await timed(20, () => store.attemptsTable({ cohort: cohort.id }, { sort: 'trainee', order: 'asc', page: 1, pageSize: 50 }));
  const heatMapAll = await timed(5, () => store.resultsOverview({}));
  const heatMapCohort = await timed(20, () => store.resultsOverview({ cohort: cohort.id }));
  const missedAll = await timed(3, () => store.missedFindings({}, 20));
  const missedCohort = await timed(20, () => store.missedFindings({ cohort: cohort.id }, 20));
  let traineePages = 0;
  const traineePdfMs = await timed(5, async () => {
    const bytes = await renderPdf((await traineeReport(store, { trainee: someone.traineeId }, new Date()))!);
    traineePages = pageCount(bytes);
  });
  let cohortPages = 0;
  const cohortPdfMs = await timed(3, async () => {
    const bytes = await renderPdf(await cohortReport(store, { cohort: big.id }, big.name, new Date()));
    cohortPages = pageCount(bytes);
  });
  const readStart = performance.now();
  const total = await readAll(store, {});
  const readSeconds = (performance.now() - readStart) / 1000;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed / 1024 / 1024;
  const csvStart = performance.now();
  const csv = await csvToNowhere(store);
  const csvSeconds = (performance.now() - csvStart) / 1000;
  const n = total.toLocaleString('en');
  return [
    [`${name}: a query that does no work (baseline), median of 50`, `${ping.toFixed(2)} ms`],
    [`${name}: attempts table, first page of 50 of ${n}, newest first, with the total, median of 20`, `${firstPage.toFixed(1)} ms (${(firstPage / ping).toFixed(0)}× the baseline; target ≤ ${TARGETS.firstPageMs} ms: ${met(firstPage, TARGETS.firstPageMs)})`],
    [`${name}: attempts table, first page by grade, lowest first, median of 10`, `${byGrade.toFixed(1)} ms`],
    [`${name}: attempts table, one cohort's first page by trainee, median of 20`, `${cohortPage.toFixed(1)} ms`],
    [`${name}: read every summary, no formatting (baseline for the whole-set work)`, `${readSeconds.toFixed(2)} s`],
    [`${name}: heat map (every trainee × competency, pass rate per scenario) over all ${n} attempts, median of 5`, `${heatMapAll.toFixed(0)} ms (${((heatMapAll / 1000 / readSeconds) * 100).toFixed(0)}% of reading them; target ≤ ${TARGETS.heatMapMs} ms: ${met(heatMapAll, TARGETS.heatMapMs)})`],
    [`${name}: heat map of one cohort (${cohort.memberCount} trainees), median of 20`, `${heatMapCohort.toFixed(1)} ms`],
    [`${name}: item analysis over all ${n} attempts, median of 3`, `${missedAll.toFixed(0)} ms`],
    [`${name}: item analysis of one cohort, median of 20`, `${missedCohort.toFixed(1)} ms`],
    [`${name}: trainee PDF (${someone.attempts} attempts, ${traineePages} pages: queries + layout), median of 5`, `${traineePdfMs.toFixed(0)} ms (target ≤ ${TARGETS.traineePdfMs} ms: ${met(traineePdfMs, TARGETS.traineePdfMs)})`],
    [`${name}: cohort PDF of ${big.memberCount} trainees (${cohortPages} pages), median of 3`, `${(cohortPdfMs / 1000).toFixed(2)} s (target ≤ ${TARGETS.cohortPdfSeconds} s: ${met(cohortPdfMs / 1000, TARGETS.cohortPdfSeconds)})`],
    [
      `${name}: CSV of all ${csv.rows.toLocaleString('en')} attempts (${(csv.bytes / 1024 / 1024).toFixed(0)} MB), streamed`,
      `${csvSeconds.toFixed(2)} s (${(csvSeconds / readSeconds).toFixed(2)}× reading them; heap ${heapBefore.toFixed(0)} MB before, peak ${csv.peakHeapMb.toFixed(0)} MB; target ≤ ${TARGETS.csvSeconds} s: ${met(csvSeconds, TARGETS.csvSeconds)})`,
    ],
  ];
}

async function withDemoData(store: ResultsStore, options: ResultsBenchOptions, label: string): Promise<[string, string]> {
  const start = performance.now();
  await fillDemoData(store, { trainees: options.trainees, attempts: options.attempts, now: Date.parse('2026-12-01T00:00:00Z') });
  return [`${label}: demo-data --trainees ${options.trainees} --attempts ${options.attempts} (made for this run)`, `${((performance.now() - start) / 1000).toFixed(0)} s`];
}

export async function resultsBenchmark(options: ResultsBenchOptions): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'bridge-drill-results-bench-'));
  try {
    const pglite = await openStore({ dataDir: options.pgliteDir ?? join(scratch, 'pglite') });
    try {
      if (options.pgliteDir === undefined) rows.push(await withDemoData(pglite, options, 'PGlite'));
      rows.push(...(await measure('PGlite', pglite)));
    } finally {
      await pglite.close();
    }
    if (options.postgres) {
      const cluster = await startCluster();
      try {
        const postgres = await openStore({ dataDir: scratch, databaseUrl: cluster.url });
        try {
          rows.push(await withDemoData(postgres, options, 'PostgreSQL'));
          rows.push(...(await measure('PostgreSQL', postgres)));
        } finally {
          await postgres.close();
        }
      } finally {
        cluster.stop();
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}
