/**
 * Bake Planner's own file format: a JSON snapshot of the whole database
 * (docs/export-format.md is the reference; docs/export-format.schema.json
 * its JSON Schema). These types are the file as an export writes it: every
 * field present, references by natural key (a slug; a lot or a run by its
 * key), never an internal id. A file written by hand may leave out every
 * field the reference calls optional; the importer fills in the defaults.
 */

export const SNAPSHOT_FORMAT = 'bake-planner-snapshot';

/** The version of the format this app writes; older versions are migrated forward on import (snapshot-migrations.ts). */
export const SNAPSHOT_FORMAT_VERSION = 1;

/** ISO 8601 timestamp, as the database keeps them: 2026-11-26T12:00:00.000Z. */
export type Timestamp = string;
/** A calendar date: 2026-11-26. */
export type DateText = string;

export interface Stamps {
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SnapshotSettings {
  /** ISO 4217 code money is shown in; null when the baker never chose one. */
  currency: string | null;
}

export interface SupplierRecord extends Stamps {
  slug: string;
  name: string;
  kind: 'physical' | 'online';
  location: string;
  active: boolean;
  notes: string;
}

export interface DensityRecord {
  volume_quantity: number;
  volume_unit: string;
  weight_quantity: number;
  weight_unit: string;
}

export interface IngredientRecord extends Stamps {
  slug: string;
  name: string;
  /** The slug of the category or group it sits under; null at the top. */
  parent: string | null;
  density: DensityRecord | null;
  weight_per_each: { quantity: number; unit: string } | null;
  notes: string;
}

export interface ProductRecord extends Stamps {
  slug: string;
  ingredient: string;
  brand: string;
  name: string;
  package_quantity: number;
  package_unit: string;
  package_type: string;
  gtin: string | null;
  preferred: boolean;
  hidden: boolean;
  supplier: string | null;
  notes: string;
}

export interface AdjustmentRecord {
  date: DateText;
  reason: 'spoilage' | 'gift' | 'correction' | 'used_outside_app' | 'other';
  direction: 'remove' | 'add';
  /** Always more than zero, in `unit`. */
  quantity: number;
  unit: string;
  note: string;
  /** Per `unit`, at the time; null when the lot's cost was unknown. */
  unit_cost: number | null;
  /** quantity x unit cost, rounded to 4 decimals. */
  cost: number | null;
  /** Position (from 0) of the earlier adjustment of the same lot that this one undoes. */
  undoes: number | null;
  created_at: Timestamp;
}

/** A lot's own figures: quantity bought, what remains and the cost per `unit`. */
export interface LotFigures extends Stamps {
  key: string;
  quantity: number;
  remaining: number;
  unit: string;
  unit_cost: number | null;
  location: string;
  notes: string;
}

export interface IngredientLotFigures extends LotFigures {
  expires_on: DateText | null;
  adjustments: AdjustmentRecord[];
}

export interface PurchaseRecord extends Stamps {
  product: string;
  supplier: string | null;
  date: DateText;
  packages: number;
  price_per_package: number;
  notes: string;
  lot: IngredientLotFigures;
}

/** A lot that came without a purchase (stock counted in, a Bake Tracker inventory item). */
export interface LotRecord extends IngredientLotFigures {
  product: string;
  date: DateText;
}

export interface MaterialRecord extends Stamps {
  slug: string;
  name: string;
  category: string;
  base_measure: 'each' | 'length' | 'area';
  notes: string;
}

export interface MaterialProductRecord extends Stamps {
  slug: string;
  material: string;
  brand: string;
  name: string;
  package_quantity: number;
  package_unit: string;
  preferred: boolean;
  hidden: boolean;
  supplier: string | null;
  notes: string;
}

export interface MaterialUnitRecord extends Stamps {
  slug: string;
  material: string;
  name: string;
  /** The size of one use, in `unit`. */
  quantity: number;
  unit: string;
  notes: string;
}

export interface MaterialPurchaseRecord extends Stamps {
  material_product: string;
  supplier: string | null;
  date: DateText;
  packages: number;
  price_per_package: number;
  notes: string;
  lot: LotFigures;
}

export interface MaterialLotRecord extends LotFigures {
  material_product: string;
  date: DateText;
}

export interface RecipeIngredientRecord {
  ingredient: string;
  quantity: number;
  unit: string;
  notes: string;
}

export interface SubRecipeRecord {
  recipe: string;
  /** Batches of the sub-recipe in one batch of this recipe. */
  batches: number;
}

export interface RecipeRecord extends Stamps {
  slug: string;
  name: string;
  category: string;
  source: string;
  notes: string;
  archived: boolean;
  base_recipe: string | null;
  variant_name: string | null;
  ingredients: RecipeIngredientRecord[];
  sub_recipes: SubRecipeRecord[];
}

export interface FinishedUnitRecord extends Stamps {
  slug: string;
  name: string;
  recipe: string;
  yield_mode: 'discrete' | 'portion';
  items_per_batch: number | null;
  portion_percent: number | null;
  notes: string;
  archived: boolean;
}

export type CompositionRecord =
  | { finished_unit: string; quantity: number }
  | { finished_good: string; quantity: number }
  | { material_unit: string; material_product: string | null; quantity: number };

export interface FinishedGoodRecord extends Stamps {
  slug: string;
  name: string;
  notes: string;
  archived: boolean;
  composition: CompositionRecord[];
}

export type TargetRecord = ({ finished_good: string } | { finished_unit: string }) & { quantity: number } & Stamps;

export interface BatchDecisionRecord extends Stamps {
  finished_unit: string;
  batches: number;
  shortfall_confirmed: boolean;
}

export interface RecipeChoiceRecord extends Stamps {
  finished_unit: string;
  recipe: string;
}

export interface PlanSnapshotRecord {
  taken_at: Timestamp;
  /** The fingerprint of `payload.definitions`; checked on import. */
  fingerprint: string;
  cost_baseline: number | null;
  /** The saved plan as the planner wrote it (src/domain/plan-snapshot.ts): keyed by slug, no ids. */
  payload: Record<string, unknown>;
  created_at: Timestamp;
}

export interface AmendmentRecord {
  kind: 'drop_good' | 'add_good' | 'change_batches';
  finished_good: string | null;
  finished_unit: string | null;
  quantity: number | null;
  previous_quantity: number | null;
  batches: number | null;
  previous_batches: number | null;
  reason: string;
  created_at: Timestamp;
}

export type ShoppingTickRecord = ({ ingredient: string } | { material: string }) & { ticked_at: Timestamp; created_at: Timestamp };

export interface EventRecord extends Stamps {
  slug: string;
  name: string;
  date: DateText | null;
  plan_state: 'draft' | 'locked' | 'in_production' | 'completed';
  locked_at: Timestamp | null;
  production_started_at: Timestamp | null;
  completed_at: Timestamp | null;
  shopping_done_at: Timestamp | null;
  notes: string;
  targets: TargetRecord[];
  batch_decisions: BatchDecisionRecord[];
  recipe_choices: RecipeChoiceRecord[];
  plan_snapshots: PlanSnapshotRecord[];
  amendments: AmendmentRecord[];
  shopping_ticks: ShoppingTickRecord[];
}

/** A run's output lot: what is left of it (its count is the run's yield, its unit cost the run's cost per unit). */
export interface RunLotRecord {
  remaining: number;
  updated_at: Timestamp;
}

export interface ReversalRecord {
  note: string;
  created_at: Timestamp;
}

export interface ProductionConsumptionRecord {
  /** The ingredient lot's key. */
  lot: string;
  /** In `unit`, the lot's base unit. */
  quantity: number;
  unit: string;
  /** Per `unit`, as the lot held it; null when unknown. */
  unit_cost: number | null;
  /** quantity x unit cost, 4 decimals; null when unknown. */
  cost: number | null;
}

export interface ProductionRunRecord {
  key: string;
  recipe: string;
  finished_unit: string;
  event: string | null;
  date: DateText;
  batches: number;
  expected_yield: number;
  actual_yield: number;
  status: 'complete' | 'partial_loss' | 'total_loss';
  loss_category: string | null;
  loss_note: string;
  /** The definition the run baked (src/services/making/run-definitions.ts): slugs only. */
  recipe_snapshot: Record<string, unknown>;
  /** Position (from 0) in its event's plan_snapshots. */
  plan_snapshot: number | null;
  consumptions: ProductionConsumptionRecord[];
  total_cost: number;
  cost_per_unit: number;
  cost_complete: boolean;
  /** Null once the run was undone. */
  lot: RunLotRecord | null;
  reversed: ReversalRecord | null;
  notes: string;
  created_at: Timestamp;
}

export type AssemblyConsumptionRecord = ({ unit_lot: string } | { good_lot: string } | { material_lot: string }) & {
  /** A count of units or goods, or the material's base measure. */
  quantity: number;
  unit_cost: number;
  cost: number;
};

export interface AssemblyRunRecord {
  key: string;
  finished_good: string;
  event: string | null;
  date: DateText;
  quantity: number;
  good_snapshot: Record<string, unknown>;
  plan_snapshot: number | null;
  packaging_bypassed: boolean;
  bypass_note: string;
  notes: string;
  consumptions: AssemblyConsumptionRecord[];
  total_cost: number;
  cost_per_unit: number;
  cost_complete: boolean;
  lot: RunLotRecord | null;
  reversed: ReversalRecord | null;
  created_at: Timestamp;
}

/** Finished stock that came without a run (counted in when the baker started). */
export type FinishedLotRecord = ({ finished_unit: string } | { finished_good: string }) & {
  key: string;
  date: DateText;
  count: number;
  remaining: number;
  unit_cost: number;
} & Stamps;

export interface SnapshotFile {
  format: typeof SNAPSHOT_FORMAT;
  format_version: number;
  schema_version: number;
  exported_at: Timestamp;
  app_version: string;
  settings: SnapshotSettings;
  suppliers: SupplierRecord[];
  ingredients: IngredientRecord[];
  products: ProductRecord[];
  purchases: PurchaseRecord[];
  lots: LotRecord[];
  materials: MaterialRecord[];
  material_products: MaterialProductRecord[];
  material_units: MaterialUnitRecord[];
  material_purchases: MaterialPurchaseRecord[];
  material_lots: MaterialLotRecord[];
  recipes: RecipeRecord[];
  finished_units: FinishedUnitRecord[];
  finished_goods: FinishedGoodRecord[];
  events: EventRecord[];
  production_runs: ProductionRunRecord[];
  assembly_runs: AssemblyRunRecord[];
  finished_unit_lots: FinishedLotRecord[];
  finished_good_lots: FinishedLotRecord[];
}

/** The arrays of records, in the order a file lists them (and an import reads them). */
export const SNAPSHOT_SECTIONS = [
  'suppliers',
  'ingredients',
  'products',
  'purchases',
  'lots',
  'materials',
  'material_products',
  'material_units',
  'material_purchases',
  'material_lots',
  'recipes',
  'finished_units',
  'finished_goods',
  'events',
  'production_runs',
  'assembly_runs',
  'finished_unit_lots',
  'finished_good_lots',
] as const satisfies readonly (keyof SnapshotFile)[];

export type SnapshotSection = (typeof SNAPSHOT_SECTIONS)[number];

/** Keys of the header, before the sections. */
export const SNAPSHOT_HEADER = ['format', 'format_version', 'schema_version', 'exported_at', 'app_version', 'settings'] as const;

/**
 * A lot's key, when the file does not give one: its product's slug and its
 * date, and #2, #3… for a second and third lot of that product on that day
 * (counted in the file's order: purchases first, then lots without a
 * purchase). An export writes every key this way, so it is stable.
 */
export function lotKey(productSlug: string, date: DateText, rank: number): string {
  // Joined, not a template: an import keeps a key per lot, and joining makes one flat string where a template makes a chain of three.
  return rank <= 1 ? [productSlug, '@', date].join('') : [productSlug, '@', date, '#', rank].join('');
}

/** Hands out `lotKey`s in order, counting each product and day. */
export class LotKeys {
  private readonly seen = new Map<string, number>();

  next(productSlug: string, date: DateText): string {
    const base = lotKey(productSlug, date, 1);
    const rank = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, rank);
    return rank === 1 ? base : lotKey(productSlug, date, rank);
  }
}

/**
 * The text of a snapshot file: two-space indented JSON, one record per few
 * lines, ending with a newline. Keys keep the order the export built them
 * in, so the same data always gives the same bytes.
 */
export function snapshotText(file: SnapshotFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
