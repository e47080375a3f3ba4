/**
 * What a write means to the screens: every table belongs to one or more
 * topics, the words reads use to say what they depend on (see
 * `read(deps, …)` in ./handlers/define.ts). This file is the one place that
 * maps tables to topics; a test checks that every table of the schema is
 * here, so a migration that adds a table must say what it means.
 *
 * A topic is a thing a baker would name, not a table: 'stock' is every lot
 * and adjustment, 'recipes' a recipe with its lines and what it yields. A
 * table written that is not listed (a test-only table) counts as "anything
 * may have changed", so a screen is never left stale.
 */
export const TOPICS = [
  'settings',
  'ingredients',
  'suppliers',
  'products',
  'purchases',
  'stock',
  'materials',
  'recipes',
  'goods',
  'events',
  'plans',
  'production',
] as const;

export type Topic = (typeof TOPICS)[number];

export const TABLE_TOPICS: Readonly<Record<string, readonly Topic[]>> = {
  settings: ['settings'],
  ingredients: ['ingredients'],
  suppliers: ['suppliers'],
  products: ['products'],
  purchases: ['purchases'],
  material_purchases: ['purchases'],
  lots: ['stock'],
  lot_adjustments: ['stock'],
  material_lots: ['stock'],
  materials: ['materials'],
  material_products: ['materials'],
  material_units: ['materials'],
  recipes: ['recipes'],
  recipe_ingredients: ['recipes'],
  recipe_components: ['recipes'],
  finished_units: ['recipes'],
  finished_goods: ['goods'],
  compositions: ['goods'],
  events: ['events'],
  event_good_targets: ['events'],
  event_unit_targets: ['events'],
  batch_decisions: ['events'],
  plan_snapshots: ['plans'],
  plan_amendments: ['plans'],
  production_runs: ['production'],
  production_consumptions: ['production'],
  finished_unit_lots: ['production'],
  assembly_runs: ['production'],
  assembly_consumptions: ['production'],
  finished_good_lots: ['production'],
  run_reversals: ['production', 'stock'],
  event_recipe_choices: ['events'],
  shopping_ticks: ['events'],
};

/** The topics a set of written tables touches; 'all' when a table is unknown or none is named (DDL, a restore). */
export function topicsOf(tables: readonly string[]): Topic[] | 'all' {
  if (tables.length === 0) return 'all';
  const topics = new Set<Topic>();
  for (const table of tables) {
    const mapped = Object.hasOwn(TABLE_TOPICS, table) ? TABLE_TOPICS[table] : undefined;
    if (!mapped) return 'all';
    for (const topic of mapped) topics.add(topic);
  }
  return [...topics].sort();
}
