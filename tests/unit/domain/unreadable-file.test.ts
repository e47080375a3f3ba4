/**
 * A file that is not a readable backup is explained in a baker's words, by
 * what is wrong with it, with the parser's text kept as the technical detail.
 * The files are made from the real Bake Tracker backup, cut and damaged the
 * ways files are, and decoded as the browser decodes a picked file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endsPartWay, explainUnreadableJson } from '../../../src/domain/unreadable-file';

const BACKUP = readFileSync(join(import.meta.dirname, '../../../src/services/sample/bake-tracker-sample.json'), 'utf8');
const WHAT = 'a Bake Tracker backup';

/** What JSON.parse says about `text` (it must fail). */
function parserSays(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the text parsed');
}

const explain = (text: string) => explainUnreadableJson(text, parserSays(text), WHAT);
/** Bytes as FileReader.readAsText gives them: UTF-8, with U+FFFD for what is not. */
const decoded = (bytes: number[]) => new TextDecoder().decode(new Uint8Array(bytes));

describe('a file that is not a readable backup', () => {
  it('a backup cut off at 141,710 characters is incomplete, in plain words; the parser text is the detail', () => {
    const cut = BACKUP.slice(0, 141_710);
    const why = explain(cut);
    expect(why.problem).toBe('incomplete');
    expect(why.message).toBe(
      'This file is incomplete: it ends part-way through, as if it did not finish saving or downloading. Save the backup again and choose the new file. Nothing was imported.',
    );
    expect(why.technical).toBe(parserSays(cut));
    expect(why.message).not.toMatch(/JSON|position|token/);
  });

  it('cut anywhere, between records or inside a number, it is still incomplete', () => {
    for (const at of [1, 2_000, 50_001, 141_709, BACKUP.length - 2]) expect(explain(BACKUP.slice(0, at)).problem, `cut at ${at}`).toBe('incomplete');
  });

  it('random bytes (a photo picked by mistake) are "not text", without the garbage characters', () => {
    const bytes = Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256);
    const why = explain(decoded([0xff, 0xd8, 0xff, 0xe0, ...bytes]));
    expect(why.problem).toBe('not-text');
    expect(why.message).toMatch(/^This is not a Bake Tracker backup: it is not text at all/);
    expect(why.message).not.toMatch(/[\uFFFD\u0000-\u0008]/);
  });

  it('a zip, a Bake Planner database, a web page, a CSV and an empty file each say what they are and what to do', () => {
    expect(explain(decoded([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00]))).toMatchObject({ problem: 'zip', message: expect.stringMatching(/^This is a zip archive.*Unzip it first/) });
    expect(explain(`SQLite format 3\u0000${'\u0000'.repeat(80)}`)).toMatchObject({ problem: 'database', message: expect.stringContaining('“Restore from a backup” in Settings') });
    expect(explain('<!DOCTYPE html><html><body>Download</body></html>').problem).toBe('web-page');
    expect(explain('name,quantity\nflour,25\n').problem).toBe('not-json');
    expect(explain('   \n').problem).toBe('empty');
  });

  it('a backup edited by hand and broken in the middle is damaged, and says near which line when the parser says where', () => {
    // A comma between two records deleted: the parser stops at the next record, on the next line.
    const at = BACKUP.indexOf('},', 100_000);
    const broken = `${BACKUP.slice(0, at + 1)}${BACKUP.slice(at + 2)}`;
    const before = BACKUP.slice(0, at + 1).split('\n');
    const why = explain(broken);
    expect(why.problem).toBe('damaged');
    expect(why.message).toMatch(new RegExp(`^This file is damaged \\(near line ${before.length + 1}, column \\d+\\): part of it is not written the way a backup is\\.`));
    // A stray character where a colon belongs: damaged, though this parser does not say where.
    const colon = BACKUP.indexOf('"products":');
    expect(explain(`${BACKUP.slice(0, colon)}"products" ;${BACKUP.slice(colon + 11)}`).message).toMatch(/^This file is damaged: part of it/);
  });

  it('whether JSON ends part-way is decided by its structure, not by an engine’s wording', () => {
    expect(endsPartWay('{"a": [1, 2')).toBe(true);
    expect(endsPartWay('{"a": "he said \\"hi')).toBe(true);
    expect(endsPartWay('{"a": "}"}')).toBe(false);
    expect(endsPartWay('{"a": 1} x')).toBe(false);
  });
});
