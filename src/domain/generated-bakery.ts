/**
 * A seeded, deterministic bakery of a given size (issue 14: S, M, L), for
 * benchmarks and `bake-planner generate`. This module writes the part a
 * snapshot file carries as plain records (catalog, pantry, packaging,
 * recipes with sub-recipes, finished units, nested goods); what a baker does
 * with it (events, plans, bakes, assemblies) is done through the services by
 * services/generate, so it obeys every rule the app does.
 *
 * Same size and seed, same bakery: the only randomness is the seeded
 * generator below, and nothing reads the clock.
 */

export type BakerySize = 'S' | 'M' | 'L';
export const BAKERY_SIZES: readonly BakerySize[] = ['S', 'M', 'L'];

export interface BakeryShape {
  ingredients: number;
  recipes: number;
  /** How many levels recipes nest: 1 none, 3 a recipe whose sub-recipe has one (the app's limit). */
  recipeLevels: number;
  goods: number;
  /** How many levels goods nest, counted the same way. */
  goodLevels: number;
  /** Purchases of ingredients and packaging: each one lot. */
  lots: number;
  /** Bakes and assemblies recorded. */
  runs: number;
  events: number;
  targetsPerEvent: number;
}

/** The sizes of issue 14. S's runs and targets, M's levels and targets are ours (the issue leaves them open); "up to 3 deep" is the app's limit of three levels (a recipe, its sub-recipe, and that one's). */
export const BAKERY_SHAPES: Record<BakerySize, BakeryShape> = {
  S: { ingredients: 100, recipes: 30, recipeLevels: 2, goods: 20, goodLevels: 2, lots: 1_000, runs: 200, events: 1, targetsPerEvent: 10 },
  M: { ingredients: 500, recipes: 150, recipeLevels: 3, goods: 100, goodLevels: 2, lots: 10_000, runs: 5_000, events: 5, targetsPerEvent: 25 },
  L: { ingredients: 2_000, recipes: 500, recipeLevels: 3, goods: 300, goodLevels: 3, lots: 50_000, runs: 20_000, events: 10, targetsPerEvent: 50 },
};

export const DEFAULT_BAKERY_SEED = 20261215;

/**
 * The clock a generated database is built with: a fixed start, a minute per
 * transaction, so every timestamp (and so every byte of the export) follows
 * from the size and seed alone.
 */
export function generatorClock(): () => Date {
  let minutes = 0;
  return () => new Date(Date.UTC(2026, 0, 5, 8) + minutes++ * 60_000);
}

/** mulberry32: small, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** k distinct items of the list (all of it when shorter). */
  some<T>(list: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(k, list.length);
    while (chosen.size < n) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].map((i) => list[i]!);
  }
  /** A price with cents. */
  money(lo: number, hi: number): number {
    return Math.round((lo + this.next() * (hi - lo)) * 100) / 100;
  }
}

/** Each record's level (0: nothing nested in it) in a tree `count` levels deep: half at level 0, the rest spread over the levels above. */
export function levels(count: number, deep: number): number[] {
  const depth = deep - 1;
  const base = depth === 0 ? count : Math.ceil(count / 2);
  return Array.from({ length: count }, (_, i) => (i < base ? 0 : 1 + Math.floor(((i - base) * depth) / Math.max(1, count - base))));
}

type Kind = 'weight' | 'volume' | 'count';
const KINDS: Record<Kind, { line: string; packages: readonly { unit: string; sizes: readonly number[] }[]; perBatch: [number, number] }> = {
  weight: { line: 'g', packages: [{ unit: 'kg', sizes: [5, 10, 25] }, { unit: 'lb', sizes: [10, 25, 50] }], perBatch: [20, 400] },
  volume: { line: 'ml', packages: [{ unit: 'l', sizes: [4, 10, 20] }, { unit: 'gal', sizes: [2, 5] }], perBatch: [10, 150] },
  count: { line: 'each', packages: [{ unit: 'dozen', sizes: [15, 30] }, { unit: 'each', sizes: [180, 360] }], perBatch: [1, 6] },
};
const WORDS = ['Flour', 'Sugar', 'Butter', 'Cocoa', 'Almond', 'Hazelnut', 'Vanilla', 'Oat', 'Rye', 'Honey', 'Maple', 'Ginger', 'Cinnamon', 'Lemon', 'Orange', 'Cherry', 'Pecan', 'Walnut', 'Raisin', 'Cream'];
const SHAPES = ['cookie', 'bar', 'loaf', 'roll', 'tart', 'biscuit', 'cake', 'bun', 'brownie', 'scone'];
const PACKS = ['Tin', 'Box', 'Bag', 'Jar', 'Basket', 'Crate'];

