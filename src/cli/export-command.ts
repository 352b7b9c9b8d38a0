import { ExportFilterQuery } from '../server/attempt-filter-query.ts';
import type { AttemptFilter, ResultsStore } from '../server/db/store.ts';
import { attemptsCsv } from '../server/exports/attempts-csv-export.ts';
import { attemptsXlsxStream } from '../server/exports/attempts-xlsx-export.ts';
import type { PdfDocument } from '../core/report/pdf/pdf-layout.ts';
import { renderPdf } from '../server/exports/pdf-render.ts';
import { cohortReport, traineeReport } from '../server/exports/results-pdf.ts';
import { xapiNdjson } from '../server/xapi/statements-export.ts';
import { HttpUrl, readXapiSettings } from '../server/xapi/settings.ts';
import { options, UsageError } from './args.ts';
import { InputError } from './catalog.ts';
import { withStore, writeOut, type FileOutput } from './data-commands.ts';
import { scormExport } from './scorm-export.ts';
import type { Streams } from './main.ts';

const FILTERS = ['scenario', 'trainee', 'cohort', 'from', 'to', 'passed', 'mode'] as const;
const FORMATS = ['csv', 'xlsx', 'pdf', 'xapi', 'scorm'] as const;
type Made = Exclude<(typeof FORMATS)[number], 'scorm'>;

/** `bridge-drill export FORMAT [filters] --out FILE`: the HR exports, for every attempt the filter matches; written to the audit log. */
export async function exportCommand(args: readonly string[], streams: Streams, fileOut: FileOutput): Promise<number> {
  const [format, ...rest] = args;
  if (format === undefined || format.startsWith('--')) throw new UsageError(`export needs a format: ${FORMATS.join(', ')}`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown export format "${format}"; the formats are ${FORMATS.join(', ')}`);
  if (format === 'scorm') return scormExport(rest, streams, fileOut);
  const made = format as Made;
  const given = options(rest, [...FILTERS, 'out', ...(made === 'xapi' ? ['home-page'] : [])]);
  const out = given.get('out');
  if (out === undefined) throw new UsageError('export needs --out FILE ("-" for standard output)');
  given.delete('out');
  const homePageOption = given.get('home-page');
  given.delete('home-page');
  if (out === '-' && streams.outIsTerminal) throw new UsageError('--out - writes the file itself, which a terminal would act on; pipe it to a program, or give --out FILE');
  const parsed = ExportFilterQuery.safeParse(Object.fromEntries(given));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  const filter = parsed.data;
  return withStore(streams, async (store) => {
    await store.recordAudit({ actorId: null, actor: 'command line', action: `export.${made}`, detail: { filter } });
    if (made === 'xapi') {
      const homePage = await xapiHomePage(store, homePageOption);
      const count = await writeOut(out, fileOut, (write) => writeAll(xapiNdjson(store, filter, homePage), write));
      (out === '-' ? streams.err : streams.out).write(`exported the xAPI statements of ${count} ${count === 1 ? 'attempt' : 'attempts'}${out === '-' ? '' : ` to ${out}`}\n`);
      return 0;
    }
    if (made === 'pdf') {
      const report = await pdfReport(store, filter);
      const bytes = await renderPdf(report.document);
      await writeOut(out, fileOut, (write) => write(bytes));
      (out === '-' ? streams.err : streams.out).write(`exported ${report.what} as PDF (${bytes.length.toLocaleString('en')} bytes)${out === '-' ? '' : ` to ${out}`}\n`);
      return 0;
    }
    const count = await writeOut(out, fileOut, (write) => (made === 'csv' ? writeCsv(store, filter, write) : writeXlsx(store, filter, write)));
    (out === '-' ? streams.err : streams.out).write(`exported ${count} ${count === 1 ? 'attempt' : 'attempts'} as ${made.toUpperCase()}${out === '-' ? '' : ` to ${out}`}\n`);
    return 0;
  });
}

type Write = (chunk: string | Uint8Array) => Promise<void>;

/** The actors' home page and the base of the IRIs: --home-page, or the one in the server's xAPI settings. */
async function xapiHomePage(store: ResultsStore, given: string | undefined): Promise<string> {
  const homePage = given ?? (await readXapiSettings(store))?.homePage;
  if (homePage === undefined) throw new UsageError("export xapi needs --home-page URL (the server's public address, which names the trainees' accounts), or an LRS set in the server's xAPI settings");
  const parsed = HttpUrl.safeParse(homePage);
  if (!parsed.success) throw new UsageError(`--home-page: ${parsed.error.issues[0]?.message ?? 'not an address'}`);
  return parsed.data;
}

async function writeAll(chunks: AsyncGenerator<string, number>, write: Write): Promise<number> {
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    await write(next.value);
  }
}

/** With --trainee, that trainee's record; otherwise the cohort's results (everyone's without --cohort). */
async function pdfReport(store: ResultsStore, filter: AttemptFilter): Promise<{ document: PdfDocument; what: string }> {
  const now = new Date();
  if (filter.trainee !== undefined) {
    const document = await traineeReport(store, { ...filter, trainee: filter.trainee }, now);
    if (document === null) throw new InputError(`trainee ${filter.trainee} has no attempt in this filter`);
    return { document, what: 'the trainee’s record' };
  }
  const cohort = filter.cohort === undefined ? undefined : await store.findCohort(filter.cohort);
  if (filter.cohort !== undefined && cohort === undefined) throw new InputError(`there is no cohort ${filter.cohort}`);
  return { document: await cohortReport(store, filter, cohort?.name ?? 'All trainees', now), what: cohort ? `the results of ${cohort.name}` : 'the results of every trainee' };
}

async function writeCsv(store: ResultsStore, filter: AttemptFilter, write: Write): Promise<number> {
  const chunks = attemptsCsv(store, filter);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    await write(next.value);
  }
}

async function writeXlsx(store: ResultsStore, filter: AttemptFilter, write: Write): Promise<number> {
  const { bytes, written } = attemptsXlsxStream(store, filter, { exportedAt: new Date(), exportedBy: 'command line', filter });
  try {
    for await (const chunk of bytes) await write(chunk as Uint8Array);
  } finally {
    bytes.destroy();
  }
  return await written;
}
