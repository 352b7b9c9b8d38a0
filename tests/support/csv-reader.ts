/** A strict RFC 4180 reader: fails on anything a spreadsheet would read differently. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const char = text[i]!;
    if (field === '' && char === '"') {
      i++;
      for (;;) {
        const next = text[i];
        if (next === undefined) throw new Error('unterminated quoted field');
        if (next === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (next === '"') {
          i++;
          break;
        } else {
          field += next;
          i++;
        }
      }
      const after = text[i];
      if (after !== ',' && after !== '\r') throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (char === ',') {
      endField();
      i++;
    } else if (char === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else if (char === '\n' || char === '"') {
      throw new Error(`unquoted ${JSON.stringify(char)} at ${i}`);
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last row does not end with CRLF');
  return rows;
}
