import type { ColumnType, RawValue, ResultColumn } from '../../core/report/result-columns.ts';

/**
 * The HR workbook's cells, typed: a percent as a fraction (shown as a percent), an instant as a Date (UTC), a
 * duration as a fraction of a day (shown as h:mm:ss), so a spreadsheet sorts and sums them as what they are.
 * Text stays text: a workbook cell of text is never run as a formula.
 */

export type SheetValue = string | number | boolean | Date | null;

const DAY_MS = 86_400_000;

export function sheetValue(type: ColumnType, raw: RawValue): SheetValue {
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case 'percent':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw / 100 : null;
    case 'duration':
      return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw / DAY_MS : null;
    case 'datetime': {
      const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      return Number.isFinite(ms) ? new Date(ms) : null;
    }
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    case 'boolean':
    case 'text':
      return raw;
  }
}

export const sheetRow = <T>(columns: readonly ResultColumn<T>[], row: T): SheetValue[] => columns.map((column) => sheetValue(column.type, column.value(row)));
