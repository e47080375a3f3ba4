/**
 * The built-in sample's bakery, on top of the sample pantry: a finished unit
 * for each of the backup's 20 recipes with a realistic yield (cakes as a
 * whole cake and as slices), packaging (the backup's window boxes, ribbon,
 * cello bags, twine and seals, plus a cookie tin the backup does not have),
 * material units, material purchases at SAMPLE PRICES, and three goods: a
 * biscotti tin, a holiday gift box with that tin nested inside it, and a
 * cookie bag, so a newcomer sees recipes, yields, goods and their costs at
 * once. A few ingredients those goods need get SAMPLE ADDITIONS (standard
 * densities, and a first purchase for the ones the backup has no stock of),
 * so the goods have known costs; every other recipe keeps the backup's gaps
 * and shows what is missing. All of it is listed in NOTICE.
 *
 * Everything is created through the services, only where missing (by
 * slug), so loading the sample twice changes nothing.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { SAMPLE_NOTE } from '../../domain/sample-prices';
import { nameKey } from '../../domain/validate';
import { AppError } from '../../errors';
import { findIngredientBySlug } from '../catalog/ingredient-rows';
import { updateIngredient } from '../catalog/ingredients';
import { createGood, type GoodInput } from '../goods/goods';
import { findGoodBySlug } from '../goods/good-rows';
import { createMaterial, findMaterialBySlug } from '../materials/materials';
import { createMaterialProduct } from '../materials/material-products';
import { recordMaterialPurchase } from '../materials/material-purchases';
import { createMaterialUnit, findMaterialUnitBySlug } from '../materials/material-units';
import { recordPurchase } from '../pantry/purchases';
import { createFinishedUnit, findFinishedUnitBySlug, type FinishedUnitInput } from '../recipes/finished-units';
import { findRecipeBySlug } from '../recipes/recipe-rows';

/** The purchases below are dated the day before the backup was written. */
const SAMPLE_PURCHASE_DATE = '2026-01-06';

type UnitSpec = Omit<FinishedUnitInput, 'recipeId'> & { recipe: string; slug: string };

const whole = (recipe: string, slug: string, name: string): UnitSpec => ({ recipe, slug, name, yieldMode: 'portion', portionPercent: 100 });
const items = (recipe: string, slug: string, name: string, itemsPerBatch: number): UnitSpec => ({ recipe, slug, name, yieldMode: 'discrete', itemsPerBatch });
const slice = (recipe: string, slug: string, name: string, portionPercent: number): UnitSpec => ({ recipe, slug, name, yieldMode: 'portion', portionPercent });

