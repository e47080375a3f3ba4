/**
 * The brief: bad input gets a clear error that says what is wrong and where,
 * and changes nothing; the command line exits 1 with the message on stderr
 * and {"error": {code, message, details}} on stdout with --json. Third pass:
 * one refusal per command and argument on a bakery that has baked and boxed
 * (CROSS in verify3-bakery.ts), each checked by `refusal` (exit 1, the error
 * document, the first stderr line, and the database file byte for byte as
 * before), and the message naming what is wrong.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEvents } from './verify3-bakery';
import { bakery, hashOf, json, refusal, spawnCli } from './verify-cli';

const WINTER = { name: 'Winter', targets: [{ finished_good: 'tin', quantity: 2 }], batch_decisions: [{ finished_unit: 'cookie', batches: 1 }] };

async function busy(): Promise<string> {
  const db = await bakery(withEvents(WINTER));
  await json('make', db, 'cookies', '1', '--event', 'winter'); // 24 cookies
  await json('assemble', db, 'tin', '2', '--event', 'winter'); // 10 of them
  return db;
}

describe('refusals change nothing and say what and where (verify, third pass)', { timeout: 180_000 }, () => {
  it('unknown names: an event, a recipe, a good, an ingredient, a unit of another recipe, an event on make', async () => {
    const db = await busy();
    for (const command of ['plan', 'shopping-list', 'feasibility', 'progress', 'staleness']) {
      const e = await refusal(db, command, db, 'summer');
      expect([command, e.code, e.message]).toEqual([command, 'NOT_FOUND', expect.stringMatching(/summer/)]);
    }
    expect((await refusal(db, 'make', db, 'scones', '1')).message).toMatch(/scones/);
    expect((await refusal(db, 'assemble', db, 'basket-of-joy', '1')).message).toMatch(/basket-of-joy/);
    expect((await refusal(db, 'fifo', db, 'saffron', '1', 'g')).message).toMatch(/saffron/);
    // A slice is the cake's, not the cookies'.
    expect((await refusal(db, 'make', db, 'cookies', '1', '--unit', 'slice')).message).toMatch(/^Cookies does not make Cake slice /);
    expect((await refusal(db, 'make', db, 'cookies', '1', '--event', 'summer')).message).toMatch(/summer/);
    expect((await refusal(db, 'assemble', db, 'tin', '1', '--event', 'summer')).message).toMatch(/summer/);
  });

  it('numbers: batches 0, -1, "two"; an actual above the 24 expected; a good in halves or 0; a draw of 0 or -1; a unit that is not one', async () => {
    const db = await busy();
    for (const batches of ['0', '-1', 'two']) expect((await refusal(db, 'make', db, 'cookies', batches)).code).toBe('VALIDATION');
    const above = await refusal(db, 'make', db, 'cookies', '1', '--actual', '25');
    expect(above.message).toMatch(/24/);
    expect((await refusal(db, 'make', db, 'cookies', '1', '--actual', '-1')).code).toBe('VALIDATION');
    for (const quantity of ['0.5', '0', '-2']) expect((await refusal(db, 'assemble', db, 'tin', quantity)).code).toBe('VALIDATION');
    for (const quantity of ['0', '-1']) expect((await refusal(db, 'fifo', db, 'flour', quantity, 'g')).code).toBe('VALIDATION');
    expect((await refusal(db, 'fifo', db, 'flour', '1', 'furlong')).message).toMatch(/furlong/);
  });

  it('conversions: sugar has no density (cup -> kg), eggs have a weight per each but no volume (cup), milk has no density (g -> qt): each names the ingredient', async () => {
    const db = await busy();
    const sugar = await refusal(db, 'fifo', db, 'sugar', '1', 'cup');
    expect([sugar.code, sugar.message]).toEqual(['MISSING_DENSITY', expect.stringMatching(/Sugar/)]);
    expect((await refusal(db, 'fifo', db, 'eggs', '1', 'cup')).message).toMatch(/Eggs/);
    expect((await refusal(db, 'fifo', db, 'milk', '100', 'g')).message).toMatch(/Milk/);
  });

  it('stock: 4 more tins need 20 cookies (14 left) and name what is short; undoing the bake whose cookies are in a tin names the tin; a run that does not exist', async () => {
    const db = await busy();
    const tins = await refusal(db, 'assemble', db, 'tin', '4');
    expect(tins.details.missing.map((m: any) => [m.item, m.needed, m.available, m.missing])).toEqual([['cookie', 20, 14, 6]]);
    expect((await refusal(db, 'undo', db, 'bake', '1')).message).toMatch(/Tin/);
    expect((await refusal(db, 'undo', db, 'bake', '99')).code).toBe('NOT_FOUND');
    expect((await refusal(db, 'undo', db, 'assembly', '99')).code).toBe('NOT_FOUND');
    // Packaging bypassed without a note.
    expect((await refusal(db, 'assemble', db, 'tin', '1', '--bypass-packaging', '')).code).toBe('VALIDATION');
  });

  it('import: a snapshot into a database with data (no --merge), a file with a dangling reference (named at its path), a file that is not JSON', async () => {
    const db = await busy();
    const dir = mkdtempSync(join(tmpdir(), 'bp-verify3-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const full = file('full.json', JSON.stringify({ format: 'bake-planner-snapshot', format_version: 1, ingredients: [{ name: 'Rye' }] }));
    expect((await refusal(db, 'import', db, full)).message).toMatch(/merge|empty/i);
    const dangling = file('dangling.json', JSON.stringify({ format: 'bake-planner-snapshot', format_version: 1, products: [{ ingredient: 'rye', name: 'Rye 1 kg', package_quantity: 1, package_unit: 'kg' }] }));
    const e = await refusal(db, 'import', db, dangling, '--merge');
    expect(JSON.stringify(e.details)).toContain('products[0].ingredient');
    expect((await refusal(db, 'import', db, file('cut.json', '{"format": "bake-planner-snapshot", "format_'), '--merge')).code).not.toBe('INTERNAL');
  });

  it('the real executable: exit 1, "error: …" on stderr, the error document on stdout, nothing written', () => {
    return (async () => {
      const db = await busy();
      const before = hashOf(db);
      const r = spawnCli('make', db, 'shortbread', '9', '--json');
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.out);
      expect(doc.error.code).toBe('INSUFFICIENT_STOCK');
      expect(r.err.split('\n')[0]).toBe(`error: ${doc.error.message}`);
      expect(hashOf(db)).toBe(before);
    })();
  });
});
