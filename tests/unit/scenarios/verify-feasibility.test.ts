/**
 * domain.md, Feasibility (how many can be assembled now, status, the three
 * blocker lists) and Progress (per recipe, per good, the two sides and
 * overall, runs undone and runs for no event left out). Worked by hand in
 * the comments; driven through make/assemble/undo and `feasibility` and
 * `progress` --json.
 */
import { describe, expect, it } from 'vitest';
import { bakery, cli, json, refusal } from './verify-cli';

const FETE = {
  ingredients: [{ name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 200, weight_unit: 'g' } }],
  products: [{ slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' }],
  purchases: [{ product: 'sugar-1kg', date: '2026-01-01', packages: 10, price_per_package: 3 }], // 10 kg at 3.00
  materials: [
    { name: 'Bag', base_measure: 'each' },
    { name: 'Ribbon', base_measure: 'length' },
    { name: 'Card', base_measure: 'each' },
  ],
  material_products: [
    { slug: 'bag-50', material: 'bag', name: 'Bags 50', package_quantity: 50, package_unit: 'each' },
    { slug: 'ribbon-7yd', material: 'ribbon', name: 'Ribbon 7 yd', package_quantity: 7, package_unit: 'yd' },
    { slug: 'card-10', material: 'card', name: 'Cards 10', package_quantity: 10, package_unit: 'each' },
  ],
  material_units: [
    { slug: 'one-bag', material: 'bag', name: 'one bag', quantity: 1 },
    // 7 yd = 252 in = exactly 21 bows of 12 in (640.08 cm / 30.48 cm, which floating point makes 20.999…)
    { slug: 'one-bow', material: 'ribbon', name: 'one 12 in bow', quantity: 12, unit: 'in' },
    { slug: 'one-card', material: 'card', name: 'one card', quantity: 1 },
  ],
  material_purchases: [
    { material_product: 'bag-50', date: '2026-01-01', packages: 1, price_per_package: 5 },
    { material_product: 'ribbon-7yd', date: '2026-01-01', packages: 1, price_per_package: 6.4 },
    // cards: never bought, no price
  ],
  recipes: [
    { name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 1, unit: 'cup' }] }, // 0.60 a batch
    { name: 'Brownies', ingredients: [{ ingredient: 'sugar', quantity: 100, unit: 'g' }] }, // 0.30 a batch
  ],
  finished_units: [
    { name: 'Cookie', recipe: 'cookies', items_per_batch: 10 },
    { name: 'Brownie', recipe: 'brownies', items_per_batch: 12 },
  ],
  finished_goods: [
    { name: 'Treat bag', composition: [{ finished_unit: 'cookie', quantity: 6 }, { finished_unit: 'brownie', quantity: 3 }, { material_unit: 'one-bag', material_product: 'bag-50', quantity: 1 }] },
    { name: 'Bow bag', composition: [{ finished_unit: 'cookie', quantity: 1 }, { material_unit: 'one-bow', material_product: 'ribbon-7yd', quantity: 1 }] },
    { name: 'Card box', composition: [{ finished_good: 'treat-bag', quantity: 1 }, { material_unit: 'one-card', quantity: 1 }] },
  ],
  events: [
    { name: 'Fete', targets: [{ finished_good: 'treat-bag', quantity: 50 }], batch_decisions: [{ finished_unit: 'cookie', batches: 30 }, { finished_unit: 'brownie', batches: 13 }] },
    { name: 'Bows', targets: [{ finished_good: 'bow-bag', quantity: 25 }], batch_decisions: [{ finished_unit: 'cookie', batches: 3 }] },
    { name: 'Cards', targets: [{ finished_good: 'card-box', quantity: 5 }] },
  ],
};

type Good = { good: string; target: number; can_assemble: number; status: string };
const goods = (f: { goods: Good[] }) => f.goods.map((g) => [g.good, g.target, g.can_assemble, g.status]);

