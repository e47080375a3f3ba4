/**
 * The catalog of a snapshot: suppliers, the ingredient tree (with densities
 * and weights per each) and products, read, checked with the catalog's own
 * rules (unique names, three levels at most, products and lines only on
 * leaves, one label per ingredient, package units an ingredient's measures
 * can convert, one preferred product per ingredient) and written through
 * the catalog's row functions.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { productLabel } from '../../domain/labels';
import { MAX_PACKAGE_QUANTITY } from '../../domain/limits';
import { MAX_INGREDIENT_LEVEL } from '../../domain/ingredient-tree-rules';
import { densityOf, eachWeightOf, type MeasureColumns } from '../../domain/ingredient-measures';
import { TEXT_LIMITS, type Fields } from '../../domain/snapshot-fields';
import {
  INGREDIENT_DIMENSIONS,
  UnitConversionError,
  baseRatio,
  dimensionOf,
  requireUnit,
  type Density,
  type Dimension,
  type EachWeight,
  type Unit,
} from '../../domain/units';
import { nameKey } from '../../domain/validate';
import { insertIngredientRow } from '../catalog/ingredient-rows';
import { insertProductRow } from '../catalog/product-rows';
import { insertSupplierRow, type SupplierKind } from '../catalog/supplier-rows';
import { Names } from './names';
import { check, created, labelOf, readItems, refId, type Item, type Ref, type RecordList } from '../../domain/snapshot-plan';
import { Keys, type PlanContext } from './plan';

interface Stamped {
  createdAt: string;
  updatedAt: string;
}

export interface SupplierDraft extends Stamped {
  slug: string;
  name: string;
  kind: SupplierKind;
  location: string;
  active: boolean;
  notes: string;
}

export interface IngredientDraft extends Stamped {
  slug: string;
  name: string;
  parent: string | null;
  density: Density | null;
  eachWeight: EachWeight | null;
  notes: string;
}

export interface ProductDraft extends Stamped {
  slug: string;
  ingredient: string;
  brand: string;
  name: string;
  packageQuantity: number;
  packageUnit: Unit;
  packageType: string;
  gtin: string | null;
  preferred: boolean;
  hidden: boolean;
  supplier: string | null;
  notes: string;
}

function readSupplier(f: Fields, now: string): SupplierDraft {
  const name = f.name();
  return f.stamped({
    slug: f.slug('slug', name),
    name,
    kind: f.choice('kind', ['physical', 'online'] as const, 'physical'),
    location: f.text('location', { max: TEXT_LIMITS.short }),
    active: f.bool('active', true),
    notes: f.text('notes'),
    createdAt: now,
    updatedAt: now,
  }, now);
}

function readDensity(f: Fields): Density | null {
  const d = f.object('density');
  if (!d) return null;
  const volumeUnit = d.unit('volume_unit');
  const weightUnit = d.unit('weight_unit');
  if (dimensionOf(volumeUnit) !== 'volume') throw d.problem('volume_unit', `${volumeUnit} is not a volume (cup, ml, tbsp…).`);
  if (dimensionOf(weightUnit) !== 'weight') throw d.problem('weight_unit', `${weightUnit} is not a weight (g, oz, lb…).`);
  const density = { volumeQty: d.requiredNumber('volume_quantity', { min: 'positive' }), volumeUnit, weightQty: d.requiredNumber('weight_quantity', { min: 'positive' }), weightUnit };
  d.done();
  return density;
}

function readEachWeight(f: Fields): EachWeight | null {
  const e = f.object('weight_per_each');
  if (!e) return null;
  const qty = e.requiredNumber('quantity', { min: 'positive' });
  const unit = e.unit('unit');
  if (dimensionOf(unit) !== 'weight') throw e.problem('unit', `A weight per each is a weight (g, oz…), not ${unit}.`);
  e.done();
  return { qty, unit };
}

function readIngredient(f: Fields, now: string): IngredientDraft {
  const name = f.name();
  return f.stamped({
    slug: f.slug('slug', name),
    name,
    parent: f.ref('parent', false),
    density: readDensity(f),
    eachWeight: readEachWeight(f),
    notes: f.text('notes'),
    createdAt: now,
    updatedAt: now,
  }, now);
}

function readProduct(f: Fields, now: string): ProductDraft {
  const name = f.name();
  const brand = f.text('brand', { max: TEXT_LIMITS.name });
  const packageUnit = f.unit('package_unit');
  if (!INGREDIENT_DIMENSIONS.includes(dimensionOf(packageUnit))) {
    throw f.problem('package_unit', `${packageUnit} measures packaging; an ingredient's package is a weight, a volume or a count.`);
  }
  const gtin = f.optionalText('gtin', 20)?.replace(/[\s-]/g, '') ?? null;
  if (gtin !== null && !/^\d{6,14}$/.test(gtin)) throw f.problem('gtin', 'A barcode (GTIN/UPC) is 6 to 14 digits.');
  return f.stamped({
    slug: f.slug('slug', `${brand} ${name}`),
    ingredient: f.ref('ingredient', true),
    brand,
    name,
    packageQuantity: f.requiredNumber('package_quantity', { min: 'positive', max: MAX_PACKAGE_QUANTITY }),
    packageUnit,
    packageType: f.text('package_type', { max: 50 }),
    gtin,
    preferred: f.bool('preferred', false),
    hidden: f.bool('hidden', false),
    supplier: f.ref('supplier', false),
    notes: f.text('notes'),
    createdAt: now,
    updatedAt: now,
  }, now);
}

export interface CatalogPlan {
  suppliers: Item<SupplierDraft>[];
  ingredients: Item<IngredientDraft>[];
  products: Item<ProductDraft>[];
  keys: { suppliers: Keys<SupplierDraft>; ingredients: Keys<IngredientDraft>; products: Keys<ProductDraft> };
  /** Each product's package unit and size (file and database), for the lots bought of it. */
  packageUnit(ref: Ref<ProductDraft>): Unit;
  packageQuantity(ref: Ref<ProductDraft>): number;
  /** Each product's ingredient: a file record's slug, or a database row's id. */
  ingredientOf(ref: Ref<ProductDraft>): Ref<IngredientDraft>;
  /** Whether an ingredient has sub-ingredients (in the file or the database): a group, which takes no products or recipe lines. */
  isGroup(slug: string): boolean;
}

