/**
 * An event's shopping list (domain.md, "Shopping list"; domain-rules.md):
 * for the batches not yet baked, per ingredient the need (aggregated in one
 * unit, the plan's way), what is on hand over all its lots (converted
 * through density), what to buy = max(0, need - on hand), rounded up to
 * whole packages (package-choice.ts) with their estimated cost and what is
 * left over; and the packaging for the goods not yet assembled, likewise.
 * Each item says where it is bought (the supplier of the product to buy,
 * else of the latest purchase) and its aisle (the ingredient's category, the
 * material's), and whether it was ticked off. Reads only, inside the caller's
 * transaction: every read, the event's included, gets the handle.
 *
 * The need follows the plan as it stands now (readPlanInputs, the same rows
 * the event's workspace shows), so the list and the plan never disagree.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { dateOf, isIsoDate } from '../../domain/dates';
import { explode, goodsLeftToAssemble, type GoodDefinition } from '../../domain/explosion';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { productLabel } from '../../domain/labels';
import { measureBaseUnit } from '../../domain/material-measures';
import { compareNames } from '../../domain/name-order';
import { nextEvent } from '../../domain/next-event';
import { ledgerAmount } from '../../domain/money';
import { amountToBuy, choosePackages, type PackageOption, type PackageRule } from '../../domain/package-choice';
import { PLAN_STATE_LABELS, planChangeBlockedBy, type PlanState } from '../../domain/plan-states';
import { flattenRecipe } from '../../domain/recipe-flatten';
import { groupShoppingItems, isShoppingGrouping, type ShoppingGroup, type ShoppingGrouping } from '../../domain/shopping-groups';
import { BASE_UNIT, UnitConversionError, conversionFactor, parseUnit, toBase, type Unit } from '../../domain/units';
import { positiveId } from '../../domain/validate';
import { validationError } from '../../errors';
import type { IngredientRow } from '../catalog/ingredient-rows';
import { goodDefinitions } from '../goods/good-rows';
import { loadMaterial } from '../materials/material-rows';
import type { StockedLotRow } from '../pantry/lots';
import { recipeDefinitions } from '../recipes/recipe-rows';
import { listEvents, type EventSummary, type Permission } from './events';
import { aggregateIngredients, type NeedLine } from './ingredient-needs';
import { eventGoodsInStock, producedBatchesByUnit } from './made-so-far';
import { readPlanInputs } from './plan-inputs';

export interface ShoppingPackage {
  productId: number;
  /** The product as the baker knows it: "King Arthur Flour 25 lb". */
  product: string;
  packageQuantity: number;
  packageUnit: string;
  count: number;
  /** Per package, its latest purchase price; null when never bought. */
  price: number | null;
  /** count x price (4 decimals); null when unknown. */
  cost: number | null;
}

/** How the packages were chosen; 'assigned': the product a good's packaging line names. */
export type ShoppingRule = PackageRule | 'assigned';

export interface ShoppingItem {
  kind: 'ingredient' | 'material';
  /** The ingredient's or material's id. */
  id: number;
  slug: string;
  name: string;
  /** For the batches (goods) still to make, in `unit`. */
  need: number;
  onHand: number;
  toBuy: number;
  unit: Unit;
  packages: ShoppingPackage[];
  /** What the packages hold beyond `toBuy`, in `unit`. */
  leftover: number;
  /** The packages' estimated cost; 0 when nothing is to be bought; null when unknown. */
  cost: number | null;
  rule: ShoppingRule;
  /** What the figures leave out, with the fix (lots that do not convert, no product, no price). */
  notes: string[];
  supplier: { id: number; name: string } | null;
  aisle: string;
  ticked: boolean;
  tickedAt: string | null;
}

export interface ShoppingList {
  event: { id: number; slug: string; name: string; date: string | null; state: PlanState; stateLabel: string; shoppingDoneAt: string | null };
  /** Ingredients, by name. */
  items: ShoppingItem[];
  /** Packaging materials, by slug (the plan's order). */
  materials: ShoppingItem[];
  /** Sum of the items' costs; null when an item to buy has no price. */
  estimatedCost: number | null;
  /** Items to buy whose cost is unknown, by name. */
  unpriced: string[];
  /** How many items are to be bought, and how many of those are ticked. */
  toBuyCount: number;
  tickedCount: number;
  groupBy: ShoppingGrouping;
  /** The items to buy (ingredients and materials) laid out for the trip. */
  groups: ShoppingGroup<ShoppingItem>[];
  /** The items there is enough of already, by name. */
  inStock: ShoppingItem[];
  /** Ticking and marking done: allowed until the plan is completed. */
  may: { shop: Permission };
}