/** What a home batch of each recipe makes, read from its method (two 9 in logs of biscotti, a 9x13 pan of fudge...). */
export const SAMPLE_FINISHED_UNITS: readonly UnitSpec[] = [
  items('almond-biscotti', 'almond-biscotti', 'Almond biscotti', 36),
  items('almond-flour-brownies', 'almond-flour-brownie', 'Almond flour brownie', 16),
  items('anzac-cookies', 'anzac-cookie', 'Anzac cookie', 36),
  whole('butterscotch-pumpkin-cake', 'butterscotch-pumpkin-cake', 'Butterscotch pumpkin cake'),
  slice('butterscotch-pumpkin-cake', 'butterscotch-pumpkin-cake-slice', 'Butterscotch pumpkin cake slice', 6.25),
  items('candy-bar-fudge', 'candy-bar-fudge-square', 'Candy-bar fudge square', 48),
  items('chocolate-truffle-croquembouche', 'chocolate-truffle', 'Chocolate truffle', 96),
  items('gingerbread-chai-cookies', 'gingerbread-chai-cookie', 'Gingerbread chai cookie', 48),
  items('gluten-free-almond-flour-shortbread-cookies', 'almond-shortbread-cookie', 'Almond shortbread cookie', 24),
  items('holiday-blossoms', 'holiday-blossom', 'Holiday blossom', 48),
  items('individual-orange-and-poppy-seed-pound-cake', 'orange-poppy-seed-loaf', 'Orange poppy seed loaf', 4),
  items('jumbles', 'jumble', 'Jumble', 36),
  whole('lavender-lemon-cake-with-honey-glaze', 'lavender-lemon-cake', 'Lavender-lemon cake'),
  slice('lavender-lemon-cake-with-honey-glaze', 'lavender-lemon-cake-slice', 'Lavender-lemon cake slice', 12.5),
  whole('lemon-bliss-cake', 'lemon-bliss-cake', 'Lemon bliss cake'),
  slice('lemon-bliss-cake', 'lemon-bliss-cake-slice', 'Lemon bliss cake slice', 6.25),
  whole('marble-fruit-cake', 'marble-fruit-cake', 'Marble fruit cake'),
  items('mini-mincemeat-pies', 'mini-mincemeat-pie', 'Mini mincemeat pie', 24),
  items('mocha-toffee-truffles', 'mocha-toffee-truffle', 'Mocha-toffee truffle', 36),
  whole('noel-bell-fruit-cake', 'noel-bell-fruit-cake', 'Noel bell fruit cake'),
  items('pecan-shortbread-christmas-trees', 'pecan-shortbread-tree', 'Pecan shortbread tree', 30),
  whole('sour-cream-chocolate-bundt-cake', 'sour-cream-chocolate-bundt', 'Sour cream chocolate bundt'),
  slice('sour-cream-chocolate-bundt-cake', 'sour-cream-chocolate-bundt-slice', 'Sour cream chocolate bundt slice', 6.25),
  items('toasted-almond-sabl-s', 'toasted-almond-sable', 'Toasted almond sablé', 36),
];

/** Standard densities (King Arthur's weight chart) for ingredients the goods' recipes measure by volume; set only where none is. */
const SAMPLE_DENSITIES: [slug: string, volumeQty: number, volumeUnit: string, weightQty: number, weightUnit: string][] = [
  ['salt_kosher', 1, 'tsp', 3, 'g'],
  ['baking_powder', 1, 'tsp', 4, 'g'],
  ['chocolate_chips_semi_sweet', 1, 'cup', 6, 'oz'],
  ['almonds_sliced', 1, 'cup', 3, 'oz'],
  ['pecans_chopped', 1, 'cup', 4, 'oz'],
  ['sugar_sanding', 1, 'cup', 7, 'oz'],
];

/** A first purchase for ingredients of the goods' recipes that the backup has no stock of. */
const SAMPLE_INGREDIENT_PURCHASES: [slug: string, name: string, packageQuantity: number, packageUnit: string, price: number][] = [
  ['eggs_whole', 'Large eggs, dozen', 12, 'each', 4.49],
  ['almonds_sliced', 'Sliced almonds', 6, 'oz', 4.99],
  ['pecans_chopped', 'Chopped pecans', 8, 'oz', 7.49],
  ['sugar_sanding', 'White sanding sugar', 4, 'oz', 3.99],
];

interface MaterialSpec {
  material: string;
  /** Created when the catalog has no material with this slug (the tin is not in the backup). */
  create?: { name: string; baseMeasure: 'each'; category: string };
  product: { name: string; packageQuantity: number; packageUnit: string; price: number; packages: number };
  unit: { slug: string; name: string; quantity: number; unit: string };
}

