import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

const FIXTURE = join(import.meta.dirname, '../../src/services/sample/bake-tracker-sample.json');

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('command-line tool on a real database file', () => {
  it('imports a real Bake Tracker backup into a file and answers a FIFO dry run from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-cli-'));
    const db = join(dir, 'pantry.sqlite');
    const backup = join(dir, 'backup.json');
    copyFileSync(FIXTURE, backup);

    const imported = await cli('import-bake-tracker', db, backup);
    expect(imported.code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3');

    const info = await cli('info', db);
    expect(info.out).toMatch(/^schema \d+, sqljs/);
    expect(Number(info.out.match(/(\d+) ingredients with lots/)![1])).toBeGreaterThan(100);

    // The backup holds one 25 lb bag of all-purpose flour; 48 cups at 1 cup = 4.25 oz is 12.75 lb.
    const fifo = await cli('fifo', db, 'flour_all_purpose', '48', 'cup');
    expect(fifo.code).toBe(0);
    expect(fifo.out).toMatch(/48 cup/);
  });

  it('a broken backup is refused with the record path and leaves no database file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-cli-'));
    const db = join(dir, 'pantry.sqlite');
    const data = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { products: { package_unit: string }[] };
    data.products[3]!.package_unit = 'bushel';
    const backup = join(dir, 'broken.json');
    writeFileSync(backup, JSON.stringify(data));

    const result = await cli('import-bake-tracker', db, backup);
    expect(result.code).toBe(1);
    expect(result.out).toContain('products[3]');
    expect(existsSync(db)).toBe(false);
  });

  it('a missing database file is a clear error, not a stack trace', async () => {
    const result = await cli('pantry', join(tmpdir(), 'does-not-exist.sqlite'));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^error: No database file at .*Create one with "init/);
  });
});