export interface ShoppingListRequest {
  eventId: number;
  /** How `groups` is laid out; by supplier when left out. */
  groupBy?: ShoppingGrouping;
}

interface ProductRow {
  id: number;
  brand: string;
  name: string;
  package_unit: string;
  package_quantity: number;
  preferred: number;
  supplier_id: number | null;
  supplier_name: string | null;
  price: number | null;
}

type Option = PackageOption & { row: ProductRow };

/** Latest price per package: the newest purchase of the product (by date, then id). */
const productSelect = (products: string, purchases: string, productColumn: string) => `
  SELECT p.id, p.brand, p.name, p.package_unit, p.package_quantity, p.preferred, p.supplier_id, s.name AS supplier_name,
    (SELECT pu.price_per_package FROM ${purchases} pu WHERE pu.${productColumn} = p.id ORDER BY pu.purchased_on DESC, pu.id DESC LIMIT 1) AS price
  FROM ${products} p LEFT JOIN suppliers s ON s.id = p.supplier_id`;

/** Every listed ingredient's products in one read (ingredient, then product order). */
const INGREDIENTS_PRODUCTS = `SELECT r.*, p.ingredient_id FROM (${productSelect('products', 'purchases', 'product_id')}) r JOIN products p ON p.id = r.id
  WHERE p.ingredient_id IN (SELECT value FROM json_each(?)) AND p.hidden = 0 ORDER BY p.ingredient_id, p.id`;
const MATERIAL_PRODUCTS = `${productSelect('material_products', 'material_purchases', 'material_product_id')} WHERE p.material_id = ? AND p.hidden = 0 ORDER BY p.id`;
const MATERIAL_PRODUCT = `${productSelect('material_products', 'material_purchases', 'material_product_id')} WHERE p.id = ?`;

type Supplier = { id: number; name: string };

/** The supplier of the newest purchase of any product of the material: where the baker last bought it. */
function lastMaterialSupplier(t: Tx, id: number): Supplier | null {
  const sql = `SELECT s.id, s.name FROM material_purchases pu JOIN material_products p ON p.id = pu.material_product_id JOIN suppliers s ON s.id = pu.supplier_id
     WHERE p.material_id = ? ORDER BY pu.purchased_on DESC, pu.id DESC LIMIT 1`;
  return t.get<Supplier>(sql, [id]) ?? null;
}

/** The same for many ingredients in one read: per ingredient, the supplier of its newest purchase that names one. */
function lastIngredientSuppliers(t: Tx, ids: readonly number[]): Map<number, Supplier> {
  const rows = t.all<Supplier & { ingredient_id: number }>(
    `SELECT j.value AS ingredient_id, s.id, s.name FROM json_each(?) j
     JOIN suppliers s ON s.id = (
       SELECT pu.supplier_id FROM purchases pu JOIN products p ON p.id = pu.product_id JOIN suppliers s2 ON s2.id = pu.supplier_id
       WHERE p.ingredient_id = j.value ORDER BY pu.purchased_on DESC, pu.id DESC LIMIT 1)`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.ingredient_id, { id: r.id, name: r.name }]));
}

interface Figures {
  need: number;
  onHand: number;
  unit: Unit;
  options: Option[];
  rule?: 'assigned';
  notes: string[];
}

