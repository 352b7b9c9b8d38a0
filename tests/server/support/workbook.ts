import ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | Date | null;

/** A workbook's sheets read back as rows of plain cell values (a Date for a date cell), by sheet name. */
export async function readWorkbook(bytes: Uint8Array): Promise<Map<string, CellValue[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, CellValue[][]>();
  workbook.eachSheet((worksheet) => {
    const rows: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: CellValue[] = [];
      for (let column = 1; column <= worksheet.columnCount; column++) {
        const value = row.getCell(column).value;
        cells.push(value === undefined || value === null ? null : typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : (value as CellValue));
      }
      rows.push(cells);
    });
    sheets.set(worksheet.name, rows);
  });
  return sheets;
}