/** Reads the catalog's records and claims their slugs; references are checked by `checkCatalog`, once every section is read. */
export function readCatalog(db: Database, ctx: PlanContext, file: Record<string, RecordList>, tx?: Tx): CatalogPlan {
  return withTransaction(db, tx, () => {
    const { t } = ctx;
    const keys = {
      suppliers: Keys.fromTable<SupplierDraft>('supplier', t, 'suppliers'),
      ingredients: Keys.fromTable<IngredientDraft>('ingredient', t, 'ingredients'),
      products: Keys.fromTable<ProductDraft>('product', t, 'products'),
    };
    const suppliers = readItems(ctx.tick, file.suppliers!, 'suppliers', 'supplier', (f) => readSupplier(f, ctx.now), labelOf('name', 'slug'));
    const ingredients = readItems(ctx.tick, file.ingredients!, 'ingredients', 'ingredient', (f) => readIngredient(f, ctx.now), labelOf('name', 'slug'));
    const products = readItems(ctx.tick, file.products!, 'products', 'product', (f) => readProduct(f, ctx.now), labelOf('name', 'slug'));
    keys.suppliers.claimSlugs(suppliers, (r) => r.slug);
    keys.ingredients.claimSlugs(ingredients, (r) => r.slug);
    keys.products.claimSlugs(products, (r) => r.slug);

    const fileParents = new Set(ingredients.flatMap((i) => (i.record?.parent ? [i.record.parent] : [])));
    const dbParents = new Set(
      t.all<{ slug: string }>('SELECT DISTINCT p.slug FROM ingredients i JOIN ingredients p ON p.id = i.parent_id').map((r) => r.slug),
    );
    const dbUnits = new Map(
      t.all<{ id: number; package_unit: string; package_quantity: number; ingredient_id: number }>('SELECT id, package_unit, package_quantity, ingredient_id FROM products').map((r) => [r.id, r]),
    );
    return {
      suppliers,
      ingredients,
      products,
      keys,
      packageUnit: (ref) => (ref.kind === 'file' ? ref.item.record!.packageUnit : requireUnit(dbUnits.get(ref.id)!.package_unit)),
      isGroup: (slug) => fileParents.has(slug) || dbParents.has(slug),
      packageQuantity: (ref) => (ref.kind === 'file' ? ref.item.record!.packageQuantity : dbUnits.get(ref.id)!.package_quantity),
      ingredientOf: (ref) => (ref.kind === 'file' ? keys.ingredients.resolve(ref.item.record!.ingredient, `${ref.item.path}.ingredient`) : { kind: 'db', id: dbUnits.get(ref.id)!.ingredient_id }),
    };
  });
}