/** Rounds to packages, prices them and says what is missing; the part shared by ingredients and materials. */
function finishItem(kind: ShoppingItem['kind'], ref: { id: number; slug: string; name: string; aisle: string }, f: Figures, tick: string | undefined, lastSupplier: () => Supplier | null): ShoppingItem {
  const toBuy = amountToBuy(f.need, f.onHand);
  const choice = choosePackages(toBuy, f.options);
  const notes = [...f.notes];
  if (toBuy > 0 && f.options.length === 0) {
    notes.push(kind === 'ingredient' ? `No product of ${ref.name} can be bought by the ${f.unit}: add one in the pantry to buy it by the package.` : `${ref.name} has no product to buy: add one.`);
  } else if (toBuy > 0 && choice.cost === null) {
    notes.push(`No price for ${ref.name}'s ${choice.rule === 'preferred' ? 'preferred product' : 'products'}: record a purchase to price it.`);
  }
  const packages = choice.packages.map((p) => ({
    productId: p.option.row.id,
    product: productLabel(p.option.row.brand, p.option.row.name),
    packageQuantity: p.option.row.package_quantity,
    packageUnit: p.option.row.package_unit,
    count: p.count,
    price: p.option.price,
    cost: p.cost === null ? null : ledgerAmount(p.cost),
  }));
  const first = choice.packages[0]?.option.row;
  const supplier = first?.supplier_id != null ? { id: first.supplier_id, name: first.supplier_name! } : lastSupplier();
  return {
    kind,
    id: ref.id,
    slug: ref.slug,
    name: ref.name,
    need: f.need,
    onHand: f.onHand,
    toBuy,
    unit: f.unit,
    packages,
    leftover: choice.leftover,
    cost: choice.cost === null ? null : ledgerAmount(choice.cost),
    rule: f.rule && choice.rule !== 'none' ? f.rule : choice.rule,
    notes,
    supplier,
    aisle: ref.aisle,
    ticked: tick !== undefined,
    tickedAt: tick ?? null,
  };
}

/** On hand over all lots in `unit`; lots that cannot be converted (no density) are left out and said. */
function ingredientOnHand(lots: readonly OnHandLot[], unit: Unit, name: string, ctx: ReturnType<typeof conversionContextOf>) {
  let quantity = 0;
  let uncounted = 0;
  let reason = '';
  for (const lot of lots) {
    try {
      quantity += lot.quantity_remaining * conversionFactor(BASE_UNIT[lot.dimension], unit, ctx);
    } catch (e) {
      if (!(e instanceof UnitConversionError)) throw e;
      uncounted++;
      reason = e.message;
    }
  }
  const notes = uncounted > 0 ? [`${uncounted} lot${uncounted === 1 ? '' : 's'} of ${name} not counted as on hand: ${reason}`] : [];
  return { quantity, notes };
}

type OnHandLot = Pick<StockedLotRow, 'dimension' | 'quantity_remaining'>;

/**
 * What the listed ingredients are, hold and can be bought as, each in one
 * read for all of them (not four small reads per ingredient): their rows,
 * stocked lots (FIFO order, so on-hand sums in the same order as ever),
 * products with latest prices, aisles (the top of each one's tree) and where
 * each was last bought.
 */
function ingredientFacts(t: Tx, ids: readonly number[]) {
  const json = JSON.stringify(ids);
  const perIngredient = <T>(rows: (T & { ingredient_id: number })[]) => {
    const by = new Map<number, T[]>(ids.map((id) => [id, []]));
    for (const r of rows) by.get(r.ingredient_id)!.push(r);
    return by;
  };
  const rows = new Map(t.all<IngredientRow>('SELECT * FROM ingredients WHERE id IN (SELECT value FROM json_each(?))', [json]).map((r) => [r.id, r]));
  const lots = perIngredient(
    t.all<OnHandLot & { ingredient_id: number }>(
      `SELECT ingredient_id, dimension, quantity_remaining FROM lots
       WHERE ingredient_id IN (SELECT value FROM json_each(?)) AND quantity_remaining > 0 ORDER BY ingredient_id, purchased_on, id`,
      [json],
    ),
  );
  const products = perIngredient(t.all<ProductRow & { ingredient_id: number }>(INGREDIENTS_PRODUCTS, [json]));
  // The aisle is the ingredient's top-level ancestor (ingredientPath's first step).
  const aisles = new Map(
    t
      .all<{ ingredient_id: number; name: string }>(
        `WITH RECURSIVE up(ingredient_id, id, parent_id, name) AS (
           SELECT i.id, a.id, a.parent_id, a.name FROM ingredients i JOIN ingredients a ON a.id = i.parent_id WHERE i.id IN (SELECT value FROM json_each(?))
           UNION ALL
           SELECT up.ingredient_id, a.id, a.parent_id, a.name FROM ingredients a JOIN up ON a.id = up.parent_id
         )
         SELECT ingredient_id, name FROM up WHERE parent_id IS NULL`,
        [json],
      )
      .map((r) => [r.ingredient_id, r.name]),
  );
  return { rows, lots, products, aisles, suppliers: lastIngredientSuppliers(t, ids) };
}