describe('feasibility (verify)', { timeout: 120_000 }, () => {
  it("domain.md's bag of 6 cookies + 3 brownies, target 50: 0/0 awaiting production; 5 cookies only cannot; 300/120 -> 40 partial; 300/150 -> 50; 360/150 still 50", async () => {
    const db = await bakery(FETE);
    let f = await json('feasibility', db, 'fete');
    expect(goods(f)).toEqual([['treat-bag', 50, 0, 'awaiting_production']]);
    expect(f.blockers).toEqual({ inventory: [{ item: 'cookie', needed: 300, have: 0 }, { item: 'brownie', needed: 150, have: 0 }], cost: [], assignment: [] });

    await json('make', db, 'cookies', '0.5'); // 5 cookies: some stock, too little for one bag, and no brownies
    await json('make', db, 'brownies', '1'); // 12 brownies
    f = await json('feasibility', db, 'fete');
    expect(goods(f)).toEqual([['treat-bag', 50, 0, 'cannot_assemble']]);

    await json('make', db, 'cookies', '29.5'); // 300 cookies
    await json('make', db, 'brownies', '9'); // 120 brownies
    f = await json('feasibility', db, 'fete');
    expect(goods(f)).toEqual([['treat-bag', 50, 40, 'partial']]);
    expect(f.blockers.inventory).toEqual([{ item: 'brownie', needed: 150, have: 120 }]);

    await json('make', db, 'brownies', '2.5'); // 150 brownies
    expect(goods(await json('feasibility', db, 'fete'))).toEqual([['treat-bag', 50, 50, 'can_assemble']]);
    await json('make', db, 'cookies', '6'); // 360 cookies: 60 bags' worth, capped at the target
    f = await json('feasibility', db, 'fete');
    expect(goods(f)).toEqual([['treat-bag', 50, 50, 'can_assemble']]);
    expect(f.blockers).toEqual({ inventory: [], cost: [], assignment: [] });
  });

  it('packaging counted in its base measure: a 7 yd roll is exactly 21 bows of 12 in; all 21 assemble and empty the roll (6.40)', async () => {
    const db = await bakery(FETE);
    await json('make', db, 'cookies', '3', '--event', 'bows'); // 30 cookies
    const f = await json('feasibility', db, 'bows');
    expect(goods(f)).toEqual([['bow-bag', 25, 21, 'partial']]);
    // 25 bows x 30.48 cm = 762 cm needed, 640.08 cm on hand
    expect(f.blockers.inventory).toEqual([{ item: 'ribbon', needed: 762, have: 640.08 }]);
    const list = await json('shopping-list', db, 'bows');
    expect(list.materials).toEqual([{ material: 'ribbon', need: 762, on_hand: 640.08, to_buy: 121.92, unit: 'cm', packages: [{ product: 'Ribbon 7 yd', count: 1, cost: 6.4 }] }]);

    const run = await json('assemble', db, 'bow-bag', '21', '--event', 'bows');
    expect(run.consumptions.find((c: { kind: string }) => c.kind === 'material')).toMatchObject({ item: 'ribbon', quantity: 640.08, cost: 6.4 });
    // 9 cookies left but no ribbon: nothing to assemble, and it is not awaiting production (the cookie has stock).
    const after = await json('feasibility', db, 'bows');
    expect(goods(after)).toEqual([['bow-bag', 25, 0, 'cannot_assemble']]);
    expect(after.blockers.inventory).toEqual([{ item: 'cookie', needed: 25, have: 9 }, { item: 'ribbon', needed: 762, have: 0 }]);
    const short = await refusal(db, 'assemble', db, 'bow-bag', '2');
    // 2 bows = 24 in, said in the unit the roll is sold in (named): 2/3 yd
    expect(short.details.missing).toEqual([{ kind: 'material', item: 'ribbon', needed: expect.closeTo(2 / 3, 12), available: 0, missing: expect.closeTo(2 / 3, 12), unit: 'yd' }]);
    // 4 still to assemble: 121.92 cm, one roll.
    expect((await json('shopping-list', db, 'bows')).materials).toEqual([{ material: 'ribbon', need: 121.92, on_hand: 0, to_buy: 121.92, unit: 'cm', packages: [{ product: 'Ribbon 7 yd', count: 1, cost: 6.4 }] }]);
  });

  it('a nested good awaiting production, a generic card with no price: the three blocker lists', async () => {
    const db = await bakery(FETE);
    const f = await json('feasibility', db, 'cards');
    expect(goods(f)).toEqual([['card-box', 5, 0, 'awaiting_production']]);
    expect(f.blockers.inventory).toEqual([{ item: 'treat-bag', needed: 5, have: 0 }, { item: 'card', needed: 5, have: 0 }]);
    expect(f.blockers.cost.map((b: { item: string }) => b.item)).toEqual(['card']);
    // The generic card line, named by its good; the two units the targets need with no batch decision.
    expect(f.blockers.assignment.map((b: { item: string }) => b.item).sort()).toEqual(['brownie', 'card-box', 'cookie']);
    for (const b of [...f.blockers.cost, ...f.blockers.assignment]) expect(typeof b.reason).toBe('string');
    expect((await json('plan', db, 'cards')).cost_baseline).toBeNull();
  });
});

