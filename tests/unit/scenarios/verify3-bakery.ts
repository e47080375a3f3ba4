/**
 * The third pass's bakery: one flour bought as three lots on the same day
 * (2 kg at 2.00/kg, 2 x 1 kg at 3.00/kg, 5 lb at 1.00/lb, in that order),
 * butter with 0.5 lb of its 2 lb spoiled, eggs by the dozen with a weight
 * per each, milk by the quart; a dough used as a sub-recipe by two recipes;
 * a cookie reached through a tin, a box holding a tin, and a hamper holding
 * boxes and a tin; a portion-mode cake slice. Prices are chosen so that every
 * figure can be worked by hand.
 */
export const LB = 453.59237;
export const OZ = 28.349523125;
export const CUP = 236.5882365;

export const CROSS = {
  ingredients: [
    { name: 'Flour', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 125, weight_unit: 'g' } }, // 1 cup = 125 g
    { name: 'Sugar' },
    { name: 'Butter' },
    { name: 'Eggs', weight_per_each: { quantity: 50, unit: 'g' } },
    { name: 'Milk' },
  ],
  products: [
    { slug: 'flour-2kg', ingredient: 'flour', name: 'Flour 2 kg', package_quantity: 2, package_unit: 'kg' },
    { slug: 'flour-1kg', ingredient: 'flour', name: 'Flour 1 kg', package_quantity: 1, package_unit: 'kg' },
    { slug: 'flour-5lb', ingredient: 'flour', name: 'Flour 5 lb', package_quantity: 5, package_unit: 'lb' },
    { slug: 'sugar-2kg', ingredient: 'sugar', name: 'Sugar 2 kg', package_quantity: 2, package_unit: 'kg' },
    { slug: 'butter-1lb', ingredient: 'butter', name: 'Butter 1 lb', package_quantity: 1, package_unit: 'lb' },
    { slug: 'eggs-dozen', ingredient: 'eggs', name: 'Eggs dozen', package_quantity: 1, package_unit: 'dozen' },
    { slug: 'milk-1qt', ingredient: 'milk', name: 'Milk 1 qt', package_quantity: 1, package_unit: 'qt' },
  ],
  purchases: [
    // Three flour lots on one day: drawn in the order recorded.
    { product: 'flour-2kg', date: '2026-01-01', packages: 1, price_per_package: 4 }, // 2000 g at 2.00/kg
    { product: 'flour-1kg', date: '2026-01-01', packages: 2, price_per_package: 3 }, // 2000 g at 3.00/kg
    { product: 'flour-5lb', date: '2026-01-01', packages: 1, price_per_package: 5 }, // 2267.96185 g at 1.00/lb
    { product: 'sugar-2kg', date: '2026-01-02', packages: 1, price_per_package: 4 }, // 2000 g at 2.00/kg
    // 2 lb at 4.50/lb, 0.5 lb spoiled (2.25): 1.5 lb on hand.
    { product: 'butter-1lb', date: '2026-01-01', packages: 2, price_per_package: 4.5, lot: { adjustments: [{ date: '2026-01-03', reason: 'spoilage', quantity: 0.5 }] } },
    { product: 'eggs-dozen', date: '2026-01-01', packages: 2, price_per_package: 3.6 }, // 24 eggs at 0.30
    { product: 'milk-1qt', date: '2026-01-01', packages: 1, price_per_package: 2 }, // 1 qt at 2.00
  ],
  materials: [
    { name: 'Tin can', base_measure: 'each' }, // not 'tin': the good is
    { name: 'Carton', base_measure: 'each' }, // not 'box': the good is
    { name: 'Ribbon', base_measure: 'length' },
    { name: 'Basket', base_measure: 'each' },
  ],
  material_products: [
    { slug: 'tin-12', material: 'tin-can', name: 'Tins 12', package_quantity: 12, package_unit: 'each' },
    { slug: 'carton-25', material: 'carton', name: 'Cartons 25', package_quantity: 25, package_unit: 'each' },
    { slug: 'ribbon-10yd', material: 'ribbon', name: 'Ribbon 10 yd', package_quantity: 10, package_unit: 'yd' },
    { slug: 'basket-4', material: 'basket', name: 'Baskets 4', package_quantity: 4, package_unit: 'each' },
  ],
  material_units: [
    { slug: 'one-tin', material: 'tin-can', name: 'one tin', quantity: 1 },
    { slug: 'one-box', material: 'carton', name: 'one carton', quantity: 1 },
    { slug: 'one-bow', material: 'ribbon', name: 'one 18 in bow', quantity: 18, unit: 'in' }, // 45.72 cm
    { slug: 'one-basket', material: 'basket', name: 'one basket', quantity: 1 },
  ],
  material_purchases: [
    { material_product: 'tin-12', date: '2026-01-01', packages: 1, price_per_package: 24 }, // 2.00 a tin
    { material_product: 'carton-25', date: '2026-01-01', packages: 1, price_per_package: 25 }, // 1.00 a box
    { material_product: 'ribbon-10yd', date: '2026-01-01', packages: 1, price_per_package: 9.144 }, // 914.4 cm at 0.01/cm: a bow 0.4572
    { material_product: 'basket-4', date: '2026-01-01', packages: 1, price_per_package: 20 }, // 5.00 a basket
  ],
  recipes: [
    { name: 'Dough', ingredients: [{ ingredient: 'flour', quantity: 2, unit: 'cup' }, { ingredient: 'butter', quantity: 100, unit: 'g' }, { ingredient: 'eggs', quantity: 1, unit: 'each' }] },
    { name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 150, unit: 'g' }], sub_recipes: [{ recipe: 'dough', batches: 0.5 }] },
    { name: 'Shortbread', ingredients: [{ ingredient: 'sugar', quantity: 50, unit: 'g' }, { ingredient: 'butter', quantity: 0.25, unit: 'lb' }], sub_recipes: [{ recipe: 'dough', batches: 1 }] },
    {
      name: 'Cake',
      ingredients: [
        { ingredient: 'flour', quantity: 300, unit: 'g' },
        { ingredient: 'sugar', quantity: 200, unit: 'g' },
        { ingredient: 'eggs', quantity: 4, unit: 'each' },
        { ingredient: 'milk', quantity: 1, unit: 'cup' },
      ],
    },
  ],
  finished_units: [
    { name: 'Cookie', recipe: 'cookies', items_per_batch: 24 },
    { name: 'Shortbread finger', slug: 'finger', recipe: 'shortbread', items_per_batch: 12 },
    { name: 'Cake slice', slug: 'slice', recipe: 'cake', portion_percent: 12.5 }, // 8 a batch
  ],
  finished_goods: [
    { name: 'Tin', slug: 'tin', composition: [{ finished_unit: 'cookie', quantity: 5 }, { material_unit: 'one-tin', material_product: 'tin-12', quantity: 1 }] },
    {
      name: 'Box',
      slug: 'box',
      composition: [
        { finished_good: 'tin', quantity: 1 },
        { finished_unit: 'cookie', quantity: 3 },
        { finished_unit: 'finger', quantity: 2 },
        { material_unit: 'one-box', material_product: 'carton-25', quantity: 1 },
        { material_unit: 'one-bow', material_product: 'ribbon-10yd', quantity: 1 },
      ],
    },
    {
      name: 'Hamper',
      composition: [
        { finished_good: 'box', quantity: 2 },
        { finished_good: 'tin', quantity: 1 },
        { finished_unit: 'slice', quantity: 4 },
        { material_unit: 'one-basket', material_product: 'basket-4', quantity: 1 },
      ],
    },
  ],
};

/** CROSS with these events. */
export const withEvents = (...events: unknown[]) => ({ ...CROSS, events });