function ingredientItems(db: Database, t: Tx, lines: NeedLine[], ticks: Map<string, string>): ShoppingItem[] {
  const agg = aggregateIngredients(db, { lines, priced: false }, t);
  const facts = ingredientFacts(t, [...new Set(agg.rows.map((r) => r.ingredientId))]);
  const items = agg.rows.map((row) => {
    const ingredient = facts.rows.get(row.ingredientId)!;
    const ctx = conversionContextOf(ingredient);
    const stock = ingredientOnHand(facts.lots.get(ingredient.id)!, row.unit, ingredient.name, ctx);
    const options: Option[] = [];
    for (const p of facts.products.get(ingredient.id)!) {
      const unit = parseUnit(p.package_unit);
      if (!unit) continue;
      try {
        options.push({ id: p.id, size: p.package_quantity * conversionFactor(unit, row.unit, ctx), price: p.price, preferred: p.preferred === 1, row: p });
      } catch (e) {
        // A product sold by a measure the need cannot be converted to cannot cover it.
        if (!(e instanceof UnitConversionError)) throw e;
      }
    }
    return finishItem(
      'ingredient',
      { id: ingredient.id, slug: ingredient.slug, name: ingredient.name, aisle: facts.aisles.get(ingredient.id) ?? 'Other' },
      { need: row.quantity, onHand: stock.quantity, unit: row.unit, options, notes: row.reason ? [row.reason, ...stock.notes] : stock.notes },
      ticks.get(`i${ingredient.id}`),
      () => facts.suppliers.get(ingredient.id) ?? null,
    );
  });
  return items.sort((a, b) => compareNames(a.name, b.name) || a.unit.localeCompare(b.unit));
}

function materialOption(p: ProductRow): Option | null {
  const unit = parseUnit(p.package_unit);
  return unit ? { id: p.id, size: toBase(p.package_quantity, unit), price: p.price, preferred: p.preferred === 1, row: p } : null;
}

