/**
 * Reading JSON from elsewhere (src/domain/json-file.ts) and the file limits
 * (src/domain/file-limits.ts): each refusal names the place in the file and
 * what the limit is; what passes is the same value JSON.parse gives.
 */
import { describe, expect, it } from 'vitest';
import { checkFileSize, checkRecordCount, clip, FILE_KINDS, MAX_RECORDS_OF_ONE_KIND, plainBytes, quoted, type FileKind } from '../../../src/domain/file-limits';
import { MAX_JSON_DEPTH, readJsonText } from '../../../src/domain/json-file';
import { AppError } from '../../../src/errors';

const KIND: FileKind = { what: 'A test file', maxBytes: 1_000 };

function refusal(text: string, kind: FileKind = KIND): AppError {
  try {
    readJsonText(text, kind);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('IMPORT');
    return e as AppError;
  }
  throw new Error(`read without a refusal: ${text.slice(0, 80)}`);
}

describe('readJsonText', () => {
  it('reads what JSON.parse reads, a byte order mark aside', () => {
    const text = '{"ingredients":[{"slug":"flour","display_name":"Flour","n":-0.5,"e":1e300}]}';
    expect(readJsonText(text, KIND)).toEqual(JSON.parse(text));
    expect(readJsonText(`\uFEFF${text}`, KIND)).toEqual(JSON.parse(text));
    expect(readJsonText('"a [ { string"', KIND)).toBe('a [ { string');
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, at the place it goes too deep, without a stack overflow`, () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const e = refusal(deep, FILE_KINDS.bakeTrackerBackup);
    expect(e.message).toMatch(new RegExp(`^This file is nested more than ${MAX_JSON_DEPTH} levels deep \\(at \\[0\\]\\[0\\]`));
    expect(e.message.length).toBeLessThan(300);
    const objects = `{"ingredients":[${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}]}`;
    expect(refusal(objects).details.path).toMatch(/^ingredients\[0\]\.a\.a\.a/);
    // Exactly the limit is read.
    expect(() => readJsonText(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`, KIND)).not.toThrow();
  });

  it('refuses keys named __proto__, constructor or prototype anywhere, however spelt, naming where', () => {
    const cases: [string, string][] = [
      ['{"__proto__":{"polluted":true}}', '__proto__'],
      ['{"ingredients":[{"slug":"x"},{"constructor":{"prototype":{"polluted":true}}}]}', 'ingredients[1].constructor'],
      ['{"a":{"b":[1,{"prototype":1}]}}', 'a.b[1].prototype'],
      ['{"\\u005f_proto__":{"polluted":true}}', '__proto__'],
    ];
    for (const [text, path] of cases) {
      const e = refusal(text);
      expect(e.details.path).toBe(path);
      expect(e.message).toContain(`(at ${path})`);
    }
    // As values they are data like any other.
    expect(readJsonText('{"name":"__proto__","list":["constructor"]}', KIND)).toEqual({ name: '__proto__', list: ['constructor'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses numbers too large to be numbers, naming where; NaN and Infinity are not JSON', () => {
    const e = refusal('{"products":[{"package_unit_quantity":1e309}]}');
    expect(e.message).toBe('The number "1e309" at products[0].package_unit_quantity is too large to be a number.');
    expect(refusal('[-1E400]').details.path).toBe('[0]');
    for (const raw of ['NaN', 'Infinity', '-Infinity']) {
      const e = refusal(`{"n":${raw}}`);
      // Said in a baker's words; the parser's own is the technical detail.
      expect(e.message, raw).toMatch(/^This file is damaged/);
      expect(e.details, raw).toMatchObject({ field: 'file', problem: 'damaged', technical: expect.stringMatching(/JSON/) });
    }
  });

  it('refuses an empty file, and one that is not JSON, in a sentence', () => {
    expect(refusal('  \n').message).toBe('This file is empty. Choose a test file (a .json file). Nothing was imported.');
    expect(refusal('{"a":').message).toMatch(/^This file is incomplete: it ends part-way through/);
    expect(refusal('{"a":').details.technical).toMatch(/^".+"$/);
  });

  it('refuses a text longer than its kind allows before scanning it', () => {
    expect(refusal(`"${'x'.repeat(1_500)}"`).message).toBe('This file is 1.5 KB; a test file can be at most 1 KB. Nothing was read.');
  });

  it('a string holding brackets, quotes and keys is not mistaken for structure', () => {
    const text = JSON.stringify({ note: '{"__proto__": [[[[' + '['.repeat(200), other: 'x\\"}]' });
    expect(readJsonText(text, FILE_KINDS.bakeTrackerBackup)).toEqual(JSON.parse(text));
  });
});

describe('file limits', () => {
  it('a file over its kind’s size is refused with the limit in the message, before reading', () => {
    try {
      checkFileSize(FILE_KINDS.bakeTrackerBackup, 1_073_741_824, 'backup.json');
      throw new Error('not refused');
    } catch (e) {
      expect((e as AppError).message).toBe('"backup.json" is 1.1 GB; a Bake Tracker backup can be at most 32 MB. Nothing was read.');
      expect((e as AppError).details).toEqual({ field: 'file', bytes: 1_073_741_824, maxBytes: 32_000_000 });
    }
    expect(() => checkFileSize(FILE_KINDS.bakeTrackerBackup, 32_000_000)).not.toThrow();
  });

  it(`more than ${MAX_RECORDS_OF_ONE_KIND.toLocaleString('en-US')} records of one kind are refused, naming the kind`, () => {
    expect(() => checkRecordCount('ingredients', 1_000_000)).toThrow(
      'The file has 1,000,000 records in "ingredients"; Bake Planner reads at most 100,000 of one kind. Nothing was imported.',
    );
    expect(() => checkRecordCount('ingredients', MAX_RECORDS_OF_ONE_KIND)).not.toThrow();
  });

  it('sizes and quoted text for messages', () => {
    expect([512, 1_000, 32_000_000, 1_073_741_824].map(plainBytes)).toEqual(['512 bytes', '1 KB', '32 MB', '1.1 GB']);
    expect(quoted('x'.repeat(100), 10)).toBe('"xxxxxxxxxx…"');
    expect(clip('two\r\nlines\u0000')).toBe('two lines ');
  });
});
