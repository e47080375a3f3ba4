/**
 * domain.md, FIFO consumption ("oldest lot first: purchase date, then creation
 * order") with Export and import ("re-exporting an imported file gives the same
 * content"): a lot counted in without a purchase, created before a purchase of
 * the same day, is drawn first, and still is after export and import. The file
 * lists purchases and lots without one in two sections; the import writes them
 * as one sequence, by date and then when each lot was created.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bakery, cli, json, onFile } from './verify-cli';

const SUGAR = {
  ingredients: [{ name: 'Sugar' }],
  products: [
    { slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' },
    { slug: 'sugar-sack', ingredient: 'sugar', name: 'Sugar sack', package_quantity: 5, package_unit: 'kg' },
  ],
  // Bought at 10:00: 1 kg at 3.00.
  purchases: [{ product: 'sugar-1kg', date: '2026-03-01', packages: 1, price_per_package: 3, created_at: '2026-03-01T10:00:00.000Z' }],
  // Counted in at 09:00 the same day, before the purchase: 2 kg at 1.00/kg.
  lots: [{ product: 'sugar-sack', date: '2026-03-01', quantity: 2, unit: 'kg', unit_cost: 1, created_at: '2026-03-01T09:00:00.000Z' }],
  // Material: a roll counted in at 08:00, a pack of the other product bought at 11:00, the same day.
  materials: [{ name: 'Ribbon', base_measure: 'length' }],
  material_products: [
    { slug: 'ribbon-roll', material: 'ribbon', name: 'Ribbon roll', package_quantity: 10, package_unit: 'm' },
    { slug: 'ribbon-pack', material: 'ribbon', name: 'Ribbon pack', package_quantity: 5, package_unit: 'm' },
  ],
  material_purchases: [{ material_product: 'ribbon-pack', date: '2026-03-01', packages: 1, price_per_package: 5, created_at: '2026-03-01T11:00:00.000Z' }],
  material_lots: [{ material_product: 'ribbon-roll', date: '2026-03-01', quantity: 10, unit: 'm', unit_cost: 0.2, created_at: '2026-03-01T08:00:00.000Z' }],
};

async function firstDraws(db: string) {
  // 2.5 kg: the 2 kg counted in first (2 x 1.00 = 2.00), then 0.5 kg of the bag (0.5 x 3.00 = 1.50): 3.50.
  const fifo = await json('fifo', db, 'sugar', '2.5', 'kg');
  const ribbons = await onFile(db, (d) =>
    d.engine.all<{ slug: string }>('SELECT p.slug FROM material_lots l JOIN material_products p ON p.id = l.material_product_id ORDER BY l.purchased_on, l.id').map((r) => r.slug),
  );
  return { draws: fifo.draws.map((d: { quantity: number }) => d.quantity), cost: fifo.total_cost, ribbons };
}

describe('same-day lots with and without a purchase keep their FIFO order through a round trip', { timeout: 120_000 }, () => {
  it('draws the lot created first, before and after export and import, and re-exports the same content', async () => {
    const db = await bakery(SUGAR);
    const before = await firstDraws(db);
    // Ribbon: the roll counted in at 08:00 is drawn before the pack bought at 11:00.
    expect(before).toEqual({ draws: [2, 0.5], cost: 3.5, ribbons: ['ribbon-roll', 'ribbon-pack'] });

    const exported = (await cli('export', db)).out;
    const dir = mkdtempSync(join(tmpdir(), 'bp-fifo-order-'));
    writeFileSync(join(dir, 'out.json'), exported);
    const copy = join(dir, 'copy.sqlite');
    expect((await cli('import', copy, join(dir, 'out.json'))).code).toBe(0);
    expect(await firstDraws(copy)).toEqual(before);
    const again = (await cli('export', copy)).out;
    const withoutTime = (text: string) => text.replace(/"exported_at": "[^"]*"/, '');
    expect(withoutTime(again)).toBe(withoutTime(exported));
  });
});
