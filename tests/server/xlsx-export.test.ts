import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsStore } from '../../src/server/db/store.ts';
import { ExportAborted, writeAttemptsXlsx } from '../../src/server/exports/attempts-xlsx-export.ts';
import { freshStore } from './support/stores.ts';
import { attemptRecord, FIRST_FINISH } from './store/records.ts';
import { readWorkbook } from './support/workbook.ts';

const about = { exportedAt: new Date(FIRST_FINISH), exportedBy: 'hr@example.test', filter: {} };

describe('the workbook export', () => {
  let store: ResultsStore;
  beforeAll(async () => {
    store = await freshStore('pglite');
    await store.importAttempts(Array.from({ length: 30 }, (_, i) => attemptRecord({ finishedAt: FIRST_FINISH + i * 60_000 })));
  });
  afterAll(async () => {
    await store.close();
  });

  it('writes a whole workbook to a reader that keeps up', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(await writeAttemptsXlsx(store, {}, output, about)).toBe(30);
    const sheets = await readWorkbook(Buffer.concat(chunks));
    expect(sheets.get('Attempts')).toHaveLength(31);
  });

  it('stops with ExportAborted, rather than hanging, when its reader goes away part way', async () => {
    const output = new PassThrough();
    output.once('data', () => output.destroy());
    output.resume();
    await expect(writeAttemptsXlsx(store, {}, output, about)).rejects.toBeInstanceOf(ExportAborted);
  });

  it('waits for a reader that is behind, and finishes once it reads', async () => {
    const output = new PassThrough({ highWaterMark: 1 });
    let settled = false;
    const written = writeAttemptsXlsx(store, {}, output, about).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(await written).toBe(30);
    expect((await readWorkbook(Buffer.concat(chunks))).get('Attempts')).toHaveLength(31);
  });
});
