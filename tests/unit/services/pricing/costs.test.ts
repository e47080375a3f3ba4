import { describe, expect, it } from 'vitest';
import { createGood } from '../../../../src/services/goods/goods';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { costGood, costGoodDraft } from '../../../../src/services/pricing/good-cost';
import { priceIngredient } from '../../../../src/services/pricing/ingredient-price';
import { priceMaterial } from '../../../../src/services/pricing/material-price';
import { costRecipe, costRecipeDraft, previewRecipeDraft } from '../../../../src/services/pricing/recipe-cost';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe, updateRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { buyDomainExampleLots, flourPantry } from '../bakery';
import { dbState, kitchen, refused } from '../kitchen';

// The kitchen's prices: flour 8.99/lb (1 cup = 4 oz), sugar 1.00/lb (1 cup = 7 oz), butter 5.00/lb (1 cup = 8 oz), eggs 0.30 each.
const FLOUR_CUP = 8.99 / 4;
const SUGAR_CUP = 7 / 16;
const BUTTER_CUP = 5 / 2;
const EGG = 0.3;

describe('pricing an ingredient quantity now (FIFO, then latest purchase, then lot cost, else unknown)', () => {
  it('48 cups of flour (12 lb) from lots of 10 lb at 8.99 and 15 lb at 9.49: 108.88, as the domain reference says', async () => {
    const db = await testDb();
    const p = flourPantry(db);
    buyDomainExampleLots(db, p);
    const price = priceIngredient(db, { ingredientId: p.flour.id, quantity: 48, unit: 'cup' });
    expect(price).toMatchObject({ reason: null, sources: { latestPurchase: 0, lotCost: 0 } });
    expect(price.cost).toBeCloseTo(108.88, 9);
    expect(price.sources.lots).toBeCloseTo(48, 9);
    expect(price.unitCost).toBeCloseTo(108.88 / 48, 12);
  });

  it('what the lots cannot cover is priced at the latest purchase price: 30 lb = 232.25 from the lots + 5 lb at 9.49', async () => {
    const db = await testDb();
    const p = flourPantry(db);
    buyDomainExampleLots(db, p);
    const price = priceIngredient(db, { ingredientId: p.flour.id, quantity: 30, unit: 'lb' });
    expect(price.cost).toBeCloseTo(232.25 + 5 * 9.49, 9);
    expect(price.sources.latestPurchase).toBeCloseTo(5, 9);
  });

  it('a lot with no cost (an imported one) is priced at the latest purchase price; with no purchase, at the newest priced lot', async () => {
    const db = await testDb();
    const p = flourPantry(db);
    const lot = (purchasedOn: string, lb: number, costPerLb: number | null) =>
      db.engine.run(
        `INSERT INTO lots (ingredient_id, product_id, purchased_on, dimension, quantity_initial, quantity_remaining, unit_cost, created_at, updated_at)
         VALUES (?, ?, ?, 'weight', ?, ?, ?, 'x', 'x')`,
        [p.flour.id, p.smallBag.id, purchasedOn, lb * 453.59237, lb * 453.59237, costPerLb === null ? null : costPerLb / 453.59237],
      );
    lot('2025-12-01', 10, null);
    expect(priceIngredient(db, { ingredientId: p.flour.id, quantity: 1, unit: 'lb' })).toMatchObject({
      cost: null,
      reason: 'No price for All-purpose flour: its lots have no cost and there is no purchase price. Record a purchase.',
    });
    lot('2025-11-01', 1, 7.5);
    lot('2025-10-01', 1, 6);
    // FIFO takes the October and November lots first (6.00 + 7.50), then 1 lb of the uncosted lot at the newest lot cost (7.50).
    expect(priceIngredient(db, { ingredientId: p.flour.id, quantity: 3, unit: 'lb' })).toMatchObject({ cost: 21, sources: { lots: 2, lotCost: 1 } });
    buyDomainExampleLots(db, p);
    // The newest purchase (Jan 15, 9.49/lb) now prices the uncosted pound.
    expect(priceIngredient(db, { ingredientId: p.flour.id, quantity: 3, unit: 'lb' }).cost).toBeCloseTo(13.5 + 9.49, 9);
  });

  it('no lot and no purchase: unknown with the reason; a unit that cannot convert: unknown with the fix', async () => {
    const db = await testDb();
    const k = kitchen(db);
    expect(priceIngredient(db, { ingredientId: k.cocoa.id, quantity: 1, unit: 'cup' })).toMatchObject({
      cost: null,
      unitCost: null,
      reason: 'No price for Cocoa: there is no lot and no purchase price. Record a purchase.',
    });
    expect(priceIngredient(db, { ingredientId: k.brownSugar.id, quantity: 1, unit: 'cup' })).toMatchObject({
      cost: null,
      reason: 'Set a density for Brown sugar to convert cup to g.',
    });
  });

  it('pricing is a dry run: nothing is drawn', async () => {
    const db = await testDb();
    const p = flourPantry(db);
    buyDomainExampleLots(db, p);
    const before = dbState(db);
    priceIngredient(db, { ingredientId: p.flour.id, quantity: 48, unit: 'cup' });
    expect(dbState(db)).toEqual(before);
  });
});

