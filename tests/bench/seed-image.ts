/**
 * Builds a realistic database image of a given size in Node for the browser
 * benchmark: a catalog of ingredients and products, then purchases with their
 * lots, each with a few sentences of notes, until SQLite's page count reaches
 * the target. Random words from a fixed seed, so every run measures the same
 * data and the browser cannot compress it away as it could repeated filler.
 */
import { openSqlJsDatabase } from '../../src/db/open';
import { transaction, type Tx } from '../../src/db/session';

const WORDS =
  'flour sugar butter eggs vanilla almond cinnamon nutmeg ginger molasses honey cocoa chocolate walnut pecan hazelnut raisin cranberry orange lemon zest cream milk yeast salt baking soda powder oats rye spelt bran date fig apricot cherry clove cardamom anise poppy sesame caramel toffee marzipan fondant icing glaze shortbread stollen panettone biscotti rugelach lebkuchen spekulatius pfeffernusse linzer'.split(
    ' ',
  );

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedImage(targetBytes: number): Promise<Uint8Array> {
  const db = await openSqlJsDatabase({ clock: () => new Date('2026-11-01T09:00:00Z') });
  const rand = random(targetBytes);
  const sentence = (words: number) =>
    Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ') + '.';
  const size = () => {
    const pages = db.engine.get<{ page_count: number }>('PRAGMA page_count')!.page_count;
    const pageSize = db.engine.get<{ page_size: number }>('PRAGMA page_size')!.page_size;
    return pages * pageSize;
  };

  transaction(db, (tx: Tx) => {
    const now = tx.now();
    tx.run(`INSERT INTO suppliers (id, slug, name, created_at, updated_at) VALUES (1, 'corner-store', 'Corner Store', ?, ?)`, [now, now]);
    for (let i = 1; i <= 200; i++) {
      tx.run(
        `INSERT INTO ingredients (id, slug, name, level, notes, created_at, updated_at) VALUES (?, ?, ?, 2, ?, ?, ?)`,
        [i, `ingredient-${i}`, `Ingredient ${i}`, sentence(12), now, now],
      );
      for (let p = 0; p < 2; p++) {
        tx.run(
          `INSERT INTO products (id, slug, ingredient_id, brand, name, package_unit, package_quantity, supplier_id, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'g', ?, 1, ?, ?, ?)`,
          [i * 2 + p, `product-${i}-${p}`, i, `Brand ${p}`, `Pack ${i}-${p}`, 500 + 500 * p, sentence(10), now, now],
        );
      }
    }
  });

  let id = 0;
  while (size() < targetBytes) {
    transaction(db, (tx: Tx) => {
      const now = tx.now();
      for (let n = 0; n < 1000; n++) {
        id++;
        const ingredient = 1 + Math.floor(rand() * 200);
        const product = ingredient * 2 + (id % 2);
        const day = `2025-${String(1 + (id % 12)).padStart(2, '0')}-${String(1 + (id % 28)).padStart(2, '0')}`;
        const grams = 500 + 500 * (id % 2);
        tx.run(
          `INSERT INTO purchases (id, product_id, supplier_id, purchased_on, packages, price_per_package, notes, created_at, updated_at)
           VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)`,
          [id, product, day, 1 + (id % 3), Math.round(rand() * 900 + 100) / 100, sentence(25), now, now],
        );
        tx.run(
          `INSERT INTO lots (id, ingredient_id, product_id, purchase_id, purchased_on, dimension, quantity_initial, quantity_remaining, unit_cost, location, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'weight', ?, ?, ?, 'pantry', ?, ?, ?)`,
          [id, ingredient, product, id, day, grams, Math.floor(rand() * grams), 0.004, sentence(20), now, now],
        );
      }
    });
  }
  const image = db.engine.exportImage!();
  db.close();
  return image;
}
