/**
 * The command-line tool as a baker's script runs it: the real `bake-planner`
 * command (src/cli/bin.mjs, what `npx bake-planner` starts) in its own
 * process, on real database files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');
const FIXTURE = join(ROOT, 'src/services/sample/bake-tracker-sample.json');

interface Run {
  code: number;
  out: string;
  err: string;
}

function cli(...argv: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Each test starts several processes (tsx, then sql.js); on a busy two-core machine that takes seconds. */
const SLOW = { timeout: 60_000 };

const workDir = () => mkdtempSync(join(tmpdir(), 'bp-cli-'));
const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A database file holding the real Bake Tracker backup. */
function importedDatabase(): string {
  const db = join(workDir(), 'pantry.sqlite');
  expect(cli('import-bake-tracker', db, FIXTURE).code).toBe(0);
  return db;
}

describe('command-line tool on a real database file', SLOW, () => {
  it('imports a real Bake Tracker backup into a file and answers a FIFO dry run from it', () => {
    const dir = workDir();
    const db = join(dir, 'pantry.sqlite');
    const backup = join(dir, 'backup.json');
    copyFileSync(FIXTURE, backup);

    const imported = cli('import-bake-tracker', db, backup);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^Imported 6 suppliers, 413 ingredients, 156 products, 156 pantry lots, 21 packaging materials, 26 packaging products and 20 recipes\./);
    expect(existsSync(db)).toBe(true);
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3');

    const info = cli('info', db);
    expect(info.out).toMatch(/^schema \d+, sqljs/);
    expect(Number(info.out.match(/(\d+) ingredients with lots/)![1])).toBeGreaterThan(100);

    // The backup holds one 25 lb bag of all-purpose flour; 48 cups at 1 cup = 4.25 oz is 12.75 lb.
    const fifo = cli('fifo', db, 'flour_all_purpose', '48', 'cup');
    expect(fifo.code).toBe(0);
    expect(fifo.out).toMatch(/48 cup/);
    expect(fifo.err).toBe('');
  });

  it('a broken backup is refused with the record path and leaves no database file behind', () => {
    const dir = workDir();
    const db = join(dir, 'pantry.sqlite');
    const data = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { products: { package_unit: string }[] };
    data.products[3]!.package_unit = 'bushel';
    const backup = join(dir, 'broken.json');
    writeFileSync(backup, JSON.stringify(data));

    const result = cli('import-bake-tracker', db, backup);
    expect(result.code).toBe(1);
    expect(result.err).toContain('products[3]');
    expect(result.out).toBe('');
    expect(existsSync(db)).toBe(false);
  });

  it('a missing database file is a clear error, not a stack trace', () => {
    const result = cli('pantry', join(tmpdir(), 'does-not-exist.sqlite'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^error: No database file at .*Create one with "init/);
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});

describe('--json: one document on stdout, snake_case keys', SLOW, () => {
  it('a FIFO dry run prints its plan as one JSON document', () => {
    const db = importedDatabase();
    const result = cli('fifo', db, 'flour_all_purpose', '48', 'cup', '--json');
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.out) as Record<string, unknown> & { draws: Record<string, unknown>[] };
    expect(plan).toMatchObject({ quantity: 48, unit: 'cup', enough: true, cost_complete: false });
    expect(plan.draws[0]).toHaveProperty('lot_unit');
    expect(plan.draws[0]).toHaveProperty('remaining_after');
    expect(result.out).not.toMatch(/"[a-z]+[A-Z]\w*":/);
  });

  it('an error prints {"error": {code, message, details}} on stdout and the message on stderr, exit 1', () => {
    const db = importedDatabase();
    const result = cli('fifo', db, 'flour_all_purpose', '5000', 'cup', '--json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^error: Not enough Flour, all-purpose: 5000 cup needed/);
    const document = JSON.parse(result.out) as { error: { code: string; message: string; details: Record<string, unknown> } };
    expect(Object.keys(document)).toEqual(['error']);
    expect(document.error.code).toBe('INSUFFICIENT_STOCK');
    expect(document.error.message).toMatch(/^Not enough Flour, all-purpose/);
    expect(document.error.details).toMatchObject({ ingredient_id: expect.any(Number), unit: 'cup', needed: 5000 });
  });

  it('help and usage mistakes: help lists the commands; an unknown command or option is exit 1 and says so', () => {
    const help = cli('help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('fifo <db> <ingredient> <qty> <unit>');
    const helpJson = JSON.parse(cli('help', '--json').out) as { commands: { name: string }[] };
    expect(helpJson.commands.map((c) => c.name)).toContain('import-bake-tracker');

    const unknown = cli('bake', 'x.sqlite', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^error: Unknown command "bake"/);
    expect(JSON.parse(unknown.out)).toMatchObject({ error: { code: 'USAGE' } });

    const option = cli('info', 'x.sqlite', '--verbose');
    expect(option.code).toBe(1);
    expect(option.err).toMatch(/^error: info has no option --verbose\. Usage: bake-planner info <db>/);
    expect(option.out).toBe('');

    const missing = cli('fifo', 'x.sqlite', 'flour');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Missing arguments\. Usage: bake-planner fifo <db> <ingredient> <qty> <unit>/);
  });
});

describe('a writing command that fails leaves the database file untouched', SLOW, () => {
  it('a broken backup imported into an existing database changes not one byte of its file', () => {
    const db = importedDatabase();
    const before = hashOf(db);
    const broken = join(workDir(), 'broken.json');
    writeFileSync(broken, JSON.stringify({ application: 'bake-tracker', version: '4.0', ingredients: [{ slug: 'x' }] }));

    const result = cli('import-bake-tracker', db, broken, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ error: { code: 'IMPORT', details: { problems: [{ path: expect.stringMatching(/^ingredients\[0\]/) }] } } });
    expect(hashOf(db)).toBe(before);

    const notJson = join(workDir(), 'not.json');
    writeFileSync(notJson, '{ truncated');
    expect(cli('import-bake-tracker', db, notJson).code).toBe(1);
    expect(cli('import-bake-tracker', db, join(workDir(), 'missing.json')).err).toMatch(/^error: No file at /);
    expect(hashOf(db)).toBe(before);
  });
});

describe('how a clone runs the tool', SLOW, () => {
  it('`npm run cli --` and `npx bake-planner` both start it', () => {
    const npm = spawnSync('npm', ['run', '--silent', 'cli', '--', 'help'], { cwd: ROOT, encoding: 'utf8' });
    expect(npm.status).toBe(0);
    expect(npm.stdout).toContain('bake-planner <command>');
    const npx = spawnSync('npx', ['--yes', 'bake-planner', 'help'], { cwd: ROOT, encoding: 'utf8' });
    expect(npx.status).toBe(0);
    expect(npx.stdout).toContain('bake-planner <command>');
  });
});
