/**
 * Prices for the built-in sample pantry. They are SAMPLE PRICES, made up: the
 * Bake Tracker backup the sample comes from records no cost, and a demo whose
 * every draw says "cost unknown" looks broken. Each package gets a plausible,
 * fixed price from a rate per kilogram, litre or item (by the ingredient's
 * top-level category, or its own rate for a few ingredients whose price is
 * far from their category's), times its size, with small packages costing
 * more per gram as they do in shops. Real imports never use these.
 */
import { roundTo } from './money';

/** Starts the notes of every sample purchase: says the price is made up, and marks the sample as loaded. */
export const SAMPLE_NOTE = 'Sample price, not a receipt';
import { dimensionOf, toBase, type Unit } from './units';

/** Currency units per kilogram, per litre and per item. */
interface Rate {
  perKg?: number;
  perLitre?: number;
  perEach?: number;
}

/** By the top-level category names of the Bake Tracker catalog. */
const BY_CATEGORY: Record<string, Rate> = {
  'Additives & Thickeners': { perKg: 45 },
  'Chocolate & Cocoa': { perKg: 13 },
  'Dairy & Eggs': { perKg: 9, perLitre: 3, perEach: 0.35 },
  'Decorations & Candies': { perKg: 18 },
  'Extracts & Flavorings': { perKg: 150, perLitre: 70, perEach: 4 },
  'Fats & Oils': { perKg: 9, perLitre: 8 },
  'Flours & Starches': { perKg: 3 },
  'Fruits & Dried Fruits': { perKg: 11 },
  'Leaveners & stabilizers': { perKg: 12 },
  Liquids: { perLitre: 3 },
  Liquors: { perLitre: 30 },
  'Nuts & Seeds': { perKg: 22 },
  'Spices & Herbs': { perKg: 80, perEach: 3.5 },
  Spreads: { perKg: 11 },
  'Sugars & Sweeteners': { perKg: 2.5, perLitre: 12 },
};

/** Ingredients (by slug) priced unlike the rest of their category. */
const BY_INGREDIENT: Record<string, Rate> = {
  baking_soda: { perKg: 3 },
  butter_salted: { perKg: 10 },
  butter_unsalted: { perKg: 10 },
  cocoa_powder_black: { perKg: 30 },
  cocoa_powder_dutch_processed: { perKg: 30 },
  cocoa_powder_natural: { perKg: 30 },
  cornstarch: { perKg: 5 },
  cream_of_tartar: { perKg: 110 },
  flour_almond: { perKg: 20 },
  gluten_free_flour_blend: { perKg: 10 },
  golden_syrup: { perKg: 12 },
  graham_cracker_crumbs: { perKg: 9 },
  honey: { perKg: 12 },
  maple_syrup: { perLitre: 28 },
  molasses_dark: { perKg: 12 },
  molasses_light: { perKg: 12 },
  oats_rolled: { perKg: 5 },
  salt_fine: { perKg: 2.5 },
  salt_kosher: { perKg: 2.5 },
  sea_salt_flaky: { perKg: 30 },
  sugar_superfine: { perKg: 8 },
  sweetener_stevia: { perKg: 25 },
  vanilla_sugar: { perKg: 60 },
  yeast_active_dry: { perKg: 90 },
  yeast_instant: { perKg: 90 },
};

const DEFAULT_RATE: Required<Rate> = { perKg: 15, perLitre: 15, perEach: 1 };

/** The rates are for a 1 kg or 1 l package; a 28 g jar costs about 1.7 times as much per gram, a 10 kg sack 0.7 times. */
function sizePremium(baseQuantity: number): number {
  return Math.min(2, Math.max(0.6, (1000 / baseQuantity) ** 0.15));
}

/** A shelf price: to the nearest 10 cents, minus one (3.20 -> 3.19), never under 0.99. */
function shelfPrice(value: number): number {
  return Math.max(0.99, roundTo(roundTo(value, 1) - 0.01, 2));
}

/** The sample price of one package of an ingredient, e.g. a 25 lb bag of all-purpose flour (category "Flours & Starches"). */
export function samplePackagePrice(ingredientSlug: string, category: string, packageQuantity: number, packageUnit: Unit): number {
  const rate = { ...DEFAULT_RATE, ...BY_CATEGORY[category], ...BY_INGREDIENT[ingredientSlug] };
  const base = toBase(packageQuantity, packageUnit);
  switch (dimensionOf(packageUnit)) {
    case 'weight':
      return shelfPrice((base / 1000) * rate.perKg * sizePremium(base));
    case 'volume':
      return shelfPrice((base / 1000) * rate.perLitre * sizePremium(base));
    default:
      return shelfPrice(base * rate.perEach);
  }
}