function materialItems(db: Database, t: Tx, needs: { materialId: number; materialProductId: number | null; quantity: number }[], ticks: Map<string, string>): ShoppingItem[] {
  const byMaterial = new Map<number, { quantity: number; products: Set<number | null> }>();
  for (const n of needs) {
    const m = byMaterial.get(n.materialId) ?? { quantity: 0, products: new Set() };
    m.quantity += n.quantity;
    m.products.add(n.materialProductId);
    byMaterial.set(n.materialId, m);
  }
  const items = [...byMaterial].map(([materialId, need]) => {
    const material = loadMaterial(db, materialId, t);
    const onHand = t.get<{ q: number }>('SELECT total(quantity_remaining) AS q FROM material_lots WHERE material_id = ?', [material.id])!.q;
    // Packaging lines that all name one product buy that product; otherwise the usual choice among the material's products.
    const only = need.products.size === 1 ? [...need.products][0] : null;
    const assigned = only != null ? t.get<ProductRow>(MATERIAL_PRODUCT, [only]) : undefined;
    const options = assigned
      ? [materialOption(assigned)].filter((o): o is Option => o !== null).map((o) => ({ ...o, preferred: true }))
      : t.all<ProductRow>(MATERIAL_PRODUCTS, [material.id]).map(materialOption).filter((o): o is Option => o !== null);
    return finishItem(
      'material',
      { id: material.id, slug: material.slug, name: material.name, aisle: material.category.trim() || 'Packaging' },
      { need: need.quantity, onHand, unit: measureBaseUnit(material.base_measure), options, notes: [], ...(assigned ? { rule: 'assigned' as const } : {}) },
      ticks.get(`m${material.id}`),
      () => lastMaterialSupplier(t, material.id),
    );
  });
  return items.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export function shoppingList(db: Database, request: ShoppingListRequest, tx?: Tx): ShoppingList {
  return withTransaction(db, tx, (t) => {
    const groupBy = request.groupBy ?? 'supplier';
    if (!isShoppingGrouping(groupBy)) throw validationError('groupBy', 'Group the list by supplier or by aisle.', { value: groupBy });
    const inputs = readPlanInputs(db, positiveId(request.eventId, 'eventId', 'event'), t);
    const event = inputs.event;
    const produced = producedBatchesByUnit(db, event.id, t);
    const ticks = new Map(
      t
        .all<{ ingredient_id: number | null; material_id: number | null; ticked_at: string }>('SELECT ingredient_id, material_id, ticked_at FROM shopping_ticks WHERE event_id = ?', [event.id])
        .map((r) => [r.ingredient_id !== null ? `i${r.ingredient_id}` : `m${r.material_id}`, r.ticked_at]),
    );

    // Batches not yet baked, per finished unit; rows come in recipe slug order, which decides the fallback unit.
    const defs = recipeDefinitions(db, [...new Set(inputs.rows.map((r) => r.recipeId))], t);
    const lines = inputs.rows.flatMap((row): NeedLine[] => {
      const remaining = Math.max(0, row.batches - (produced.get(row.finishedUnitId) ?? 0));
      return remaining > 0 ? flattenRecipe(defs, row.recipeId, remaining).map((l) => ({ ingredientId: l.ingredientId, quantity: l.quantity, unit: l.unit })) : [];
    });
    const items = ingredientItems(db, t, lines, ticks);

    // Goods not yet assembled, exploded into their packaging: each good's whole need (its own target and what its
    // parents still need of it) less the goods of it the event made and has not used yet, which carry their
    // packaging already. A good the event made that went into a parent is not counted again for its own target.
    const targets = inputs.goodTargets.map((g) => ({ goodId: g.goodId, quantity: g.quantity })).filter((g) => g.quantity > 0);
    const goods = goodDefinitions(db, targets.map((g) => g.goodId), t);
    const left = goodsLeftToAssemble(goods, targets, eventGoodsInStock(db, event.id, t));
    const ownPackaging = new Map<number, GoodDefinition>([...goods].map(([id, g]) => [id, { ...g, lines: g.lines.filter((l) => l.kind === 'material') }]));
    const exploded = explode(ownPackaging, [...left].filter(([, quantity]) => quantity > 0).map(([goodId, quantity]) => ({ goodId, quantity })));
    const materials = materialItems(db, t, exploded.materials.filter((m) => m.quantity > 0), ticks);

    const all = [...items, ...materials];
    const buying = all.filter((i) => i.toBuy > 0);
    const unpriced = buying.filter((i) => i.cost === null).map((i) => i.name);
    const blockedBy = planChangeBlockedBy(event.plan_state, 'shopping');
    return {
      event: {
        id: event.id,
        slug: event.slug,
        name: event.name,
        date: event.event_date,
        state: event.plan_state,
        stateLabel: PLAN_STATE_LABELS[event.plan_state],
        shoppingDoneAt: event.shopping_done_at,
      },
      items,
      materials,
      estimatedCost: unpriced.length > 0 ? null : ledgerAmount(buying.reduce((sum, i) => sum + i.cost!, 0)),
      unpriced,
      toBuyCount: buying.length,
      tickedCount: buying.filter((i) => i.ticked).length,
      groupBy,
      groups: groupShoppingItems(buying, groupBy),
      inStock: all.filter((i) => i.toBuy === 0).sort((a, b) => compareNames(a.name, b.name)),
      may: { shop: { allowed: blockedBy === null, blockedBy } },
    };
  });
}

export interface ShoppingEvents {
  /** Events whose plan is not completed, soonest first. */
  events: EventSummary[];
  /** The one the Shop tab opens on: the next to come (domain/next-event.ts); null when none is open. */
  nextId: number | null;
}

/** The events there is shopping for, and the one to open on. */
export function shoppingEvents(db: Database, request: { today?: string } = {}, tx?: Tx): ShoppingEvents {
  return withTransaction(db, tx, (t) => {
    const today = request.today ?? dateOf(t.now());
    if (!isIsoDate(today)) throw validationError('today', 'Today is a date like 2026-12-01.', { value: today });
    const events = listEvents(db, { includeCompleted: false }, t);
    return { events, nextId: nextEvent(events, today)?.id ?? null };
  });
}
