/**
 * domain.md, Assembly: need = line quantity x quantity assembled, FIFO over
 * finished-unit lots, nested-good lots and material lots (in the material's
 * base measure), a ledger row per lot drawn with its unit cost, the good's
 * lot at ledger total / quantity, all of what is missing listed and nothing
 * changed on a shortfall, packaging bypassed only with a note, a generic
 * line refused until assigned; undo. Figures worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { bakery, cli, json, refusal } from './verify-cli';

const BOXES = {
  ingredients: [{ name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 200, weight_unit: 'g' } }],
  products: [{ slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' }],
  purchases: [{ product: 'sugar-1kg', date: '2026-01-01', packages: 5, price_per_package: 3 }], // 5 kg at 3.00
  materials: [
    { name: 'Tin', base_measure: 'each' },
    { name: 'Window box', base_measure: 'each' },
    { name: 'Ribbon', base_measure: 'length' },
  ],
  material_products: [
    { slug: 'tin-12', material: 'tin', name: 'Tins 12', package_quantity: 12, package_unit: 'each' },
    { slug: 'box-25', material: 'window-box', name: 'Boxes 25', package_quantity: 25, package_unit: 'each' },
    { slug: 'ribbon-10yd', material: 'ribbon', name: 'Ribbon 10 yd', package_quantity: 10, package_unit: 'yd' },
  ],
  material_units: [
    { slug: 'one-tin', material: 'tin', name: 'one tin', quantity: 1 },
    { slug: 'one-box', material: 'window-box', name: 'one box', quantity: 1 },
    { slug: 'one-bow', material: 'ribbon', name: 'one 18 in bow', quantity: 18, unit: 'in' },
  ],
  material_purchases: [
    { material_product: 'tin-12', date: '2026-01-01', packages: 1, price_per_package: 24 }, // 2.00 a tin
    { material_product: 'box-25', date: '2026-01-01', packages: 1, price_per_package: 25 }, // 1.00 a box
    { material_product: 'ribbon-10yd', date: '2026-01-01', packages: 1, price_per_package: 5 }, // 914.4 cm; a bow (45.72 cm) 0.25
  ],
  // A batch: 1 cup of sugar = 200 g = 0.60; 10 cookies at 0.06.
  recipes: [{ name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 1, unit: 'cup' }] }],
  finished_units: [{ name: 'Cookie', recipe: 'cookies', items_per_batch: 10 }],
  finished_goods: [
    { name: 'Tin of six', composition: [{ finished_unit: 'cookie', quantity: 6 }, { material_unit: 'one-tin', material_product: 'tin-12', quantity: 1 }] },
    {
      name: 'Gift box',
      composition: [
        { finished_good: 'tin-of-six', quantity: 1 },
        { finished_unit: 'cookie', quantity: 4 },
        { material_unit: 'one-box', material_product: 'box-25', quantity: 1 },
        { material_unit: 'one-bow', material_product: 'ribbon-10yd', quantity: 1 },
      ],
    },
    { name: 'Crate', composition: [{ finished_good: 'gift-box', quantity: 2 }] },
    { name: 'Plain bag', composition: [{ finished_unit: 'cookie', quantity: 2 }, { material_unit: 'one-box', quantity: 1 }] },
  ],
};

describe('assembly (verify)', { timeout: 120_000 }, () => {
  it('a good nested 3 deep: 2 tins 4.72 (2.36 each); 2 gift boxes 7.70 (tins 4.72 + 8 cookies 0.48 + boxes 2.00 + 91.44 cm of ribbon 0.50); a crate of 2 boxes 7.70', async () => {
    const db = await bakery(BOXES);
    expect((await json('make', db, 'cookies', '2')).total_cost).toBe(1.2);
    expect(await json('assemble', db, 'tin-of-six', '2')).toEqual({
      run: 1,
      good: 'tin-of-six',
      quantity: 2,
      total_cost: 4.72,
      cost_per_unit: 2.36,
      consumptions: [
        { kind: 'finished_unit', item: 'cookie', lot: 1, quantity: 12, unit_cost: 0.06, cost: 0.72 },
        { kind: 'material', item: 'tin', lot: 1, quantity: 2, unit_cost: 2, cost: 4 },
      ],
    });
    const boxes = await json('assemble', db, 'gift-box', '2');
    expect(boxes).toEqual({
      run: 2,
      good: 'gift-box',
      quantity: 2,
      total_cost: 7.7,
      cost_per_unit: 3.85,
      consumptions: [
        { kind: 'finished_good', item: 'tin-of-six', lot: 1, quantity: 2, unit_cost: 2.36, cost: 4.72 },
        { kind: 'finished_unit', item: 'cookie', lot: 1, quantity: 8, unit_cost: 0.06, cost: 0.48 },
        { kind: 'material', item: 'window-box', lot: 2, quantity: 2, unit_cost: 1, cost: 2 },
        { kind: 'material', item: 'ribbon', lot: 3, quantity: 91.44, unit_cost: Number((5 / 914.4).toPrecision(12)), cost: 0.5 },
      ],
    });
    expect(await json('assemble', db, 'crate', '1')).toEqual({
      run: 3,
      good: 'crate',
      quantity: 1,
      total_cost: 7.7,
      cost_per_unit: 7.7,
      consumptions: [{ kind: 'finished_good', item: 'gift-box', lot: 2, quantity: 2, unit_cost: 3.85, cost: 7.7 }],
    });

    // Every cookie is used: a tin is short 6 cookies; a gift box lists both its missing tin and its 4 cookies.
    const tin = await refusal(db, 'assemble', db, 'tin-of-six', '1');
    expect(tin.code).toBe('INSUFFICIENT_STOCK');
    expect(tin.details.missing).toEqual([expect.objectContaining({ kind: 'finished_unit', item: 'cookie', needed: 6, available: 0, missing: 6 })]);
    const box = await refusal(db, 'assemble', db, 'gift-box', '1');
    expect(box.details.missing.map((m: { item: string; needed: number; available: number; missing: number }) => [m.item, m.needed, m.available, m.missing])).toEqual([
      ['tin-of-six', 1, 0, 1],
      ['cookie', 4, 0, 4],
    ]);
  });

  it('FIFO over finished lots: 12 cookies = all 10 of a 0.06 bake + 2 of a bake that lost 2 (0.60 / 8 = 0.075): 0.75 + 2 tins = 4.75, 2.375 each', async () => {
    const db = await bakery(BOXES);
    await json('make', db, 'cookies', '1');
    expect(await json('make', db, 'cookies', '1', '--actual', '8', '--loss-reason', 'broken')).toMatchObject({ loss: 2, cost_per_unit: 0.075 });
    const tins = await json('assemble', db, 'tin-of-six', '2');
    expect(tins.consumptions).toEqual([
      { kind: 'finished_unit', item: 'cookie', lot: 1, quantity: 10, unit_cost: 0.06, cost: 0.6 },
      { kind: 'finished_unit', item: 'cookie', lot: 2, quantity: 2, unit_cost: 0.075, cost: 0.15 },
      { kind: 'material', item: 'tin', lot: 1, quantity: 2, unit_cost: 2, cost: 4 },
    ]);
    expect([tins.total_cost, tins.cost_per_unit]).toEqual([4.75, 2.375]);

    // A generic "any window box" line: refused until a box is chosen, or packaging is left out with a note.
    const generic = await refusal(db, 'assemble', db, 'plain-bag', '1');
    expect(generic.message).toMatch(/window box|Window box|packaging/i);
    // 6 cookies left, exactly enough for 3 bags without packaging: 6 x 0.075 = 0.45.
    const bags = await json('assemble', db, 'plain-bag', '3', '--bypass-packaging', 'wrapped by hand');
    expect(bags.consumptions).toEqual([{ kind: 'finished_unit', item: 'cookie', lot: 2, quantity: 6, unit_cost: 0.075, cost: 0.45 }]);
    expect([bags.total_cost, bags.cost_per_unit]).toEqual([0.45, 0.15]);
    await refusal(db, 'assemble', db, 'plain-bag', '1', '--bypass-packaging', 'wrapped by hand');
    // Bypassing needs a note.
    await refusal(db, 'assemble', db, 'tin-of-six', '1', '--bypass-packaging', ' ');
  });

  it('shopping for a crate of 2 gift boxes (each a tin of six, a box and a bow) with 4 tins and 2 gift boxes already made for it: only 2 boxes and 2 bows are left to use', async () => {
    const db = await bakery({ ...BOXES, events: [{ name: 'Crates', targets: [{ finished_good: 'crate', quantity: 2 }] }] });
    // Nothing made: 2 crates = 4 gift boxes = 4 tins, 4 boxes, 4 bows (182.88 cm).
    const materials = async () => (await json('shopping-list', db, 'crates')).materials.map((m: { material: string; need: number; on_hand: number }) => [m.material, m.need, m.on_hand]);
    expect(await materials()).toEqual([['ribbon', 182.88, 914.4], ['tin', 4, 12], ['window-box', 4, 25]]);
    await json('make', db, 'cookies', '5', '--event', 'crates'); // 50 cookies
    await json('assemble', db, 'tin-of-six', '4', '--event', 'crates'); // 4 tins used
    await json('assemble', db, 'gift-box', '2', '--event', 'crates'); // 2 of the tins of six, 2 boxes, 2 bows
    // Left: 2 crates -> 4 gift boxes, 2 made -> 2 to assemble -> 2 tins of six, 2 made and unused -> none.
    expect(await materials()).toEqual([['ribbon', 91.44, 822.96], ['window-box', 2, 23]]);
    // One crate assembled from the 2 gift boxes: 1 crate left -> 2 gift boxes, none spare -> 2 tins of six, 2 spare.
    await json('assemble', db, 'crate', '1', '--event', 'crates');
    expect(await materials()).toEqual([['ribbon', 91.44, 822.96], ['window-box', 2, 23]]);
    await json('assemble', db, 'gift-box', '2', '--event', 'crates');
    await json('assemble', db, 'crate', '1', '--event', 'crates');
    expect(await materials()).toEqual([]);
  });

  it('a packaging line naming a product draws only that product\'s lots, even with an older, cheaper lot of the material', async () => {
    const db = await bakery({
      ...BOXES,
      material_products: [...BOXES.material_products, { slug: 'box-10', material: 'window-box', name: 'Boxes 10', package_quantity: 10, package_unit: 'each' }],
      // Material lots: tins 1, boxes-25 2, ribbon 3, boxes-10 4 (older, 0.50 a box)
      material_purchases: [...BOXES.material_purchases, { material_product: 'box-10', date: '2025-12-01', packages: 1, price_per_package: 5 }],
      finished_goods: [...BOXES.finished_goods, { name: 'Boxed cookie', composition: [{ finished_unit: 'cookie', quantity: 1 }, { material_unit: 'one-box', material_product: 'box-25', quantity: 1 }] }],
      events: [{ name: 'Boxing', targets: [{ finished_good: 'boxed-cookie', quantity: 30 }] }],
    });
    await json('make', db, 'cookies', '3'); // 30 cookies
    // 25 boxes of the named product (the 10 older ones do not count): 25 of 30
    expect((await json('feasibility', db, 'boxing')).goods).toEqual([{ good: 'boxed-cookie', target: 30, can_assemble: 25, status: 'partial' }]);
    const run = await json('assemble', db, 'boxed-cookie', '2');
    expect(run.consumptions[1]).toEqual({ kind: 'material', item: 'window-box', lot: 2, quantity: 2, unit_cost: 1, cost: 2 });
    // The shopping list counts every box of the material on hand (10 + 23) against the 28 still to box.
    expect((await json('shopping-list', db, 'boxing')).materials).toEqual([{ material: 'window-box', need: 30, on_hand: 33, to_buy: 0, unit: 'each', packages: [] }]);
  });

  it('undo: an assembly whose good went into another is refused naming it; undone top down, the stock comes back and the same assembly costs the same', async () => {
    const db = await bakery(BOXES);
    await json('make', db, 'cookies', '2');
    await json('assemble', db, 'tin-of-six', '2');
    await json('assemble', db, 'gift-box', '2');
    const crate = await json('assemble', db, 'crate', '1');
    const used = await refusal(db, 'undo', db, 'assembly', '2');
    expect(used.message).toMatch(/Crate/);
    expect((await cli('undo', db, 'assembly', '3')).code).toBe(0);
    const again = await json('assemble', db, 'crate', '1');
    expect([again.run, again.consumptions, again.total_cost]).toEqual([4, crate.consumptions, 7.7]);
    // A quantity that is not a whole number of goods is refused.
    await refusal(db, 'assemble', db, 'tin-of-six', '0.5');
    await refusal(db, 'assemble', db, 'tin-of-six', '0');
  });
});
