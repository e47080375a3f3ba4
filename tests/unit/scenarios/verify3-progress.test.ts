/**
 * domain.md, Progress and Shopping list (materials for the goods not yet
 * assembled), third pass: two events sharing one pantry and one finished
 * stock; over-production (5 of 3 batches); a half batch; runs for another
 * event and for no event left out of the counts but not out of the stock;
 * targets on a good and on the goods nested in it. CROSS in
 * verify3-bakery.ts; figures worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { withEvents } from './verify3-bakery';
import { bakery, json } from './verify-cli';

const WINTER = {
  name: 'Winter',
  targets: [{ finished_good: 'hamper', quantity: 2 }, { finished_good: 'box', quantity: 1 }, { finished_good: 'tin', quantity: 1 }],
  batch_decisions: [{ finished_unit: 'cookie', batches: 3 }, { finished_unit: 'finger', batches: 1 }, { finished_unit: 'slice', batches: 1 }],
};
const SPRING = { name: 'Spring', targets: [{ finished_good: 'tin', quantity: 4 }], batch_decisions: [{ finished_unit: 'cookie', batches: 1 }] };

describe('progress and what is left to assemble across events (verify, third pass)', { timeout: 120_000 }, () => {
  it('Winter: cookies 5 of 3 (166.67 %, overage 2), shortbread 1 of 1, cake 0.5 of 1 (50 %): production 83.33 %; boxes 2 of 1, hampers 0 of 2, tins 3 of 1: assembly 66.67 %; overall 75 %. Spring counts only its own runs', async () => {
    const db = await bakery(withEvents(WINTER, SPRING));
    await json('make', db, 'cookies', '5', '--event', 'winter'); // 120 cookies
    await json('make', db, 'shortbread', '1', '--event', 'winter'); // 12 fingers
    expect((await json('make', db, 'cake', '0.5', '--event', 'winter')).expected).toBe(4); // floor(0.5 x 100 / 12.5) = 4 slices
    await json('make', db, 'cookies', '1', '--event', 'spring'); // 24 cookies
    await json('make', db, 'cake', '1'); // 8 slices for no event
    await json('assemble', db, 'tin', '4', '--event', 'spring'); // 20 cookies, 4 cans
    await json('assemble', db, 'tin', '3', '--event', 'winter'); // 15 cookies, 3 cans
    await json('assemble', db, 'box', '2', '--event', 'winter'); // 2 of Winter's tins (FIFO: the oldest tins, Spring's), 6 cookies, 4 fingers
    // Stock: cookies 144 - 35 - 6 = 103; fingers 8; slices 12; tins 7 - 2 = 5; boxes 2; cans 5; cartons 23; ribbon 18 bows; baskets 4.
    // available: hamper min(2 / 2, 5, 12 / 4, 4) = 1; box min(5, 34, 4, 23, 18) = 4, capped at 1; tin min(20, 5) capped at 1.
    expect(await json('progress', db, 'winter')).toEqual({
      event: 'winter',
      recipes: [
        { recipe: 'cake', target_batches: 1, produced_batches: 0.5, remaining: 0.5, overage: 0, percent: 50 },
        { recipe: 'cookies', target_batches: 3, produced_batches: 5, remaining: 0, overage: 2, percent: 166.67 },
        { recipe: 'shortbread', target_batches: 1, produced_batches: 1, remaining: 0, overage: 0, percent: 100 },
      ],
      goods: [
        { good: 'box', target: 1, assembled: 2, available_to_assemble: 1, percent: 200 },
        { good: 'hamper', target: 2, assembled: 0, available_to_assemble: 1, percent: 0 },
        { good: 'tin', target: 1, assembled: 3, available_to_assemble: 1, percent: 300 },
      ],
      // (50 + 100 + 100) / 3 = 83.33; (100 + 0 + 100) / 3 = 66.67; (83.333 + 66.667) / 2 = 75
      production_percent: 83.33,
      assembly_percent: 66.67,
      overall_percent: 75,
    });
    // Spring: 1 of 1 batch, 4 of 4 tins (available min(103 / 5, 5 cans) = 5, capped at 4)
    expect(await json('progress', db, 'spring')).toEqual({
      event: 'spring',
      recipes: [{ recipe: 'cookies', target_batches: 1, produced_batches: 1, remaining: 0, overage: 0, percent: 100 }],
      goods: [{ good: 'tin', target: 4, assembled: 4, available_to_assemble: 4, percent: 100 }],
      production_percent: 100,
      assembly_percent: 100,
      overall_percent: 100,
    });
  });

  it('packaging left with targets on a good and on the goods nested in it: 2 hampers + 1 box + 1 tin, 3 tins and 2 boxes made: 3 boxes (1 + 4 - 2) and 5 tins (1 + 2 + 3 - 1) are left, not 2 and 3', async () => {
    const db = await bakery(withEvents(WINTER));
    await json('make', db, 'cookies', '3', '--event', 'winter');
    await json('make', db, 'shortbread', '1', '--event', 'winter');
    // Nothing made: 2 hampers; boxes 2 x 2 + 1 = 5; tins 2 x 1 + 5 + 1 = 8. Bows 5 x 45.72 = 228.6 cm.
    const materials = async () => (await json('shopping-list', db, 'winter')).materials.map((m: any) => [m.material, m.need, m.on_hand]);
    expect(await materials()).toEqual([
      ['basket', 2, 4],
      ['carton', 5, 25],
      ['ribbon', 228.6, 914.4],
      ['tin-can', 8, 12],
    ]);
    await json('assemble', db, 'tin', '3', '--event', 'winter');
    await json('assemble', db, 'box', '2', '--event', 'winter');
    // The event needs 5 boxes in all (1 for its own target, 4 for the hampers) and has made 2: 3 are left to box,
    // 3 cartons and 3 bows (137.16 cm). Tins: 8 in all, 3 made: 5 left (1 made tin is unused: 1 + 2 + 3 - 1), 5 cans.
    // On hand: cartons 25 - 2 = 23; ribbon 914.4 - 91.44 = 822.96; cans 12 - 3 = 9.
    expect(await materials()).toEqual([
      ['basket', 2, 4],
      ['carton', 3, 23],
      ['ribbon', 137.16, 822.96],
      ['tin-can', 5, 9],
    ]);
    // One hamper from the 2 boxes and the spare tin: left 1 hamper, and 1 + 2 = 3 boxes, 1 + 1 + 3 = 5 tins; none spare.
    await json('make', db, 'cake', '1', '--event', 'winter');
    await json('assemble', db, 'hamper', '1', '--event', 'winter');
    expect(await materials()).toEqual([
      ['basket', 1, 3],
      ['carton', 3, 23],
      ['ribbon', 137.16, 822.96],
      ['tin-can', 5, 9],
    ]);
  });
});