describe('progress (verify)', { timeout: 120_000 }, () => {
  it('35 of 30 cookie batches (116.67 %, overage 5), 4 of 13 brownie (30.77 %): production 65.38 %; 10 of 50 bags 20 %: overall 42.69 %; undoing a bake takes it back out', async () => {
    const db = await bakery(FETE);
    await json('make', db, 'cookies', '20', '--event', 'fete'); // 200 cookies
    await json('make', db, 'cookies', '15', '--event', 'fete'); // 150 cookies
    await json('make', db, 'brownies', '4', '--event', 'fete'); // 48 brownies
    await json('make', db, 'brownies', '1'); // for no event: does not count
    await json('assemble', db, 'treat-bag', '10', '--event', 'fete'); // 60 cookies of the first bake, 30 brownies
    // Stock: 290 cookies, 18 + 12 = 30 brownies -> 10 more bags
    expect(await json('progress', db, 'fete')).toEqual({
      event: 'fete',
      recipes: [
        { recipe: 'brownies', target_batches: 13, produced_batches: 4, remaining: 9, overage: 0, percent: 30.77 },
        { recipe: 'cookies', target_batches: 30, produced_batches: 35, remaining: 0, overage: 5, percent: 116.67 },
      ],
      goods: [{ good: 'treat-bag', target: 50, assembled: 10, available_to_assemble: 10, percent: 20 }],
      production_percent: 65.38, // (100 + 30.769) / 2
      assembly_percent: 20,
      overall_percent: 42.69, // (65.385 + 20) / 2
    });

    // Undo the second cookie bake (its 150 are untouched): 20 of 30 = 66.67 %; production (66.667 + 30.769) / 2 = 48.72; overall 34.36.
    expect((await cli('undo', db, 'bake', '2')).code).toBe(0);
    const p = await json('progress', db, 'fete');
    expect(p.recipes[1]).toEqual({ recipe: 'cookies', target_batches: 30, produced_batches: 20, remaining: 10, overage: 0, percent: 66.67 });
    expect(p.goods).toEqual([{ good: 'treat-bag', target: 50, assembled: 10, available_to_assemble: 10, percent: 20 }]);
    expect([p.production_percent, p.assembly_percent, p.overall_percent]).toEqual([48.72, 20, 34.36]);
  });

  it('a target already met: 50 of 50 bags assembled is 100 % on both sides, nothing left to assemble or to buy', async () => {
    const db = await bakery(FETE);
    await json('make', db, 'cookies', '30', '--event', 'fete');
    await json('make', db, 'brownies', '13', '--event', 'fete'); // 156 brownies
    await json('assemble', db, 'treat-bag', '50', '--event', 'fete');
    const p = await json('progress', db, 'fete');
    expect(p.goods).toEqual([{ good: 'treat-bag', target: 50, assembled: 50, available_to_assemble: 0, percent: 100 }]);
    expect([p.production_percent, p.assembly_percent, p.overall_percent]).toEqual([100, 100, 100]);
    // 0 cookies left, 6 brownies: nothing more to assemble; the shopping list has nothing to buy.
    const list = await json('shopping-list', db, 'fete');
    expect(list.estimated_cost).toBe(0);
    expect([...list.items, ...list.materials].every((i: { to_buy: number }) => i.to_buy === 0)).toBe(true);
  });
});
