/**
 * The one CSV writer of the app (the shopping list today; any CSV later).
 * A CSV file is opened by a spreadsheet, which runs a cell that starts with
 * `=`, `+`, `-` or `@` as a formula (and some also after a tab or carriage
 * return): a product named `=HYPERLINK("http://…","Click")` or
 * `=WEBSERVICE(…)` would then act on the baker's computer. So a text cell
 * starting with one of those gets a `'` in front, which spreadsheets show as
 * text and do not run (OWASP's advice for CSV injection). Numbers are passed
 * as numbers and written plainly, so -2.5 stays a number.
 *
 * The format is RFC 4180: fields separated by commas, records by CRLF; a
 * field holding a comma, quote, CR or LF, or starting or ending with a space,
 * is quoted, with quotes doubled. `csvDocument` puts a UTF-8 byte order mark
 * first, without which Excel reads "Crème fraîche" as "CrÃ¨me fraÃ®che".
 */

export type CsvCell = string | number | null | undefined;

/** What makes a spreadsheet run a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** The text a spreadsheet will show for `value`: unchanged, or with a `'` before a formula's first character. */
export function neutralised(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field as written in the file. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`A CSV cell must be a finite number, not ${value}.`);
    // -0 written as "0"; no thousands separators, a point for decimals: a number any spreadsheet reads.
    return String(value + 0);
  }
  const text = neutralised(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, each record ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${csvLine(row)}\r\n`).join('');
}

function csvLine(row: readonly CsvCell[]): string {
  const line = row.map(csvField).join(',');
  // One empty field written as nothing would be an empty line, which readers skip.
  return line === '' && row.length === 1 ? '""' : line;
}

/** A whole CSV file: a byte order mark, the header row, then the rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${toCsv([header, ...rows])}`;
}
