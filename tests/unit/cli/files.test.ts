/**
 * The command line's files (src/cli/files.ts): a file written in pieces is
 * whole or not there at all, and a database file is opened from its bytes
 * with sql.js keeping them, not a copy, yet writing through never reaches
 * the file on disk until it is saved.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabaseFile, saveDatabaseFile, writeFileInPieces } from '../../../src/cli/files';

const workDir = () => mkdtempSync(join(tmpdir(), 'bp-files-'));

describe('writeFileInPieces', () => {
  it('writes the pieces in order, past its batch size, and says how many bytes', () => {
    const path = join(workDir(), 'out.json');
    const pieces = Array.from({ length: 3_000 }, (_, i) => `piece ${i} é ${'x'.repeat(i % 997)}\n`);
    const { result, bytes } = writeFileInPieces(path, (write) => {
      for (const p of pieces) write(p);
      return pieces.length;
    });
    expect(result).toBe(3_000);
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
    expect(bytes).toBe(Buffer.byteLength(pieces.join('')));
  });

  it('when the pieces stop with an error, leaves the file that was there as it was and no temporary file', () => {
    const dir = workDir();
    const path = join(dir, 'out.json');
    writeFileSync(path, 'the last good export');
    expect(() =>
      writeFileInPieces(path, (write) => {
        write('x'.repeat(3 << 20));
        throw new Error('the database went away');
      }),
    ).toThrow('the database went away');
    expect(readFileSync(path, 'utf8')).toBe('the last good export');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});

describe('openDatabaseFile', () => {
  it('reads a saved database back, and what it writes reaches the file only when saved', async () => {
    const path = join(workDir(), 'bakery.sqlite');
    const first = await openDatabaseFile(path, true);
    first.engine.exec('CREATE TABLE notes (text TEXT)');
    first.engine.run("INSERT INTO notes VALUES ('saved')");
    saveDatabaseFile(first, path);
    first.close();
    const saved = readFileSync(path);

    const db = await openDatabaseFile(path, false);
    expect(db.engine.all('SELECT text FROM notes')).toEqual([{ text: 'saved' }]);
    db.engine.run("INSERT INTO notes VALUES ('not saved')");
    expect(db.engine.all<{ n: number }>('SELECT count(*) AS n FROM notes')[0]!.n).toBe(2);
    db.close();
    expect(readFileSync(path).equals(saved)).toBe(true);
    expect(existsSync(`${path}.tmp-${process.pid}`)).toBe(false);
  });
});