const SAMPLE_PACKAGING: readonly MaterialSpec[] = [
  {
    material: 'tin_cookie_round_6in',
    create: { name: 'Tin Cookie Round 6in', baseMeasure: 'each', category: 'Tins' },
    product: { name: 'Round Cookie Tin 6in 12pk', packageQuantity: 12, packageUnit: 'each', price: 21.99, packages: 1 },
    unit: { slug: 'one-cookie-tin', name: 'tin', quantity: 1, unit: 'each' },
  },
  {
    material: 'box_window_cake_10x10',
    product: { name: 'Amazon 10x10 Cake Window Box 25pk', packageQuantity: 25, packageUnit: 'each', price: 18.99, packages: 1 },
    unit: { slug: 'one-window-box', name: 'window box', quantity: 1, unit: 'each' },
  },
  {
    material: 'ribbon_curling_3-16',
    product: { name: 'Berwick 3/16 Red Curling Ribbon 500yd', packageQuantity: 18000, packageUnit: 'in', price: 7.99, packages: 1 },
    unit: { slug: 'one-18-in-bow', name: 'bow (18 in)', quantity: 18, unit: 'in' },
  },
  {
    material: 'bag_cello_gusset_medium',
    product: { name: 'Amazon Medium Cello Gusset Bag 100pk', packageQuantity: 100, packageUnit: 'each', price: 8.99, packages: 1 },
    unit: { slug: 'one-cello-bag', name: 'cello bag', quantity: 1, unit: 'each' },
  },
  {
    material: 'twine_bakers_red_white',
    product: { name: 'Norpro Red White Bakers Twine 110yd', packageQuantity: 3960, packageUnit: 'in', price: 6.49, packages: 1 },
    unit: { slug: 'one-12-in-tie', name: 'twine tie (12 in)', quantity: 12, unit: 'in' },
  },
  {
    material: 'label_seal_permanent',
    product: { name: 'Amazon Permanent Seal Labels 500ct', packageQuantity: 500, packageUnit: 'each', price: 9.99, packages: 1 },
    unit: { slug: 'one-seal', name: 'seal', quantity: 1, unit: 'each' },
  },
];

type LineSpec = { unit: string; quantity: number } | { good: string; quantity: number } | { packaging: string; quantity: number; generic?: boolean };

/** Nested goods come after the goods they hold. */
const SAMPLE_GOODS: readonly { slug: string; name: string; notes: string; lines: LineSpec[] }[] = [
  {
    slug: 'biscotti-tin',
    name: 'Biscotti tin',
    notes: 'Six biscotti in a round tin, sealed with a label.',
    lines: [{ unit: 'almond-biscotti', quantity: 6 }, { packaging: 'one-cookie-tin', quantity: 1 }, { packaging: 'one-seal', quantity: 1, generic: true }],
  },
  {
    slug: 'holiday-gift-box',
    name: 'Holiday gift box',
    notes: 'Shortbread and brownies around a tin of biscotti, in a window box with a bow.',
    lines: [
      { unit: 'almond-shortbread-cookie', quantity: 6 },
      { unit: 'almond-flour-brownie', quantity: 4 },
      { good: 'biscotti-tin', quantity: 1 },
      { packaging: 'one-window-box', quantity: 1 },
      { packaging: 'one-18-in-bow', quantity: 1, generic: true },
    ],
  },
  {
    slug: 'cookie-bag',
    name: 'Cookie bag',
    notes: 'Three shortbread trees in a cello bag tied with twine.',
    lines: [{ unit: 'pecan-shortbread-tree', quantity: 3 }, { packaging: 'one-cello-bag', quantity: 1 }, { packaging: 'one-12-in-tie', quantity: 1 }],
  },
];

export interface SampleBakeryResult {
  finishedUnits: number;
  goods: number;
  materialPurchases: number;
}

function ingredient(db: Database, tx: Tx, slug: string) {
  const row = findIngredientBySlug(db, slug, tx);
  if (!row) throw new AppError('IMPORT', `The sample's catalog has no ingredient ${slug}.`);
  return row;
}

function addIngredientExtras(db: Database, tx: Tx): void {
  for (const [slug, volumeQty, volumeUnit, weightQty, weightUnit] of SAMPLE_DENSITIES) {
    const row = ingredient(db, tx, slug);
    if (row.density_volume_qty === null) updateIngredient(db, { id: row.id, density: { volumeQty, volumeUnit, weightQty, weightUnit } }, tx);
  }
  for (const [slug, name, packageQuantity, packageUnit, price] of SAMPLE_INGREDIENT_PURCHASES) {
    const row = ingredient(db, tx, slug);
    if (tx.get('SELECT 1 AS x FROM lots WHERE ingredient_id = ?', [row.id])) continue;
    recordPurchase(db, { newProduct: { ingredientId: row.id, name, packageQuantity, packageUnit }, purchasedOn: SAMPLE_PURCHASE_DATE, packages: 1, pricePerPackage: price, notes: SAMPLE_NOTE }, tx);
  }
}

