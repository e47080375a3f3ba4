/**
 * Files written to attack, against every importer in ./importers.ts, on a
 * real sql.js database that already holds a pantry. Each refused file leaves
 * the database byte for byte as it was (its SQLite image compared before and
 * after) and says what is wrong and where; markup in names and notes is not
 * an attack on the database and is kept, as text, exactly as written (the
 * browser tests show it stays text on screen).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/session';
import { MAX_NAME_LENGTH } from '../../../src/domain/limits';
import { MAX_JSON_DEPTH } from '../../../src/domain/json-file';
import { plainBytes } from '../../../src/domain/file-limits';
import { testDb } from '../../helpers/db';
import { flourPantry } from '../services/bakery';
import { IMPORTERS, type Path } from './importers';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');

/** Markup a screen must show as text, one per name or note of the file. */
const MARKUP = [
  '<img src=x onerror="document.title=\'pwned\'">Rye',
  '"><script>document.title=\'pwned\'</script>',
  '<a href="javascript:document.title=\'pwned\'">Cane sugar</a>',
  'javascript:alert(1)',
  '<svg onload=alert(1)><b id="injected">bold</b>',
  '{@html "<i>x</i>"} ${alert(1)} {{constructor.constructor("alert(1)")()}}',
];

/** A placeholder put into a file, replaced afterwards by text that JSON.stringify cannot write. */
const RAW = '@@raw@@';

