/**
 * domain.md, Assembly and Feasibility, third pass: a hamper of 2 boxes (each
 * a tin of cookies, cookies, shortbread, a carton and a bow), a tin and cake
 * slices. A nested good is drawn from finished stock, never assembled on the
 * fly: with too few in stock the assembly is refused, listing everything
 * missing, and changes nothing. Each level's ledger is its finished lots at
 * their exact unit cost plus its packaging; drawing a lot in two assemblies
 * costs exactly what the lot cost. Feasibility over nested targets. CROSS in
 * verify3-bakery.ts; figures worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { CROSS, withEvents } from './verify3-bakery';
import { bakery, hashOf, json, r4, refusal } from './verify-cli';

/** A unit cost as --json prints it: exact, to 12 significant digits. */
const p12 = (n: number) => Number(n.toPrecision(12));

/** Cookies 3 batches (3.5881, 72), shortbread 1 (3.0171, 12), cake 1 (2.70, 8 slices). */
async function baked(db: string) {
  expect((await json('make', db, 'cookies', '3')).total_cost).toBe(3.5881);
  // flour 250 g 0.50; butter 100 g + 0.25 lb = 0.4704623 lb at 4.50 = 2.1170802 -> 2.1171; 1 egg 0.30; sugar 50 g 0.10
  const fingers = await json('make', db, 'shortbread', '1');
  expect([fingers.total_cost, fingers.cost_per_unit]).toEqual([3.0171, 0.2514]);
  // flour 300 g 0.60; sugar 200 g 0.40; 4 eggs 1.20; 1 cup = 0.25 qt of milk 0.50
  const cake = await json('make', db, 'cake', '1');
  expect([cake.total_cost, cake.cost_per_unit]).toEqual([2.7, 0.3375]);
}

