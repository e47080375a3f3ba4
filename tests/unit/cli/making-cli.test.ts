/**
 * `make`, `assemble`, `undo` and `runs` on real database files built with
 * the services (the bake shop of the making tests). Both verbs and an error
 * run as a script runs them: the real command (src/cli/bin.mjs) in its own
 * process. The other cases go through the same runner in this process
 * (`runCli`, what bin.mjs calls), which saves starting sql.js a dozen times.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDatabaseFile } from '../../../src/cli/files';
import { runCli } from '../../../src/cli/main';
import { testDb } from '../../helpers/db';
import { bakeShop } from '../services/making/bake-shop';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');

function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** The same command line through the runner, in this process: exit code, stdout and stderr. */
async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The bake shop saved to a file: sugar cookies at 48 a batch, 50 cellophane bags, a bag of 12 cookies and a bag. */
async function shopFile(): Promise<string> {
  const db = await testDb();
  const s = bakeShop(db);
  s.buyBags();
  s.good({
    name: 'Cookie bag',
    lines: [
      { kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 },
      { kind: 'material', materialUnitId: s.oneBag.id, materialProductId: s.bagPack.id, quantity: 1 },
    ],
  });
  const path = join(mkdtempSync(join(tmpdir(), 'bp-make-')), 'shop.sqlite');
  saveDatabaseFile(db, path);
  return path;
}

describe('make and assemble on the command line', { timeout: 120_000 }, () => {
  it('make 2 batches, actual 92, then assemble 5 bags: the JSON shapes of issue 10, exactly', async () => {
    const db = await shopFile();

    const made = cli('make', db, 'sugar-cookies', '2', '--actual', '92', '--loss-reason', 'broken', '--json');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const bake = JSON.parse(made.out) as Record<string, unknown>;
    expect(bake).toEqual({
      run: 1,
      recipe: 'sugar-cookies',
      finished_unit: 'sugar-cookie',
      batches: 2,
      expected: 96,
      actual: 92,
      loss: 4,
      status: 'partial_loss',
      total_cost: 18.06,
      cost_per_unit: 0.1963,
      consumptions: [
        { ingredient: 'flour', lot: 1, quantity: 1.5, unit: 'lb', unit_cost: 8.99, cost: 13.485 },
        { ingredient: 'sugar', lot: 2, quantity: 0.875, unit: 'lb', unit_cost: 1, cost: 0.875 },
        { ingredient: 'butter', lot: 3, quantity: 0.5, unit: 'lb', unit_cost: 5, cost: 2.5 },
        { ingredient: 'eggs', lot: 4, quantity: 4, unit: 'each', unit_cost: 0.3, cost: 1.2 },
      ],
    });

    const assembled = cli('assemble', db, 'cookie-bag', '5', '--json');
    expect(assembled.code).toBe(0);
    // 60 cookies at 18.06 / 92 each (the lot's exact unit cost; the bake shows 0.1963) = 11.7783, 5 bags at 0.10 = 0.5; 12.2783 / 5 = 2.4557
    expect(JSON.parse(assembled.out)).toEqual({
      run: 1,
      good: 'cookie-bag',
      quantity: 5,
      total_cost: 12.2783,
      cost_per_unit: 2.4557,
      consumptions: [
        { kind: 'finished_unit', item: 'sugar-cookie', lot: 1, quantity: 60, unit_cost: 0.196304347826, cost: 11.7783 },
        { kind: 'material', item: 'cellophane-bag', lot: 1, quantity: 5, unit_cost: 0.1, cost: 0.5 },
      ],
    });

    const text = await run('make', db, 'sugar-cookies', '1');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Bake 2: 1 batch of Sugar cookies -> 48 Sugar cookie \(expected 48, nothing lost: complete\)/);
  });

  it('an error: exit 1, the message on stderr, {"error": …} on stdout with --json, and the database file untouched', async () => {
    const db = await shopFile();
    const before = hashOf(db);

    const short = cli('make', db, 'sugar-cookies', '100', '--json');
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/^error: Not enough for 100 batches of Sugar cookies\. Flour: 75 lb needed, 10 lb on hand \(short 65 lb\);/);
    const document = JSON.parse(short.out) as { error: { code: string; message: string; details: { shortages: { ingredient: string }[] } } };
    expect(Object.keys(document)).toEqual(['error']);
    expect(document.error.code).toBe('INSUFFICIENT_STOCK');
    expect(document.error.details.shortages.map((s) => s.ingredient)).toEqual(['flour', 'sugar', 'butter', 'eggs']);

    const bags = await run('assemble', db, 'cookie-bag', '1', '--json');
    expect(bags.code).toBe(1);
    expect(JSON.parse(bags.out)).toMatchObject({ error: { code: 'INSUFFICIENT_STOCK', details: { missing: [{ item: 'sugar-cookie', needed: 12, available: 0 }] } } });

    const reason = await run('make', db, 'sugar-cookies', '1', '--actual', '40', '--loss-reason', 'eaten');
    expect(reason.code).toBe(1);
    expect(reason.err).toBe('error: Say why some were lost: one of burnt, broken, contaminated, dropped, wrong_ingredients, other.\n');
    expect((await run('make', db, 'shortbread', '1')).err).toBe('error: No recipe "shortbread".\n');
    expect((await run('make', db, 'sugar-cookies', '1', '--event', 'holiday')).err).toBe('error: No event "holiday".\n');
    expect(hashOf(db)).toBe(before);
  });

  it('undo on the command line puts the pantry back; a bake whose cookies were boxed is refused', async () => {
    const db = await shopFile();
    expect((await run('make', db, 'sugar-cookies', '1')).code).toBe(0);
    expect((await run('assemble', db, 'cookie-bag', '1')).code).toBe(0);
    const boxed = await run('undo', db, 'bake', '1');
    expect(boxed.code).toBe(1);
    expect(boxed.err).toMatch(/^error: 12 of the 48 it made went into 1 Cookie bag \(assembly 1 on \d{4}-\d\d-\d\d\): undo that assembly first\./);
    expect((await run('undo', db, 'assembly', '1')).out).toMatch(/^Undone: Assembly 1: 1 Cookie bag/);
    expect((await run('undo', db, 'bake', '1', '--note', 'test bake')).code).toBe(0);
    const runs = JSON.parse((await run('runs', db, '--json')).out) as { runs: { kind: string; undone: { note: string } | null }[] };
    expect(runs.runs.map((r) => [r.kind, r.undone?.note])).toEqual([['assembly', ''], ['production', 'test bake']]);
  });
});