async function bakery() {
  const db = await testDb();
  const k = kitchen(db);
  const frosting = createRecipe(db, { name: 'Frosting', ingredientLines: [{ ingredientId: k.sugar.id, quantity: 2, unit: 'cup' }, { ingredientId: k.butter.id, quantity: 0.5, unit: 'cup' }] });
  const cake = createRecipe(db, {
    name: 'Layer cake',
    ingredientLines: [{ ingredientId: k.flour.id, quantity: 3, unit: 'cup' }, { ingredientId: k.eggs.id, quantity: 4, unit: 'each' }],
    subRecipes: [{ recipeId: frosting.id, batchMultiplier: 0.5 }],
  });
  const slice = createFinishedUnit(db, { recipeId: cake.id, name: 'Cake slice', yieldMode: 'portion', portionPercent: 12.5 });
  const whole = createFinishedUnit(db, { recipeId: cake.id, name: 'Whole cake', yieldMode: 'portion', portionPercent: 100 });
  return { db, k, frosting, cake, slice, whole };
}

const FROSTING_BATCH = 2 * SUGAR_CUP + 0.5 * BUTTER_CUP;
const CAKE_BATCH = 3 * FLOUR_CUP + 4 * EGG + 0.5 * FROSTING_BATCH;

describe('recipe costs (dry run at current prices)', () => {
  it('per batch and per unit, with the sub-recipe multiplied through once', async () => {
    const { db, cake, slice, whole } = await bakery();
    const c = costRecipe(db, { recipeId: cake.id });
    expect(c.cost).toBeCloseTo(CAKE_BATCH, 9);
    expect(c.costPerBatch).toBeCloseTo(CAKE_BATCH, 9);
    expect(c.unknown).toEqual([]);
    const perUnit = Object.fromEntries(c.finishedUnits.map((u) => [u.finishedUnit.name, u.costPerUnit]));
    expect(perUnit['Cake slice']).toBeCloseTo(CAKE_BATCH / 8, 9);
    expect(perUnit['Whole cake']).toBeCloseTo(CAKE_BATCH, 9);
    expect([slice.id, whole.id].sort()).toEqual(c.finishedUnits.map((u) => u.finishedUnit.id).sort());
  });

  it('the breakdown: each node is its lines plus its sub-recipes, quantities scaled to the batches asked', async () => {
    const { db, cake } = await bakery();
    const c = costRecipe(db, { recipeId: cake.id, batches: 2 });
    expect(c.cost).toBeCloseTo(2 * CAKE_BATCH, 9);
    const b = c.breakdown;
    expect(b.lines.map((l) => [l.ingredient.name, l.quantity, l.unit])).toEqual([['Flour', 6, 'cup'], ['Eggs', 8, 'each']]);
    expect(b.subRecipes.map((s) => [s.recipe.name, s.batches, s.batchMultiplier])).toEqual([['Frosting', 1, 0.5]]);
    expect(b.subRecipes[0]!.lines.map((l) => [l.ingredient.name, l.quantity])).toEqual([['Sugar', 2], ['Butter', 0.5]]);
    expect(b.subRecipes[0]!.cost).toBeCloseTo(FROSTING_BATCH, 9);
    expect(b.cost).toBeCloseTo(b.lines.reduce((s, l) => s + l.cost!, 0) + b.subRecipes[0]!.cost!, 12);
    expect(c.ingredients.map((i) => [i.ingredient.name, i.quantity, i.unit])).toEqual([['Flour', 6, 'cup'], ['Eggs', 8, 'each'], ['Sugar', 2, 'cup'], ['Butter', 0.5, 'cup']]);
    expect(c.ingredients[0]!.unitCost).toBeCloseTo(FLOUR_CUP, 9);
  });

  it('a line that cannot convert is unknown with its fix, never 0, and so is every total above it', async () => {
    const { db, k, frosting, cake } = await bakery();
    const caramel = createRecipe(db, { name: 'Caramel', ingredientLines: [{ ingredientId: k.brownSugar.id, quantity: 1, unit: 'cup' }, { ingredientId: k.butter.id, quantity: 0.25, unit: 'cup' }] });
    updateRecipe(db, { id: frosting.id, subRecipes: [{ recipeId: caramel.id, batchMultiplier: 1 }] });
    const c = costRecipe(db, { recipeId: cake.id });
    expect(c.cost).toBeNull();
    expect(c.costPerBatch).toBeNull();
    expect(c.unknown).toEqual([{ item: 'Brown sugar', reason: 'Set a density for Brown sugar to convert cup to lb.' }]);
    expect(c.finishedUnits.every((u) => u.costPerUnit === null)).toBe(true);
    const caramelNode = c.breakdown.subRecipes[0]!.subRecipes[0]!;
    expect(caramelNode.lines.map((l) => [l.ingredient.name, l.cost === null])).toEqual([['Brown sugar', true], ['Butter', false]]);
    expect(c.breakdown.lines.every((l) => l.cost !== null)).toBe(true);
    expect(c.ingredients.find((i) => i.ingredient.name === 'Brown sugar')).toMatchObject({ cost: null, quantity: 0.5, unit: 'cup' });
  });

  it('an ingredient with no price makes the cost unknown, naming it', async () => {
    const { db, k } = await bakery();
    const brownies = createRecipe(db, { name: 'Brownies', ingredientLines: [{ ingredientId: k.cocoa.id, quantity: 0.75, unit: 'cup' }, { ingredientId: k.sugar.id, quantity: 1, unit: 'cup' }] });
    expect(costRecipe(db, { recipeId: brownies.id })).toMatchObject({ cost: null, unknown: [{ item: 'Cocoa', reason: 'No price for Cocoa: there is no lot and no purchase price. Record a purchase.' }] });
  });

  it('a variant yields its base recipe\'s finished units too, at its own cost', async () => {
    const { db, k, cake } = await bakery();
    const rich = createRecipe(db, { name: 'Rich layer cake', baseRecipeId: cake.id, ingredientLines: [{ ingredientId: k.butter.id, quantity: 1, unit: 'cup' }] });
    const c = costRecipe(db, { recipeId: rich.id });
    expect(c.finishedUnits.find((u) => u.finishedUnit.name === 'Cake slice')!.costPerUnit).toBeCloseTo(BUTTER_CUP / 8, 9);
  });
});

