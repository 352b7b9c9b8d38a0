import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ATTEMPT_FIELDS, TRAINEE_FIELDS, type ColumnType, type ResultColumn } from '../../core/report/result-columns.ts';
import { sheetRow, type SheetValue } from './sheet-values.ts';
import { TraineeTotalsBuilder } from '../../core/report/trainee-totals.ts';
import type { AttemptFilter, ResultsStore } from '../db/store.ts';

/** Attempts per query: one batch is held at a time, and each row is written out as it is added. */
const BATCH = 1000;

const NUMBER_FORMATS: Readonly<Record<ColumnType, string | undefined>> = {
  text: '@',
  number: '0.##',
  percent: '0.0%',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  duration: '[h]:mm:ss',
  boolean: undefined,
};

export interface ExportAbout {
  readonly exportedAt: Date;
  /** Who exported: an e-mail, or "command line". */
  readonly exportedBy: string;
  /** As the user gave it, before it was narrowed to what they may see. */
  readonly filter: AttemptFilter;
}

type StreamingSheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

function sheet<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly Pick<ResultColumn<T>, 'header' | 'type' | 'width'>[]): StreamingSheet {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.type];
    return { header: column.header, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  worksheet.getRow(1).font = { bold: true };
  return worksheet;
}

const addRow = (worksheet: StreamingSheet, values: readonly SheetValue[]) => worksheet.addRow([...values]).commit();

/**
 * The HR workbook of the attempts a filter matches, written as it is read: an Attempts sheet (newest first), a
 * Trainees sheet summing each trainee up, and an Export sheet saying who exported what and when. Cells are typed
 * (numbers, percents, UTC date-times, durations, true/false); text is text, never a formula. Returns the count.
 */
export async function writeAttemptsXlsx(store: ResultsStore, filter: AttemptFilter, output: Writable, about: ExportAbout): Promise<number> {
  // The writer buffers whatever it is given, so the reading waits whenever the reader of `output` is behind, and
  // stops when `output` is closed before the workbook is whole (a download given up).
  const closedEarly = new Promise<never>((_, reject) => output.once('close', () => output.writableFinished || reject(new ExportAborted())));
  closedEarly.catch(() => {});
  const keepPace = async () => {
    if (output.destroyed) throw new ExportAborted();
    if (output.writableNeedDrain) await Promise.race([once(output, 'drain'), closedEarly]);
  };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Bridge Drill';
  workbook.created = about.exportedAt;
  const attempts = sheet(workbook, 'Attempts', ATTEMPT_FIELDS);
  const totals = new TraineeTotalsBuilder();
  let count = 0;
  for await (const batch of store.streamSummaries(filter, BATCH)) {
    for (const summary of batch) {
      addRow(attempts, sheetRow(ATTEMPT_FIELDS, summary));
      totals.add(summary);
    }
    count += batch.length;
    await keepPace();
  }
  attempts.commit();
  const trainees = sheet(workbook, 'Trainees', TRAINEE_FIELDS);
  for (const each of totals.totals()) addRow(trainees, sheetRow(TRAINEE_FIELDS, each));
  trainees.commit();
  const exported = sheet(workbook, 'Export', [
    { header: 'What', type: 'text', width: 20 },
    { header: 'Value', type: 'text', width: 60 },
  ]);
  exported.getColumn(2).numFmt = 'General';
  addRow(exported, ['Exported at (UTC)', about.exportedAt.toISOString()]);
  addRow(exported, ['Exported by', about.exportedBy]);
  addRow(exported, ['Filter', JSON.stringify(about.filter)]);
  addRow(exported, ['Attempts', count]);
  exported.commit();
  await keepPace();
  await Promise.race([workbook.commit(), closedEarly]);
  return count;
}

/**
 * The workbook as a stream of bytes to read, and the count once it is whole. A failure destroys `bytes` with its
 * error, so a reader learns of it, and `written` rejects with it without ever rejecting unheard.
 */
export function attemptsXlsxStream(store: ResultsStore, filter: AttemptFilter, about: ExportAbout): { readonly bytes: PassThrough; readonly written: Promise<number> } {
  const bytes = new PassThrough();
  const written = writeAttemptsXlsx(store, filter, bytes, about).catch((error: unknown) => {
    bytes.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  written.catch(() => {});
  return { bytes, written };
}

/** The workbook's reader went away before it was whole. */
export class ExportAborted extends Error {
  override readonly name = 'ExportAborted';
  constructor() {
    super('The workbook was closed before it was written whole.');
  }
}