const pad = (n: number) => String(n).padStart(4, '0');
const dateOf = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** The file's part of the bakery: a snapshot (docs/export-format.md) with no events or runs. */
export function bakeryFile(size: BakerySize, seed = DEFAULT_BAKERY_SEED): Record<string, unknown> {
  const shape = BAKERY_SHAPES[size];
  const dice = new Dice(seed);

  const ingredients: Record<string, unknown>[] = [];
  const products: Record<string, unknown>[] = [];
  const kindOf: Kind[] = [];
  for (let i = 0; i < shape.ingredients; i++) {
    const r = dice.next();
    const kind: Kind = r < 0.8 ? 'weight' : r < 0.92 ? 'volume' : 'count';
    kindOf.push(kind);
    const slug = `ingredient-${pad(i)}`;
    ingredients.push({ slug, name: `${WORDS[i % WORDS.length]} ${kind === 'count' ? 'piece' : 'stock'} ${pad(i)}` });
    const productCount = dice.next() < 0.5 ? 1 : 2;
    for (let p = 0; p < productCount; p++) {
      const pack = KINDS[kind].packages[p]!;
      products.push({ slug: `${slug}-p${p}`, ingredient: slug, brand: `Mill ${i % 37}`, name: `${WORDS[i % WORDS.length]} ${pack.unit} pack ${pad(i)}-${p}`, package_quantity: dice.pick(pack.sizes), package_unit: pack.unit, preferred: p === 0 });
    }
  }

  const materials: Record<string, unknown>[] = [];
  const materialProducts: Record<string, unknown>[] = [];
  const materialUnits: Record<string, unknown>[] = [];
  const materialCount = Math.max(3, Math.ceil(shape.goods / 3));
  for (let m = 0; m < materialCount; m++) {
    const slug = `packaging-${pad(m)}`;
    materials.push({ slug, name: `${PACKS[m % PACKS.length]} ${pad(m)}`, base_measure: 'each' });
    materialProducts.push({ slug: `${slug}-100pk`, material: slug, name: `${PACKS[m % PACKS.length]} ${pad(m)} 100 pack`, package_quantity: 100, package_unit: 'each' });
    materialUnits.push({ slug: `one-${slug}`, material: slug, name: `one ${PACKS[m % PACKS.length]!.toLowerCase()} ${pad(m)}`, quantity: 1 });
  }

  // Lots: packaging gets about a tenth of its share of purchases; ingredients the rest, spread over two years.
  const materialLots = Math.max(materialCount, Math.round(shape.lots / 40));
  const purchases: Record<string, unknown>[] = [];
  for (let n = 0; n < shape.lots - materialLots; n++) {
    const product = products[n % products.length]!;
    purchases.push({ product: product.slug, date: dateOf(dice.int(0, 700)), packages: dice.int(2, 6), price_per_package: dice.money(2, 60) });
  }
  purchases.sort((a, b) => (a.date as string).localeCompare(b.date as string));
  const materialPurchases: Record<string, unknown>[] = [];
  for (let n = 0; n < materialLots; n++) {
    materialPurchases.push({ material_product: materialProducts[n % materialCount]!.slug, date: dateOf(dice.int(0, 700)), packages: dice.int(2, 6), price_per_package: dice.money(15, 60) });
  }
  materialPurchases.sort((a, b) => (a.date as string).localeCompare(b.date as string));

  // Recipes: a level-k recipe uses one of level k-1 (so the depth is reached) and maybe one lower still.
  const recipes: Record<string, unknown>[] = [];
  const finishedUnits: Record<string, unknown>[] = [];
  const recipeLevels = levels(shape.recipes, shape.recipeLevels);
  const recipesAt: string[][] = Array.from({ length: shape.recipeLevels }, () => []);
  for (let r = 0; r < shape.recipes; r++) {
    const level = recipeLevels[r]!;
    const slug = `recipe-${pad(r)}`;
    const lines = dice.some(ingredients.map((_, i) => i), dice.int(4, 10)).map((i) => {
      const k = KINDS[kindOf[i]!];
      return { ingredient: ingredients[i]!.slug, quantity: dice.int(k.perBatch[0], k.perBatch[1]), unit: k.line };
    });
    const subRecipes: { recipe: string; batches: number }[] = [];
    if (level > 0) {
      subRecipes.push({ recipe: dice.pick(recipesAt[level - 1]!), batches: dice.pick([0.25, 0.5, 1]) });
      if (level > 1 && dice.next() < 0.5) subRecipes.push({ recipe: dice.pick(recipesAt[dice.int(0, level - 2)]!), batches: 0.5 });
    }
    const shapeWord = SHAPES[r % SHAPES.length]!;
    recipes.push({ slug, name: `${WORDS[(r * 7) % WORDS.length]} ${shapeWord}s ${pad(r)}`, category: shapeWord, ingredients: lines, ...(subRecipes.length > 0 ? { sub_recipes: subRecipes } : {}) });
    finishedUnits.push({ slug: `unit-${pad(r)}`, name: `${WORDS[(r * 7) % WORDS.length]} ${shapeWord} ${pad(r)}`, recipe: slug, items_per_batch: dice.pick([12, 18, 24, 36, 48]) });
    recipesAt[level]!.push(slug);
  }

  // Goods: a level-k good holds one of level k-1 and some finished units, in a package of its own.
  const goods: Record<string, unknown>[] = [];
  const goodLevels = levels(shape.goods, shape.goodLevels);
  const goodsAt: string[][] = Array.from({ length: shape.goodLevels }, () => []);
  for (let g = 0; g < shape.goods; g++) {
    const level = goodLevels[g]!;
    const slug = `good-${pad(g)}`;
    const units = dice.some(finishedUnits, dice.int(1, 3)).map((u) => ({ finished_unit: u.slug, quantity: dice.pick([2, 3, 4, 6, 12]) }));
    const nested = level > 0 ? [{ finished_good: dice.pick(goodsAt[level - 1]!), quantity: 1 }] : [];
    const m = g % materialCount;
    const packaging = [{ material_unit: materialUnits[m]!.slug, material_product: materialProducts[m]!.slug, quantity: 1 }];
    goods.push({ slug, name: `${PACKS[g % PACKS.length]} of treats ${pad(g)}`, composition: [...units, ...nested, ...packaging] });
    goodsAt[level]!.push(slug);
  }

  return {
    format: 'bake-planner-snapshot',
    format_version: 1,
    settings: { currency: 'USD' },
    ingredients,
    products,
    purchases,
    materials,
    material_products: materialProducts,
    material_units: materialUnits,
    material_purchases: materialPurchases,
    recipes,
    finished_units: finishedUnits,
    finished_goods: goods,
  };
}
