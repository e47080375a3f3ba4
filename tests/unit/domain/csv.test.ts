/**
 * The CSV writer, read back by a real CSV parser (csv-parse, as a spreadsheet
 * import would): every value comes back as written, except that a text cell a
 * spreadsheet would run as a formula comes back with a `'` in front.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, neutralised, toCsv, type CsvCell } from '../../../src/domain/csv';

function read(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/** What a cell reads as once parsed: numbers as their plain text, nothing as empty text. */
function expected(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell + 0) : neutralised(cell);
}

describe('CSV writer', () => {
  it('neutralises formulas: =, +, -, @, tab and carriage return first get a quote in front', () => {
    const attacks = ['=1+2', '=HYPERLINK("http://evil.example","Click")', '+41 22', '-2+3', '@SUM(A1:A2)', '\t=cmd', '\r=cmd', "=cmd|' /C calc'!A0"];
    const [row] = read(toCsv([attacks]));
    expect(row).toEqual(attacks.map((a) => `'${a}`));
  });

  it('leaves ordinary text alone, also with a formula character later on', () => {
    const plain = ['Flour, all-purpose', 'King Arthur "Special"', '2 + 2', 'a=b', 'line\nbreak', ' leading space', "'quoted'"];
    expect(read(toCsv([plain]))[0]).toEqual(plain);
  });

  it('writes numbers as numbers: -2.5 is not neutralised, -0 is 0, and NaN or Infinity are refused', () => {
    expect(toCsv([[-2.5, 0.1, -0, 1e21, 42]])).toBe('-2.5,0.1,0,1e+21,42\r\n');
    expect(() => csvField(Number.NaN)).toThrow('finite number');
    expect(() => csvField(Infinity)).toThrow('finite number');
  });

  it('quotes a field with a comma, a quote, a line break or edge spaces, doubling its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "when"')).toBe('"say ""when"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(' x')).toBe('" x"');
    expect(csvField('plain')).toBe('plain');
  });

  it('a document starts with a byte order mark and its header', () => {
    const csv = csvDocument(['Item', 'Buy'], [['Crème fraîche', 2]]);
    expect(csv.startsWith('\uFEFFItem,Buy\r\n')).toBe(true);
    expect(read(csv)).toEqual([
      ['Item', 'Buy'],
      ['Crème fraîche', '2'],
    ]);
  });

  it('round-trips every value through a real parser (any text, numbers, empty cells)', () => {
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 2, arbitrary: fc.stringMatching(/^[=+\-@\t\r",\n ]{0,3}[a-z0-9]{0,4}$/) },
      { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined, '') },
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        expect(read(toCsv(rows))).toEqual(rows.map((row) => row.map(expected)));
      }),
      { numRuns: 500 },
    );
  });

  it('no cell a spreadsheet reads starts a formula, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 5 }), (texts) => {
        for (const value of read(toCsv([texts]))[0]!) expect(value).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});
