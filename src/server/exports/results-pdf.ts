import { z } from 'zod';
import type { PdfDocument } from '../../core/report/pdf/pdf-layout.ts';
import { cohortPdf } from '../../core/report/pdf/cohort-pdf.ts';
import { traineePdf } from '../../core/report/pdf/trainee-pdf.ts';
import type { AttemptFilter, ResultsStore } from '../db/store.ts';

/** The newest this many attempts are listed on a trainee's record. */
export const TRAINEE_PDF_ATTEMPTS = 200;
const MISSED_LISTED = 15;

/** The filter in words, for a report's subtitle. */
export function filterText(filter: AttemptFilter): string {
  const said = [
    filter.scenario && `scenario ${filter.scenario}`,
    filter.mode && `${filter.mode} attempts`,
    filter.passed !== undefined && (filter.passed ? 'passed only' : 'failed only'),
    filter.from && `from ${filter.from}`,
    filter.to && `to ${filter.to}`,
  ].filter((part): part is string => typeof part === 'string');
  return said.length === 0 ? 'All attempts' : `Attempts: ${said.join(', ')}`;
}

const TitleOnly = z.object({ id: z.string(), title: z.string() });

/** Each stored scenario's title by id (the newest stored version's). */
async function scenarioTitles(store: ResultsStore): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const version of await store.listVersions('scenario')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(version.text);
    } catch {
      continue;
    }
    const read = TitleOnly.safeParse(parsed);
    if (read.success) titles.set(read.data.id, read.data.title);
  }
  return titles;
}

/**
 * A trainee's training record for a filter that names them (and is already narrowed to what the caller may see);
 * null when they have no attempt in it.
 */
export async function traineeReport(store: ResultsStore, filter: AttemptFilter & { readonly trainee: string }, generatedAt: Date): Promise<PdfDocument | null> {
  const [overview, table, missed] = await Promise.all([
    store.resultsOverview(filter),
    store.attemptsTable(filter, { sort: 'finished', order: 'desc', page: 1, pageSize: TRAINEE_PDF_ATTEMPTS }),
    store.missedFindings(filter, MISSED_LISTED),
  ]);
  const totals = overview.trainees[0];
  if (totals === undefined) return null;
  const newest = table.attempts[0];
  const stored = newest ? await store.getAttempt(newest.attemptId) : undefined;
  return traineePdf({
    totals,
    attempts: [...table.attempts].reverse(),
    attemptsCut: table.total > table.attempts.length,
    missed: missed.findings,
    latest: newest && stored?.attempt.report ? { summary: newest, report: stored.attempt.report } : null,
    filterText: filterText(filter),
    generatedAt,
  });
}

/** A cohort's results (or, with no cohort in the filter, everyone the filter lets the caller see). */
export async function cohortReport(store: ResultsStore, filter: AttemptFilter, name: string, generatedAt: Date): Promise<PdfDocument> {
  const [overview, missed, titles] = await Promise.all([store.resultsOverview(filter), store.missedFindings(filter, 20), scenarioTitles(store)]);
  return cohortPdf({ name, ...overview, missed: missed.findings, scenarioTitles: titles, filterText: filterText(filter), generatedAt });
}