interface IngredientFacts extends MeasureColumns {
  id: number;
  parent_id: number | null;
  level: number;
}

/** What uses each ingredient, for the rule that only an unused leaf may get sub-ingredients. */
export interface IngredientUse {
  /** Recipe lines of the file naming an ingredient, by slug. */
  fileLines: Set<string>;
}

/** Checks the catalog's references and rules; `lineIngredients` are the slugs the file's recipe lines use. */
export function checkCatalog(db: Database, ctx: PlanContext, plan: CatalogPlan, use: IngredientUse, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { t } = ctx;
    const dbIngredients = new Map(t.all<IngredientFacts>('SELECT * FROM ingredients').map((r) => [r.id, r]));
    const dbUsed = new Set(
      t.all<{ id: number }>('SELECT ingredient_id AS id FROM products UNION SELECT ingredient_id FROM lots UNION SELECT ingredient_id FROM recipe_ingredients').map((r) => r.id),
    );
    const { keys } = plan;

    const supplierNames = Names.fromTable(t, 'suppliers', (n, where) => `There is already a supplier called ${n} (${where}).`);
    for (const item of created(plan.suppliers)) check(item, (r) => supplierNames.claim(r.name, item.path, 'name'));

    // The tree: parents resolve, no loops, three levels at most, parents are not in use as leaves.
    const fileProducts = new Set(created(plan.products).map((p) => p.record!.ingredient));
    const ingredientNames = Names.fromTable(t, 'ingredients', (n, where) => `There is already an ingredient called ${n} (${where}).`);
    const levelOf = (slug: string, seen: string[]): number => {
      const ref = keys.ingredients.resolve(slug, '');
      if (ref.kind === 'db') return dbIngredients.get(ref.id)!.level;
      const parent = ref.item.record!.parent;
      if (parent === null) return 0;
      if (seen.includes(parent)) throw new RecordProblem('', `${[...seen, parent].join(' -> ')}: an ingredient cannot sit under itself.`);
      return levelOf(parent, [...seen, parent]) + 1;
    };
    for (const item of created(plan.ingredients)) {
      check(item, (r) => {
        ingredientNames.claim(r.name, item.path, 'name');
        if (r.parent === null) return;
        const parent = keys.ingredients.resolve(r.parent, `${item.path}.parent`);
        try {
          if (levelOf(r.slug, [r.slug]) > MAX_INGREDIENT_LEVEL) {
            throw new RecordProblem('', `${r.name} would be below the third level: the ingredient tree has at most three levels (category > group > ingredient).`);
          }
        } catch (e) {
          if (e instanceof RecordProblem) throw new RecordProblem(`${item.path}.parent`, e.message);
          throw e;
        }
        const inUse = parent.kind === 'db' ? dbUsed.has(parent.id) : fileProducts.has(r.parent) || use.fileLines.has(r.parent);
        if (inUse) throw new RecordProblem(`${item.path}.parent`, `"${r.parent}" has products, lots or recipe lines, so it must stay a specific ingredient and cannot have sub-ingredients.`);
      });
    }

    // Products: on leaves, one label per ingredient, units the ingredient can convert, one preferred each.
    const labels = Names.fromRows(
      t.all<{ brand: string; name: string; scope: number }>('SELECT ingredient_id AS scope, brand, name FROM products').map((r) => ({ name: productLabel(r.brand, r.name), scope: r.scope, key: labelKey(r.brand, r.name) })),
      (n, where) => `There is already a product ${n} of this ingredient (${where}).`,
    );
    const dimensions = new Map<string, { dimension: Dimension; unit: Unit }[]>();
    for (const r of t.all<{ ingredient_id: number; package_unit: string }>('SELECT ingredient_id, package_unit FROM products UNION SELECT l.ingredient_id, p.package_unit FROM lots l JOIN products p ON p.id = l.product_id')) {
      const key = `db:${r.ingredient_id}`;
      const unit = requireUnit(r.package_unit);
      dimensions.set(key, [...(dimensions.get(key) ?? []), { dimension: dimensionOf(unit), unit }]);
    }
    const preferredTaken = new Map(
      t.all<{ ingredient_id: number; slug: string }>('SELECT ingredient_id, slug FROM products WHERE preferred = 1').map((r) => [`db:${r.ingredient_id}`, `"${r.slug}" in the database`]),
    );
    for (const item of created(plan.products)) {
      check(item, (r) => {
        const ingredient = keys.ingredients.resolve(r.ingredient, `${item.path}.ingredient`);
        if (plan.isGroup(r.ingredient)) {
          throw new RecordProblem(`${item.path}.ingredient`, `"${r.ingredient}" is a group of ingredients; a product can only be of a specific ingredient with no sub-ingredients.`);
        }
        if (r.supplier !== null) keys.suppliers.resolve(r.supplier, `${item.path}.supplier`);
        const scope = ingredient.kind === 'db' ? `db:${ingredient.id}` : `file:${r.ingredient}`;
        labels.claim(productLabel(r.brand, r.name), item.path, 'name', ingredient.kind === 'db' ? ingredient.id : scope, labelKey(r.brand, r.name));
        const measures = ingredient.kind === 'db' ? dbIngredients.get(ingredient.id)! : null;
        const ctxOf = measures
          ? { ingredient: measures.name, density: densityOf(measures), eachWeight: eachWeightOf(measures) }
          : { ingredient: ingredient.kind === 'file' ? ingredient.item.record!.name : r.ingredient, density: (ingredient as { item: Item<IngredientDraft> }).item.record!.density, eachWeight: (ingredient as { item: Item<IngredientDraft> }).item.record!.eachWeight };
        const mine = { dimension: dimensionOf(r.packageUnit), unit: r.packageUnit };
        for (const other of dimensions.get(scope) ?? []) {
          try {
            baseRatio(other.dimension, mine.dimension, ctxOf, other.unit, mine.unit);
          } catch (e) {
            if (!(e instanceof UnitConversionError)) throw e;
            const needs = e.details.needs === 'eachWeight' ? 'weight per each' : 'density';
            throw new RecordProblem(`${item.path}.package_unit`, `${ctxOf.ingredient} has no ${needs} to relate ${mine.unit} to the ${other.unit} of its other products: give it one, or buy it by the ${other.unit}.`);
          }
        }
        dimensions.set(scope, [...(dimensions.get(scope) ?? []), mine]);
        if (r.preferred) {
          const first = preferredTaken.get(scope);
          if (first) throw new RecordProblem(`${item.path}.preferred`, `An ingredient has one preferred product, and ${first} already is: set "preferred": false on one of them.`);
          preferredTaken.set(scope, item.path);
        }
      });
    }
  });
}

