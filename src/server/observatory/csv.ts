/** @module A small strict CSV reader (RFC 4180 quotes, `,` or `;` separated) for readings batches and indicator files. */

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The separator of a file: `;` when its header has more of them than commas (French exports), else `,`. */
function separatorOf(header: string): string {
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Rows of a CSV text, the header first; each row with its line number. Throws CsvError on a broken quote or a row
 * whose width differs from the header's. Blank lines are skipped.
 * @example parseCsv('a,b\n1,2\n') // { header: ['a','b'], rows: [{ line: 2, cells: ['1','2'] }] }
 */
export function parseCsv(text: string): { header: string[]; rows: Array<{ line: number; cells: string[] }> } {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const sep = separatorOf(firstLine);
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: startLine, cells });
    cells = [];
    cell = '';
  };
  while (i < body.length) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        cell += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === '"') throw new CsvError(line, `Line ${line}: a quote inside an unquoted value.`);
    else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      startLine = line;
    } else cell += c;
    i += 1;
  }
  if (quoted) throw new CsvError(startLine, `Line ${startLine}: a quote is never closed.`);
  if (cell !== '' || cells.length > 0) endRecord();
  const [header, ...rows] = records;
  if (!header) throw new CsvError(1, 'The file is empty: it needs a header line.');
  const names = header.cells.map((h) => h.trim().toLowerCase());
  for (const row of rows) {
    if (row.cells.length !== names.length) throw new CsvError(row.line, `Line ${row.line}: ${row.cells.length} values where the header has ${names.length}.`);
  }
  return { header: names, rows };
}