function addFinishedUnits(db: Database, tx: Tx): number {
  const taken = new Set(tx.all<{ name: string }>('SELECT name FROM finished_units').map((r) => nameKey(r.name)));
  let added = 0;
  for (const { recipe, ...spec } of SAMPLE_FINISHED_UNITS) {
    if (findFinishedUnitBySlug(db, spec.slug, tx) || taken.has(nameKey(spec.name))) continue;
    const row = findRecipeBySlug(db, recipe, tx);
    if (!row) throw new AppError('IMPORT', `The sample has no recipe ${recipe}.`);
    createFinishedUnit(db, { ...spec, recipeId: row.id }, tx);
    added++;
  }
  return added;
}

/** The sample's product of a packaging spec, once its material exists. */
function sampleProductId(tx: Tx, materialId: number, spec: MaterialSpec): number | undefined {
  return tx.get<{ id: number }>('SELECT id FROM material_products WHERE material_id = ? AND name = ?', [materialId, spec.product.name])?.id;
}

function addPackaging(db: Database, tx: Tx): number {
  let purchases = 0;
  for (const spec of SAMPLE_PACKAGING) {
    if (findMaterialUnitBySlug(db, spec.unit.slug, tx)) continue;
    const material =
      findMaterialBySlug(db, spec.material, tx) ??
      (spec.create ? createMaterial(db, { slug: spec.material, ...spec.create }, tx) : undefined);
    if (!material) throw new AppError('IMPORT', `The sample's catalog has no material ${spec.material}.`);
    const productId = sampleProductId(tx, material.id, spec) ?? createMaterialProduct(db, { materialId: material.id, name: spec.product.name, packageQuantity: spec.product.packageQuantity, packageUnit: spec.product.packageUnit }, tx).id;
    if (!tx.get('SELECT 1 AS x FROM material_lots WHERE material_product_id = ?', [productId])) {
      recordMaterialPurchase(db, { materialProductId: productId, purchasedOn: SAMPLE_PURCHASE_DATE, packages: spec.product.packages, pricePerPackage: spec.product.price, notes: SAMPLE_NOTE }, tx);
      purchases++;
    }
    createMaterialUnit(db, { materialId: material.id, ...spec.unit }, tx);
  }
  return purchases;
}

function addGoods(db: Database, tx: Tx): number {
  let added = 0;
  for (const spec of SAMPLE_GOODS) {
    if (findGoodBySlug(db, spec.slug, tx)) continue;
    const lines: GoodInput['lines'] = spec.lines.map((l) => {
      if ('unit' in l) return { kind: 'unit', finishedUnitId: findFinishedUnitBySlug(db, l.unit, tx)!.id, quantity: l.quantity };
      if ('good' in l) return { kind: 'good', goodId: findGoodBySlug(db, l.good, tx)!.id, quantity: l.quantity };
      const unit = findMaterialUnitBySlug(db, l.packaging, tx)!;
      const spec = SAMPLE_PACKAGING.find((p) => p.unit.slug === l.packaging)!;
      const product = l.generic ? null : (sampleProductId(tx, unit.material.id, spec) ?? null);
      return { kind: 'material', materialUnitId: unit.id, materialProductId: product, quantity: l.quantity };
    });
    createGood(db, { slug: spec.slug, name: spec.name, notes: spec.notes, lines }, tx);
    added++;
  }
  return added;
}

/** Adds the sample bakery to a database holding the sample catalog (see loadSample); adds nothing a second time. */
export function loadSampleBakery(db: Database, tx?: Tx): SampleBakeryResult {
  return withTransaction(db, tx, (t) => {
    if (findGoodBySlug(db, 'holiday-gift-box', t)) return { finishedUnits: 0, goods: 0, materialPurchases: 0 };
    addIngredientExtras(db, t);
    const finishedUnits = addFinishedUnits(db, t);
    const materialPurchases = addPackaging(db, t);
    return { finishedUnits, materialPurchases, goods: addGoods(db, t) };
  });
}