function setAt(file: Record<string, unknown>, path: Path, value: unknown): void {
  let node = file as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

/** The file as text with `raw` (not JSON that JSON.stringify can write: NaN, 1e309, deep nesting) at `path`. */
function withRaw(file: Record<string, unknown>, path: Path, raw: string): string {
  setAt(file, path, RAW);
  const text = JSON.stringify(file);
  expect(text.split(`"${RAW}"`)).toHaveLength(2);
  return text.replace(`"${RAW}"`, raw);
}

const pathText = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

function imageHash(db: Database): string {
  return createHash('sha256').update(db.engine.exportImage!()).digest('hex');
}

/** Every text value the database holds. */
function storedText(db: Database): string[] {
  const tables = db.engine.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return tables.flatMap(({ name }) => db.engine.all(`SELECT * FROM "${name}"`).flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string')));
}

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const PROTOTYPE = prototypeNames();

for (const importer of IMPORTERS) {
  describe(`a hostile ${importer.name}`, () => {
    let db: Database;
    let before: string;
    beforeEach(async () => {
      db = await testDb();
      flourPantry(db);
      before = imageHash(db);
    });

    /** Imports `text`, expects a refusal whose message matches `message`, and the database unchanged. */
    function refused(text: string, message: RegExp | string): string {
      const result = importer.importText(db, text);
      expect(result.written).toBe(false);
      if (typeof message === 'string') expect(result.message).toContain(message);
      else expect(result.message).toMatch(message);
      // A refusal's message is a sentence or a list, never the file read back.
      expect(result.message.length).toBeLessThan(5_000);
      expect(imageHash(db)).toBe(before);
      return result.message;
    }

    it('the sample file imports as it is (so every refusal below is the hostile part’s doing)', () => {
      expect(importer.importText(db, JSON.stringify(importer.sample()))).toEqual({ written: true, message: '' });
    });

    it('markup and script in names and notes import as plain text, exactly as written', () => {
      const file = importer.sample();
      const places = [...importer.at.names, ...importer.at.notes];
      places.forEach((path, i) => setAt(file, path, `${MARKUP[i % MARKUP.length]} ${i}`));
      expect(importer.importText(db, JSON.stringify(file))).toMatchObject({ written: true });
      const stored = storedText(db);
      places.forEach((_, i) => expect(stored).toContain(`${MARKUP[i % MARKUP.length]} ${i}`));
    });

    for (const key of ['__proto__', 'constructor', 'prototype']) {
      it(`a key "${key}" at the top, in a record or deep inside one is refused, and no prototype changes`, () => {
        const payload = `{"polluted":true,"toString":"x"}`;
        const record = [importer.at.records, 0];
        const places: [string, string][] = [
          [withRaw(importer.sample(), ['extra'], `1,"${key}":${payload}`), key],
          [withRaw(importer.sample(), [...record, 'extra'], `1,"${key}":${payload}`), `${pathText(record)}.${key}`],
          [withRaw(importer.sample(), [...record, 'extra'], `{"a":[{"${key}":${payload}}]}`), `${pathText(record)}.extra.a[0].${key}`],
        ];
        for (const [text, path] of places) {
          refused(text, `(at ${path})`);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(prototypeNames()).toEqual(PROTOTYPE);
        }
      });
    }

    it('JSON nested 100,000 levels deep is refused without running out of stack', () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      refused(withRaw(importer.sample(), [importer.at.records, 0, 'extra'], deep), `nested more than ${MAX_JSON_DEPTH} levels deep`);
    });

    it('a 10 MB name is refused at the field’s limit, naming the field, and the report stays small', () => {
      const file = importer.sample();
      const path = importer.at.names[0]!;
      setAt(file, path, 'x'.repeat(10_000_000));
      refused(JSON.stringify(file), `${pathText(path)}: ${path[path.length - 1]} is too long: 10,000,000 characters, at most ${MAX_NAME_LENGTH}.`);
    });

    it('a quantity written as text ("5") is refused, naming the field', () => {
      const file = importer.sample();
      setAt(file, importer.at.quantity, '5');
      refused(JSON.stringify(file), `${pathText(importer.at.quantity)}: ${importer.at.quantity.at(-1)} must be a number, not text (found "5").`);
    });

    for (const raw of ['NaN', 'Infinity', '-Infinity']) {
      it(`${raw} as a quantity is refused: it is not JSON`, () => {
        refused(withRaw(importer.sample(), importer.at.quantity, raw), /^This file is damaged/);
      });
    }

    it('1e309 as a quantity is refused as too large, naming the field', () => {
      refused(withRaw(importer.sample(), importer.at.quantity, '1e309'), `The number "1e309" at ${pathText(importer.at.quantity)} is too large to be a number.`);
    });

    it('negative zero as a quantity is refused as not more than zero', () => {
      refused(withRaw(importer.sample(), importer.at.quantity, '-0'), `${pathText(importer.at.quantity)}: ${importer.at.quantity.at(-1)} must be more than zero (found 0).`);
    });

    it('2026-02-30 is not a date, and is refused naming the field', () => {
      const file = importer.sample();
      setAt(file, importer.at.date, '2026-02-30');
      refused(JSON.stringify(file), `${pathText(importer.at.date)}: `);
      expect(importer.importText(db, JSON.stringify(file)).message).toContain('"2026-02-30"');
    });

    it('1,000,000 records of one kind are refused before any is checked', () => {
      const many = `[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]`;
      const file = importer.sample();
      refused(withRaw(file, [importer.at.records], many), `The file has 1,000,000 records in "${importer.at.records}"`);
    });

    describe('on the command line', { timeout: 60_000 }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'bp-hostile-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      it(`a 1 GB file is refused by its size (${plainBytes(importer.kind.maxBytes)} at most) before it is read; the database file is not touched`, () => {
        const big = join(dir, 'huge.json');
        writeFileSync(big, '');
        // Sparse: a 1 GB file that takes no disk space, and would take seconds and a gigabyte to read.
        truncateSync(big, 1_073_741_824);
        const database = join(dir, 'pantry.sqlite');
        const run = spawnSync(process.execPath, [BIN, ...importer.cli(database, big), '--json'], { cwd: ROOT, encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stderr).toContain(`is 1.1 GB; ${importer.kind.what.replace(/^A/, 'a')} can be at most ${plainBytes(importer.kind.maxBytes)}. Nothing was read.`);
        expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'IMPORT', details: { bytes: 1_073_741_824, max_bytes: importer.kind.maxBytes } } });
        expect(existsSync(database)).toBe(false);
      });
    });
  });
}