describe('the live preview of an unsaved recipe', () => {
  it('prices the lines as the editor holds them, for N batches, with the units the saved recipe yields', async () => {
    const { db, k, cake, frosting } = await bakery();
    const before = dbState(db);
    const draft = costRecipeDraft(db, {
      recipeId: cake.id,
      ingredientLines: [{ ingredientId: k.flour.id, quantity: 4, unit: 'cup' }, { ingredientId: k.eggs.id, quantity: 4, unit: 'each' }],
      subRecipes: [{ recipeId: frosting.id, batchMultiplier: 0.5 }],
      batches: 3,
    });
    expect(draft.cost).toBeCloseTo(3 * (CAKE_BATCH + FLOUR_CUP), 9);
    expect(draft.costPerBatch).toBeCloseTo(CAKE_BATCH + FLOUR_CUP, 9);
    expect(draft.breakdown.lines[0]).toMatchObject({ quantity: 12, unit: 'cup' });
    expect(draft.finishedUnits.find((u) => u.finishedUnit.name === 'Cake slice')!.costPerUnit).toBeCloseTo((CAKE_BATCH + FLOUR_CUP) / 8, 9);
    expect(dbState(db)).toEqual(before);
  });

  it('a new recipe has no finished units yet; a loop or a bad line is refused as saving would refuse it', async () => {
    const { db, k, cake, frosting } = await bakery();
    const fresh = costRecipeDraft(db, { name: 'Shortbread', ingredientLines: [{ ingredientId: k.butter.id, quantity: 1, unit: 'cup' }] });
    expect(fresh).toMatchObject({ recipe: { name: 'Shortbread' }, finishedUnits: [] });
    expect(fresh.cost).toBeCloseTo(BUTTER_CUP, 9);
    expect(refused(db, () => costRecipeDraft(db, { recipeId: frosting.id, subRecipes: [{ recipeId: cake.id, batchMultiplier: 1 }] })).details.loop).toEqual(['Frosting', 'Layer cake', 'Frosting']);
    expect(refused(db, () => costRecipeDraft(db, { ingredientLines: [{ ingredientId: k.flour.id, quantity: -2, unit: 'cup' }] })).details.field).toBe('ingredientLines[0].quantity');
  });

  it("the editor's preview gives each line's fix beside the draft's cost: cups of brown sugar (bought by the pound, no density) are flagged, unknown", async () => {
    const { db, k } = await bakery();
    const before = dbState(db);
    const preview = previewRecipeDraft(db, {
      name: 'Blondies',
      ingredientLines: [{ ingredientId: k.flour.id, quantity: 2, unit: 'cup' }, { ingredientId: k.brownSugar.id, quantity: 1, unit: 'cup' }, { ingredientId: k.brownSugar.id, quantity: 4, unit: 'oz' }],
    });
    expect(preview.lineFlags).toEqual([
      null,
      { code: 'MISSING_DENSITY', needs: 'density', message: 'Set a density for Brown sugar to convert cup to lb.', ingredientId: k.brownSugar.id },
      null,
    ]);
    expect(preview.cost).toBeNull();
    expect(preview.unknown).toEqual([{ item: 'Brown sugar', reason: 'Set a density for Brown sugar to convert cup to lb.' }]);
    expect(dbState(db)).toEqual(before);
    // A draft that cannot be checked has no preview: the same refusal as saving.
    expect(refused(db, () => previewRecipeDraft(db, { ingredientLines: [{ ingredientId: k.flour.id, quantity: 1, unit: 'pinch' }] })).details.field).toBe('ingredientLines[0].unit');
  });
});

