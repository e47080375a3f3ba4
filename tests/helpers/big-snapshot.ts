/**
 * A large, valid snapshot file (docs/export-format.md) of about `targetBytes`:
 * many ingredients with products, each bought three times, and a recipe for
 * every fourth ingredient using it and the three before. For issue 13's
 * "a 50 MB valid file must import": `npm run bench:import` on the command
 * line, tests/browser/settings-snapshot-large.test.ts in Chromium.
 */
export function bigSnapshot(targetBytes: number): string {
  const ingredients: unknown[] = [];
  const products: unknown[] = [];
  const purchases: unknown[] = [];
  const recipes: unknown[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const slug = `ingredient-${i}`;
    const notes = `Bench ingredient ${i}: kept cool and dry, bought from the usual shop; ${'a baker\'s note about it. '.repeat(12)}`;
    const ingredient = { slug, name: `Ingredient ${i}`, density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 100 + (i % 50), weight_unit: 'g' }, notes };
    ingredients.push(ingredient);
    size += JSON.stringify(ingredient).length * 1.22;
    const product = { slug: `product-${i}`, ingredient: slug, brand: `Brand ${i % 97}`, name: `Product ${i}`, package_quantity: 1 + (i % 25), package_unit: 'lb', notes: 'The big bag, on the bottom shelf.' };
    products.push(product);
    size += JSON.stringify(product).length * 1.3;
    for (let p = 0; p < 3; p++) {
      const day = String(1 + ((i + p * 7) % 28)).padStart(2, '0');
      const purchase = { product: `product-${i}`, date: `2026-${String(1 + p * 3).padStart(2, '0')}-${day}`, packages: 1 + p, price_per_package: 2.49 + (i % 13), notes: 'Bench purchase, receipt in the drawer' };
      purchases.push(purchase);
      size += JSON.stringify(purchase).length * 1.4;
    }
    if (i % 4 === 3) {
      recipes.push({
        slug: `recipe-${i}`,
        name: `Recipe ${i}`,
        notes: 'Cream the butter and sugar, add the dry ingredients, bake at 350 F until golden.',
        ingredients: [0, 1, 2, 3].map((k) => ({ ingredient: `ingredient-${i - k}`, quantity: 1 + k, unit: 'cup' })),
      });
    }
    size += i % 4 === 3 ? 900 : 0;
  }
  return JSON.stringify({ format: 'bake-planner-snapshot', format_version: 1, ingredients, products, purchases, recipes }, null, 2);
}