describe('assembly of nested goods and feasibility (verify, third pass)', { timeout: 120_000 }, () => {
  it('tins 6.7475, boxes 8.7174, a hamper 17.3166: each ledger is its units, nested goods and packaging; the tin lot is drawn 4.4983 + 2.2492 = exactly its 6.7475', async () => {
    const db = await bakery(CROSS);
    await baked(db);
    // 3 tins: 15 cookies x 3.5881 / 72 = 0.7475208 -> 0.7475; 3 tin cans 6.00
    expect(await json('assemble', db, 'tin', '3')).toEqual({
      run: 1,
      good: 'tin',
      quantity: 3,
      total_cost: 6.7475,
      cost_per_unit: 2.2492, // 2.2491667
      consumptions: [
        { kind: 'finished_unit', item: 'cookie', lot: 1, quantity: 15, unit_cost: p12(3.5881 / 72), cost: 0.7475 },
        { kind: 'material', item: 'tin-can', lot: 1, quantity: 3, unit_cost: 2, cost: 6 },
      ],
    });
    // 2 boxes: 2 tins x 6.7475 / 3 = 4.4983333 -> 4.4983; 6 cookies 0.2990083 -> 0.299; 4 fingers x 3.0171 / 12 = 1.0057;
    // 2 cartons 2.00; 2 bows = 91.44 cm at 0.01 = 0.9144 -> 8.7174, 4.3587 each
    expect(await json('assemble', db, 'box', '2')).toEqual({
      run: 2,
      good: 'box',
      quantity: 2,
      total_cost: 8.7174,
      cost_per_unit: 4.3587,
      consumptions: [
        { kind: 'finished_good', item: 'tin', lot: 1, quantity: 2, unit_cost: p12(6.7475 / 3), cost: 4.4983 },
        { kind: 'finished_unit', item: 'cookie', lot: 1, quantity: 6, unit_cost: p12(3.5881 / 72), cost: 0.299 },
        { kind: 'finished_unit', item: 'finger', lot: 2, quantity: 4, unit_cost: p12(3.0171 / 12), cost: 1.0057 },
        { kind: 'material', item: 'carton', lot: 2, quantity: 2, unit_cost: 1, cost: 2 },
        { kind: 'material', item: 'ribbon', lot: 3, quantity: 91.44, unit_cost: p12(9.144 / 914.4), cost: 0.9144 },
      ],
    });
    // the hamper: both boxes 8.7174; the last tin 2.2491667 -> 2.2492; 4 slices x 0.3375 = 1.35; a basket 5.00 -> 17.3166
    const hamper = await json('assemble', db, 'hamper', '1');
    expect(hamper.consumptions).toEqual([
      { kind: 'finished_good', item: 'box', lot: 2, quantity: 2, unit_cost: 4.3587, cost: 8.7174 },
      { kind: 'finished_good', item: 'tin', lot: 1, quantity: 1, unit_cost: p12(6.7475 / 3), cost: 2.2492 },
      { kind: 'finished_unit', item: 'slice', lot: 3, quantity: 4, unit_cost: 0.3375, cost: 1.35 },
      { kind: 'material', item: 'basket', lot: 4, quantity: 1, unit_cost: 5, cost: 5 },
    ]);
    expect([hamper.total_cost, hamper.cost_per_unit]).toEqual([17.3166, 17.3166]);
    // The tin lot went into two assemblies: 4.4983 + 2.2492 = 6.7475, what the tins cost; no drift.
    expect(r4(4.4983 + 2.2492)).toBe(6.7475);
  });

  it('a nested good is drawn from stock, not assembled on the fly: a box with no tin made is refused (1 tin missing), and a hamper lists its 2 boxes, 1 tin and 4 slices; nothing changes', async () => {
    const db = await bakery(CROSS);
    await baked(db);
    const before = hashOf(db);
    const box = await refusal(db, 'assemble', db, 'box', '1');
    expect(box.code).toBe('INSUFFICIENT_STOCK');
    expect(box.details.missing.map((m: any) => [m.kind, m.item, m.needed, m.available, m.missing])).toEqual([['finished_good', 'tin', 1, 0, 1]]);
    const hamper = await refusal(db, 'assemble', db, 'hamper', '1');
    // slices: 8 in stock, 4 needed: not missing
    expect(hamper.details.missing.map((m: any) => [m.kind, m.item, m.needed, m.available, m.missing])).toEqual([
      ['finished_good', 'box', 2, 0, 2],
      ['finished_good', 'tin', 1, 0, 1],
    ]);
    // 3 hampers: 6 boxes, 3 tins, 12 slices (8), 3 baskets (4: enough)
    const three = await refusal(db, 'assemble', db, 'hamper', '3');
    expect(three.details.missing.map((m: any) => [m.item, m.needed, m.available, m.missing])).toEqual([
      ['box', 6, 0, 6],
      ['tin', 3, 0, 3],
      ['slice', 12, 8, 4],
    ]);
    expect(hashOf(db)).toBe(before);
  });

  it('feasibility over nested targets: 1 of 2 hampers (1 tin left for it), the box and the tin; blockers summed over targets: boxes 4 (have 2), tins 2 + 1 = 3 (have 1)', async () => {
    const db = await bakery(withEvents({
      name: 'Winter',
      targets: [{ finished_good: 'hamper', quantity: 2 }, { finished_good: 'box', quantity: 1 }, { finished_good: 'tin', quantity: 1 }],
      // 55 cookies -> 3 batches, 10 fingers -> 1, 8 slices -> 1 (without decisions each would be an assignment blocker)
      batch_decisions: [{ finished_unit: 'cookie', batches: 3 }, { finished_unit: 'finger', batches: 1 }, { finished_unit: 'slice', batches: 1 }],
    }));
    await baked(db);
    await json('assemble', db, 'tin', '3');
    await json('assemble', db, 'box', '2');
    // Stock: cookies 72 - 15 - 6 = 51; fingers 8; slices 8; tins 1; boxes 2; tin cans 9; cartons 23; ribbon 822.96 cm (18 bows); baskets 4.
    // hamper: min(2 boxes / 2 = 1, 1 tin / 1 = 1, 8 slices / 4 = 2, 4 baskets) = 1 of 2 -> partial
    // box: min(1 tin, 51 / 3 = 17, 8 / 2 = 4, 23, 18) = 1 of 1; tin: min(51 / 5 = 10, 9) = 1 of 1
    const f = await json('feasibility', db, 'winter');
    expect(f.goods).toEqual([
      { good: 'box', target: 1, can_assemble: 1, status: 'can_assemble' },
      { good: 'hamper', target: 2, can_assemble: 1, status: 'partial' },
      { good: 'tin', target: 1, can_assemble: 1, status: 'can_assemble' },
    ]);
    // needed = line quantity x target, summed: box 2 x 2 = 4; tin 1 x 2 + 1 x 1 = 3; slices 4 x 2 = 8 (have 8); cookies 3 + 5 = 8 (51)
    const inventory = [...f.blockers.inventory].sort((a: any, b: any) => a.item.localeCompare(b.item));
    expect(inventory).toEqual([
      { item: 'box', needed: 4, have: 2 },
      { item: 'tin', needed: 3, have: 1 },
    ]);
    expect([f.blockers.cost, f.blockers.assignment]).toEqual([[], []]);
  });

  it('bypassing the packaging with a note: a box of a tin, 3 cookies and 2 fingers costs only those (2.2492 + 0.1495 + 0.5029 = 2.9016)', async () => {
    const db = await bakery(CROSS);
    await baked(db);
    await json('assemble', db, 'tin', '1'); // 5 cookies 0.2491736 -> 0.2492 + a can 2.00 = 2.2492
    const box = await json('assemble', db, 'box', '1', '--bypass-packaging', 'a cloth wrap');
    // tin 2.2492; 3 cookies x 3.5881 / 72 = 0.1495042 -> 0.1495; 2 fingers x 3.0171 / 12 = 0.50285 -> 0.5029 (half away from zero)
    expect(box.consumptions.map((c: any) => [c.kind, c.item, c.quantity, c.cost])).toEqual([
      ['finished_good', 'tin', 1, 2.2492],
      ['finished_unit', 'cookie', 3, 0.1495],
      ['finished_unit', 'finger', 2, 0.5029],
    ]);
    expect([box.total_cost, box.cost_per_unit]).toEqual([2.9016, 2.9016]);
  });
});