/** Brand and name read together as on the shelf, ignoring case, spacing and the kind of apostrophe (as the product services compare them). */
function labelKey(brand: string, name: string): string {
  return nameKey(productLabel(nameKey(brand), nameKey(name))).replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** Writes the catalog's created records, parents before their sub-ingredients. */
export function applyCatalog(db: Database, ctx: PlanContext, plan: CatalogPlan, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { db, t } = ctx;
    for (const item of created(plan.suppliers)) {
      item.result = { outcome: 'created', id: insertSupplierRow(db, item.record!, t) };
      ctx.tick();
    }
    const pending = created(plan.ingredients);
    const levels = new Map<string, number>();
    const level = (slug: string): number => {
      const known = levels.get(slug);
      if (known !== undefined) return known;
      const ref = plan.keys.ingredients.resolve(slug, '');
      const value = ref.kind === 'db' ? t.get<{ level: number }>('SELECT level FROM ingredients WHERE id = ?', [ref.id])!.level : ref.item.record!.parent === null ? 0 : level(ref.item.record!.parent) + 1;
      levels.set(slug, value);
      return value;
    };
    pending.sort((a, b) => level(a.record!.slug) - level(b.record!.slug) || a.index - b.index);
    for (const item of pending) {
      const r = item.record!;
      const parentId = r.parent === null ? null : refId(plan.keys.ingredients.resolve(r.parent, ''));
      item.result = { outcome: 'created', id: insertIngredientRow(db, { ...r, parentId, level: level(r.slug) }, t) };
      ctx.tick();
    }
    for (const item of created(plan.products)) {
      const r = item.record!;
      const ingredientId = refId(plan.keys.ingredients.resolve(r.ingredient, ''));
      const supplierId = r.supplier === null ? null : refId(plan.keys.suppliers.resolve(r.supplier, ''));
      item.result = { outcome: 'created', id: insertProductRow(db, { ...r, ingredientId, supplierId }, t) };
      ctx.tick();
    }
  });
}
