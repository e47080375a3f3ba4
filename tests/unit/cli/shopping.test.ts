/**
 * `shopping-list`, `feasibility` and `progress` as a baker's script runs
 * them: the real command (src/cli/bin.mjs) in its own process, on real
 * database files: one built here through the services (30 lb of flour to
 * buy in 25 lb and 5 lb bags), and the built-in sample with its Holiday 2026
 * event (its first bake and six cookie bags already made). The JSON is the shape, key for key; the commands only read;
 * an error writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabaseFile, saveDatabaseFile } from '../../../src/cli/files';
import { createGood } from '../../../src/services/goods/goods';
import { recordAssembly } from '../../../src/services/making/assembly';
import { recordProduction } from '../../../src/services/making/production';
import { decideBatches } from '../../../src/services/planning/batch-decisions';
import { createEvent } from '../../../src/services/planning/events';
import { setGoodTarget } from '../../../src/services/planning/targets';
import { createFinishedUnit } from '../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../src/services/recipes/recipes';
import { shopBakery } from '../services/planning/shop-bakery';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');

function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const keys = (o: object) => Object.keys(o);

/** Each command starts tsx and sql.js in a process of its own; on a busy two-core machine that takes seconds. */
const SLOW = { timeout: 180_000 };

describe('the three read commands on a bakery with 30 lb of flour to buy and a bake sale under way', SLOW, () => {
  let db = '';
  beforeAll(async () => {
    db = join(mkdtempSync(join(tmpdir(), 'bp-shop-')), 'bakery.sqlite');
    const open = await openDatabaseFile(db, true);
    const s = await shopBakery(open);
    s.buy(s.product(s.flour.id, 'Flour 25 lb', 25, 'lb').id, 9.49);
    s.buy(s.product(s.flour.id, 'Flour 5 lb', 5, 'lb').id, 2.49);
    const bread = s.bake('Bread', [{ ingredientId: s.flour.id, quantity: 60, unit: 'lb' }]);
    s.plan('Market day', bread.unit.id, 1);
    // A bake sale: boxes of 10 cookies (10 a batch, an egg a batch), 2 boxes wanted, 7 batches decided, 4 baked, 1 box made.
    s.buy(s.product(s.eggs.id, 'Eggs dozen', 12, 'each').id, 3.6);
    const cookies = createRecipe(open, { name: 'Cookies', ingredientLines: [{ ingredientId: s.eggs.id, quantity: 1, unit: 'each' }] });
    const cookie = createFinishedUnit(open, { recipeId: cookies.id, name: 'Cookie', yieldMode: 'discrete', itemsPerBatch: 10 });
    const box = createGood(open, { name: 'Cookie box', lines: [{ kind: 'unit', finishedUnitId: cookie.id, quantity: 10 }] });
    const sale = createEvent(open, { name: 'Bake sale', date: '2026-12-12' });
    setGoodTarget(open, { eventId: sale.id, goodId: box.id, quantity: 2 });
    decideBatches(open, { eventId: sale.id, finishedUnitId: cookie.id, batches: 7 });
    recordProduction(open, { recipeId: cookies.id, batches: 4, eventId: sale.id });
    recordAssembly(open, { goodId: box.id, quantity: 1, eventId: sale.id });
    saveDatabaseFile(open, db);
  }, 120_000);

  it('shopping-list --json: 25 + 5 lb for 11.98, in the issue\'s shape, and the file untouched', () => {
    const before = hashOf(db);
    const r = cli('shopping-list', db, 'market-day', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(JSON.parse(r.out)).toEqual({
      event: 'market-day',
      items: [
        {
          ingredient: 'flour',
          need: 60,
          on_hand: 30,
          to_buy: 30,
          unit: 'lb',
          packages: [
            { product: 'Flour 25 lb', count: 1, cost: 9.49 },
            { product: 'Flour 5 lb', count: 1, cost: 2.49 },
          ],
          leftover: 0,
        },
      ],
      materials: [],
      estimated_cost: 11.98,
    });
    expect(hashOf(db)).toBe(before);
    expect(cli('shopping-list', db, 'market-day').out).toContain('1 x Flour 25 lb (25 lb)  9.49');
  });

  it('feasibility and progress --json: no goods, one recipe at 0 of 1 batch, the assembly side left out', () => {
    const f = cli('feasibility', db, 'market-day', '--json');
    expect(f.code).toBe(0);
    expect(JSON.parse(f.out)).toEqual({ event: 'market-day', goods: [], blockers: { inventory: [], cost: [], assignment: [] } });
    const p = cli('progress', db, 'market-day', '--json');
    expect(p.code).toBe(0);
    expect(JSON.parse(p.out)).toEqual({
      event: 'market-day',
      recipes: [{ recipe: 'bread', target_batches: 1, produced_batches: 0, remaining: 1, overage: 0, percent: 0 }],
      goods: [],
      production_percent: 0,
      assembly_percent: null,
      overall_percent: 0,
    });
  });

  it('progress --json after 4 of 7 batches and 1 of 2 boxes: 57.14 %, 50 %, overall 53.57 %; feasibility: both boxes can be made', () => {
    const p = cli('progress', db, 'bake-sale', '--json');
    expect([p.code, p.err]).toEqual([0, '']);
    expect(JSON.parse(p.out)).toEqual({
      event: 'bake-sale',
      recipes: [{ recipe: 'cookies', target_batches: 7, produced_batches: 4, remaining: 3, overage: 0, percent: 57.14 }],
      goods: [{ good: 'cookie-box', target: 2, assembled: 1, available_to_assemble: 2, percent: 50 }],
      production_percent: 57.14,
      assembly_percent: 50,
      overall_percent: 53.57,
    });
    expect(cli('progress', db, 'bake-sale').out).toContain('Progress of Bake sale (bake-sale): 53.57 %');
    const f = cli('feasibility', db, 'bake-sale', '--json');
    expect(JSON.parse(f.out)).toEqual({
      event: 'bake-sale',
      goods: [{ good: 'cookie-box', target: 2, can_assemble: 2, status: 'can_assemble' }],
      blockers: { inventory: [], cost: [], assignment: [] },
    });
  });

  it('an unknown event: exit 1, the message on stderr, the error object on stdout, the file untouched', () => {
    const before = hashOf(db);
    for (const command of ['shopping-list', 'feasibility', 'progress']) {
      const r = cli(command, db, 'easter-2027', '--json');
      expect(r.code).toBe(1);
      expect(r.err).toBe('error: No event "easter-2027".\n');
      expect(JSON.parse(r.out)).toEqual({ error: { code: 'NOT_FOUND', message: 'No event "easter-2027".', details: { event: 'easter-2027' } } });
    }
    expect(cli('progress', db).code).toBe(1);
    expect(hashOf(db)).toBe(before);
  });
});

describe('the sample bakery\'s Holiday 2026 event', SLOW, () => {
  let db = '';
  beforeAll(() => {
    db = join(mkdtempSync(join(tmpdir(), 'bp-shop-sample-')), 'bakery.sqlite');
    expect(cli('sample', db).code).toBe(0);
  }, 120_000);

  it('prints every key of the issue\'s shapes, in order, for all three', () => {
    const list = JSON.parse(cli('shopping-list', db, 'holiday-2026', '--json').out);
    expect(keys(list)).toEqual(['event', 'items', 'materials', 'estimated_cost']);
    for (const i of list.items) expect(keys(i)).toEqual(['ingredient', 'need', 'on_hand', 'to_buy', 'unit', 'packages', 'leftover']);
    for (const m of list.materials) expect(keys(m)).toEqual(['material', 'need', 'on_hand', 'to_buy', 'unit', 'packages']);
    for (const p of [...list.items, ...list.materials].flatMap((i: { packages: object[] }) => i.packages)) expect(keys(p)).toEqual(['product', 'count', 'cost']);
    // 40 boxes to fill, 25 on hand: one 25-pack.
    expect(list.materials).toContainEqual({
      material: 'box_window_cake_10x10',
      need: 40,
      on_hand: 25,
      to_buy: 15,
      unit: 'each',
      packages: [{ product: 'Amazon 10x10 Cake Window Box 25pk', count: 1, cost: 18.99 }],
    });

    const f = JSON.parse(cli('feasibility', db, 'holiday-2026', '--json').out);
    expect(keys(f)).toEqual(['event', 'goods', 'blockers']);
    // The sample boxed 6 bags from its 30 trees; the 12 trees left fill 4 more (3 a bag) of the 14 still to make.
    expect(f.goods).toEqual([
      { good: 'cookie-bag', target: 20, can_assemble: 4, status: 'partial' },
      { good: 'holiday-gift-box', target: 40, can_assemble: 0, status: 'awaiting_production' },
    ]);
    expect(keys(f.blockers)).toEqual(['inventory', 'cost', 'assignment']);
    for (const b of f.blockers.inventory) expect(keys(b)).toEqual(['item', 'needed', 'have']);
    for (const b of [...f.blockers.cost, ...f.blockers.assignment]) expect(keys(b)).toEqual(['item', 'reason']);
    // The gift box's bow and the biscotti tin's seal are generic lines.
    expect(f.blockers.assignment.map((a: { item: string }) => a.item)).toEqual(['holiday-gift-box', 'biscotti-tin']);

    const p = JSON.parse(cli('progress', db, 'holiday-2026', '--json').out);
    expect(keys(p)).toEqual(['event', 'recipes', 'goods', 'production_percent', 'assembly_percent', 'overall_percent']);
    for (const r of p.recipes) expect(keys(r)).toEqual(['recipe', 'target_batches', 'produced_batches', 'remaining', 'overage', 'percent']);
    for (const g of p.goods) expect(keys(g)).toEqual(['good', 'target', 'assembled', 'available_to_assemble', 'percent']);
    expect(p.recipes.find((r: { recipe: string }) => r.recipe === 'almond-biscotti')).toEqual({
      recipe: 'almond-biscotti',
      target_batches: 7,
      produced_batches: 0,
      remaining: 7,
      overage: 0,
      percent: 0,
    });
    // 1 of 2 pecan batches and 0 of the other recipes' 27: 12.5 %; 6 of 20 bags and 0 of 40 boxes: 15 %; overall 13.75 %.
    expect(p.goods.find((g: { good: string }) => g.good === 'cookie-bag')).toEqual({ good: 'cookie-bag', target: 20, assembled: 6, available_to_assemble: 4, percent: 30 });
    expect([p.production_percent, p.assembly_percent, p.overall_percent]).toEqual([12.5, 15, 13.75]);
  });
});