describe('good costs: recursive, packaging included, unknown kept', () => {
  async function giftShop() {
    const s = await bakery();
    const { db, k, slice } = s;
    const cookies = createRecipe(db, { name: 'Sugar cookies', ingredientLines: [{ ingredientId: k.flour.id, quantity: 3, unit: 'cup' }, { ingredientId: k.sugar.id, quantity: 1, unit: 'cup' }] });
    const cookie = createFinishedUnit(db, { recipeId: cookies.id, name: 'Sugar cookie', yieldMode: 'discrete', itemsPerBatch: 48 });
    const tins = createMaterial(db, { name: 'Cookie tin', baseMeasure: 'each' });
    const ribbon = createMaterial(db, { name: 'Ribbon', baseMeasure: 'length' });
    const tinPack = createMaterialProduct(db, { materialId: tins.id, name: 'Tins 12 pack', packageQuantity: 12, packageUnit: 'each' });
    const spool = createMaterialProduct(db, { materialId: ribbon.id, name: 'Ribbon 100 ft', packageQuantity: 100, packageUnit: 'ft' });
    recordMaterialPurchase(db, { materialProductId: tinPack.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 24 });
    recordMaterialPurchase(db, { materialProductId: spool.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 6.096 });
    const tin = createMaterialUnit(db, { materialId: tins.id, name: 'one tin', quantity: 1, unit: 'each' });
    const bow = createMaterialUnit(db, { materialId: ribbon.id, name: 'one 18 in bow', quantity: 18, unit: 'in' });
    const cookieTin = createGood(db, { name: 'Cookie tin', lines: [{ kind: 'unit', finishedUnitId: cookie.id, quantity: 6 }, { kind: 'material', materialUnitId: tin.id, materialProductId: tinPack.id, quantity: 1 }] });
    const gift = createGood(db, {
      name: 'Gift box',
      lines: [
        { kind: 'unit', finishedUnitId: slice.id, quantity: 2 },
        { kind: 'good', goodId: cookieTin.id, quantity: 1 },
        { kind: 'material', materialUnitId: bow.id, quantity: 1 },
      ],
    });
    return { ...s, cookie, cookieTin, gift, tins, ribbon, tinPack };
  }

  const COOKIE = (3 * FLOUR_CUP + SUGAR_CUP) / 48;
  const TIN = 24 / 12;
  // A price is at full precision (only ledger rows round to 4 decimals): 45.72 cm at 0.002/cm is 0.09144.
  const BOW = 45.72 * (6.096 / 3048);

  it('a gift box = 2 cake slices + a cookie tin (6 cookies + a tin) + a bow, each part at its price', async () => {
    const { db, gift } = await giftShop();
    const c = costGood(db, { goodId: gift.id });
    const expected = 2 * (CAKE_BATCH / 8) + (6 * COOKIE + TIN) + BOW;
    expect(c.cost).toBeCloseTo(expected, 9);
    expect(c.costPerGood).toBeCloseTo(expected, 9);
    const lines = c.breakdown.lines;
    expect(lines.map((l) => [l.kind, l.name, l.count])).toEqual([['unit', 'Cake slice', 2], ['good', 'Cookie tin', 1], ['material', 'one 18 in bow', 1]]);
    expect(lines[0]!.each.cost).toBeCloseTo(CAKE_BATCH / 8, 9);
    expect(lines[2]).toMatchObject({ generic: true });
    expect(lines[2]!.cost).toBeCloseTo(BOW, 12);
    const nested = lines[1]!;
    expect(nested.kind === 'good' && nested.node.lines.map((l) => [l.name, l.count])).toEqual([['Sugar cookie', 6], ['one tin', 1]]);
    expect(nested.cost).toBeCloseTo(6 * COOKIE + TIN, 9);
    expect(c.cost).toBeCloseTo(lines.reduce((s, l) => s + l.cost!, 0), 12);
  });

  it('the builder prices unsaved lines: the gift box with a second bow costs one bow more', async () => {
    const { db, gift } = await giftShop();
    const lines = gift.lines.map((l) =>
      l.kind === 'unit'
        ? { kind: 'unit' as const, finishedUnitId: l.finishedUnit.id, quantity: l.quantity }
        : l.kind === 'good'
          ? { kind: 'good' as const, goodId: l.good.id, quantity: l.quantity }
          : { kind: 'material' as const, materialUnitId: l.materialUnit.id, quantity: 2 },
    );
    const before = dbState(db);
    const draft = costGoodDraft(db, { goodId: gift.id, lines });
    expect(draft.cost).toBeCloseTo(2 * (CAKE_BATCH / 8) + 6 * COOKIE + TIN + 2 * 45.72 * 0.002, 9);
    expect(draft.breakdown.good.name).toBe('Gift box');
    expect(dbState(db)).toEqual(before);
  });

  it('40 boxes: forty of every part, the 40 bows (1828.8 cm) priced together as one draw', async () => {
    const { db, gift } = await giftShop();
    const forty = costGood(db, { goodId: gift.id, quantity: 40 });
    expect(forty.cost).toBeCloseTo(40 * (2 * (CAKE_BATCH / 8) + 6 * COOKIE + TIN) + 1828.8 * 0.002, 9);
    expect(forty.breakdown.lines.map((l) => l.count)).toEqual([80, 40, 40]);
    expect(forty.costPerGood).toBeCloseTo(forty.cost! / 40, 12);
  });

  it('unknown stays unknown: a gift tag with no price makes the tagged box unknown, naming the tag, while the box inside keeps its cost; a 13th tin is priced at the latest purchase', async () => {
    const { db, gift, tins } = await giftShop();
    const bare = createMaterialUnit(db, { materialId: createMaterial(db, { name: 'Gift tag', baseMeasure: 'each' }).id, name: 'one tag', quantity: 1, unit: 'each' });
    const tagged = createGood(db, { name: 'Tagged box', lines: [{ kind: 'good', goodId: gift.id, quantity: 1 }, { kind: 'material', materialUnitId: bare.id, quantity: 1 }] });
    const c = costGood(db, { goodId: tagged.id });
    expect(c.cost).toBeNull();
    expect(c.unknown).toEqual([{ item: 'Gift tag', reason: 'No price for Gift tag: Gift tag has no priced lot and no purchase. Record a material purchase.' }]);
    expect(c.breakdown.lines[0]!.cost).not.toBeNull();
    const priced = priceMaterial(db, { materialId: tins.id, quantity: 13 });
    // 12 tins from the lot at 2.00, the 13th at the latest purchase price.
    expect(priced).toMatchObject({ cost: 26, sources: { lots: 12, latestPurchase: 1 } });
  });
});
