/**
 * Migration 1: every entity of docs domain model. Released migrations are
 * never edited; later changes add a new numbered file.
 *
 * Conventions:
 * - ids are INTEGER PRIMARY KEY; timestamps are ISO 8601 TEXT bound from
 *   TypeScript (never SQLite's clock: the commit log must replay exactly);
 *   dates (purchase, event, run) are 'YYYY-MM-DD' TEXT.
 * - user-named things have a unique slug: the natural key in export files.
 * - stock quantities are stored in the canonical base unit of their
 *   dimension (g, ml, each; cm, cm2 for materials), with unit costs per base
 *   unit, so no arithmetic ever compares unit strings.
 * - ledger money is REAL rounded to 4 decimals when written; totals are sums
 *   of ledger rows, never re-derived.
 * - ledger tables are append-only, enforced by triggers.
 */
export const up = /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Catalog ------------------------------------------------------------------

CREATE TABLE ingredients (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  parent_id INTEGER REFERENCES ingredients(id) ON DELETE RESTRICT,
  level INTEGER NOT NULL DEFAULT 2 CHECK (level BETWEEN 0 AND 2),
  density_volume_qty REAL,
  density_volume_unit TEXT,
  density_weight_qty REAL,
  density_weight_unit TEXT,
  each_weight_qty REAL,
  each_weight_unit TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (
    (density_volume_qty IS NULL AND density_volume_unit IS NULL AND density_weight_qty IS NULL AND density_weight_unit IS NULL)
    OR (density_volume_qty > 0 AND density_volume_unit IS NOT NULL AND density_weight_qty > 0 AND density_weight_unit IS NOT NULL)
  ),
  CHECK ((each_weight_qty IS NULL AND each_weight_unit IS NULL) OR (each_weight_qty > 0 AND each_weight_unit IS NOT NULL))
);
CREATE INDEX ingredients_parent ON ingredients(parent_id);
CREATE UNIQUE INDEX ingredients_name ON ingredients(name COLLATE NOCASE);

CREATE TABLE suppliers (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  kind TEXT NOT NULL DEFAULT 'physical' CHECK (kind IN ('physical', 'online')),
  location TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  ingredient_id INTEGER NOT NULL REFERENCES ingredients(id) ON DELETE RESTRICT,
  brand TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  package_type TEXT NOT NULL DEFAULT '',
  package_unit TEXT NOT NULL,
  package_quantity REAL NOT NULL CHECK (package_quantity > 0),
  gtin TEXT,
  preferred INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  supplier_id INTEGER REFERENCES suppliers(id) ON DELETE SET NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (ingredient_id, brand, name)
);
CREATE INDEX products_ingredient ON products(ingredient_id);

CREATE TABLE materials (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  category TEXT NOT NULL DEFAULT '',
  base_measure TEXT NOT NULL CHECK (base_measure IN ('each', 'length', 'area')),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE material_products (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE RESTRICT,
  brand TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  package_unit TEXT NOT NULL,
  package_quantity REAL NOT NULL CHECK (package_quantity > 0),
  preferred INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  supplier_id INTEGER REFERENCES suppliers(id) ON DELETE SET NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX material_products_material ON material_products(material_id);

-- A named use of a material ("one 18 in bow" = 45.72 cm), in the material's base measure.
CREATE TABLE material_units (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE RESTRICT,
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  quantity REAL NOT NULL CHECK (quantity > 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Pantry -------------------------------------------------------------------

CREATE TABLE purchases (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
  supplier_id INTEGER REFERENCES suppliers(id) ON DELETE RESTRICT,
  purchased_on TEXT NOT NULL CHECK (purchased_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  packages REAL NOT NULL CHECK (packages > 0),
  price_per_package REAL NOT NULL CHECK (price_per_package >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX purchases_product ON purchases(product_id, purchased_on);

-- An ingredient lot. quantity_* in the base unit of 'dimension'; unit_cost per base unit (NULL: unknown).
CREATE TABLE lots (
  id INTEGER PRIMARY KEY,
  ingredient_id INTEGER NOT NULL REFERENCES ingredients(id) ON DELETE RESTRICT,
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
  purchase_id INTEGER UNIQUE REFERENCES purchases(id) ON DELETE RESTRICT,
  purchased_on TEXT NOT NULL CHECK (purchased_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  dimension TEXT NOT NULL CHECK (dimension IN ('weight', 'volume', 'count')),
  quantity_initial REAL NOT NULL CHECK (quantity_initial > 0),
  quantity_remaining REAL NOT NULL CHECK (quantity_remaining >= 0),
  unit_cost REAL CHECK (unit_cost IS NULL OR unit_cost >= 0),
  expires_on TEXT,
  location TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- FIFO: oldest purchase date first, then creation order (id).
CREATE INDEX lots_fifo ON lots(ingredient_id, purchased_on, id);
CREATE INDEX lots_product ON lots(product_id);

CREATE TABLE lot_adjustments (
  id INTEGER PRIMARY KEY,
  lot_id INTEGER NOT NULL REFERENCES lots(id) ON DELETE RESTRICT,
  quantity_delta REAL NOT NULL CHECK (quantity_delta <> 0),
  reason TEXT NOT NULL CHECK (reason IN ('spoilage', 'gift', 'correction', 'used_outside_app', 'other')),
  note TEXT NOT NULL DEFAULT '',
  unit_cost REAL,
  cost REAL,
  adjusted_on TEXT NOT NULL,
  -- An undo is a correction that reverses an earlier adjustment (the ledger is append-only).
  undoes_id INTEGER UNIQUE REFERENCES lot_adjustments(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  CHECK (reason <> 'other' OR trim(note) <> ''),
  CHECK (quantity_delta < 0 OR reason = 'correction'),
  CHECK (undoes_id IS NULL OR (reason = 'correction' AND undoes_id <> id))
);
CREATE INDEX lot_adjustments_lot ON lot_adjustments(lot_id);

CREATE TABLE material_purchases (
  id INTEGER PRIMARY KEY,
  material_product_id INTEGER NOT NULL REFERENCES material_products(id) ON DELETE RESTRICT,
  supplier_id INTEGER REFERENCES suppliers(id) ON DELETE RESTRICT,
  purchased_on TEXT NOT NULL,
  packages REAL NOT NULL CHECK (packages > 0),
  price_per_package REAL NOT NULL CHECK (price_per_package >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE material_lots (
  id INTEGER PRIMARY KEY,
  material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE RESTRICT,
  material_product_id INTEGER NOT NULL REFERENCES material_products(id) ON DELETE RESTRICT,
  material_purchase_id INTEGER UNIQUE REFERENCES material_purchases(id) ON DELETE RESTRICT,
  purchased_on TEXT NOT NULL,
  quantity_initial REAL NOT NULL CHECK (quantity_initial > 0),
  quantity_remaining REAL NOT NULL CHECK (quantity_remaining >= 0),
  unit_cost REAL CHECK (unit_cost IS NULL OR unit_cost >= 0),
  location TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX material_lots_fifo ON material_lots(material_id, purchased_on, id);
CREATE INDEX material_lots_product ON material_lots(material_product_id, purchased_on, id);

-- Recipes and what they yield ----------------------------------------------

CREATE TABLE recipes (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  category TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  base_recipe_id INTEGER REFERENCES recipes(id) ON DELETE RESTRICT,
  variant_name TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (base_recipe_id IS NULL OR base_recipe_id <> id)
);

CREATE TABLE recipe_ingredients (
  id INTEGER PRIMARY KEY,
  recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
  ingredient_id INTEGER NOT NULL REFERENCES ingredients(id) ON DELETE RESTRICT,
  quantity REAL NOT NULL CHECK (quantity > 0),
  unit TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX recipe_ingredients_recipe ON recipe_ingredients(recipe_id, position);
CREATE INDEX recipe_ingredients_ingredient ON recipe_ingredients(ingredient_id);

CREATE TABLE recipe_components (
  id INTEGER PRIMARY KEY,
  recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
  sub_recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE RESTRICT,
  batch_multiplier REAL NOT NULL CHECK (batch_multiplier > 0),
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (sub_recipe_id <> recipe_id),
  UNIQUE (recipe_id, sub_recipe_id)
);

CREATE TABLE finished_units (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE RESTRICT,
  yield_mode TEXT NOT NULL CHECK (yield_mode IN ('discrete', 'portion')),
  items_per_batch REAL,
  portion_percent REAL,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (
    (yield_mode = 'discrete' AND items_per_batch > 0 AND portion_percent IS NULL)
    OR (yield_mode = 'portion' AND portion_percent > 0 AND portion_percent <= 100 AND items_per_batch IS NULL)
  )
);
CREATE INDEX finished_units_recipe ON finished_units(recipe_id);

CREATE TABLE finished_goods (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One line of a finished good: exactly one of FU, nested FG or material unit.
-- A material line with no material_product_id is generic until assigned.
CREATE TABLE compositions (
  id INTEGER PRIMARY KEY,
  finished_good_id INTEGER NOT NULL REFERENCES finished_goods(id) ON DELETE CASCADE,
  finished_unit_id INTEGER REFERENCES finished_units(id) ON DELETE RESTRICT,
  component_good_id INTEGER REFERENCES finished_goods(id) ON DELETE RESTRICT,
  material_unit_id INTEGER REFERENCES material_units(id) ON DELETE RESTRICT,
  material_product_id INTEGER REFERENCES material_products(id) ON DELETE RESTRICT,
  quantity REAL NOT NULL CHECK (quantity > 0),
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((finished_unit_id IS NOT NULL) + (component_good_id IS NOT NULL) + (material_unit_id IS NOT NULL) = 1),
  CHECK (material_product_id IS NULL OR material_unit_id IS NOT NULL),
  CHECK (component_good_id IS NULL OR component_good_id <> finished_good_id)
);
CREATE INDEX compositions_good ON compositions(finished_good_id, position);

-- Events and plans ---------------------------------------------------------

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_-]*'),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  event_date TEXT,
  plan_state TEXT NOT NULL DEFAULT 'draft' CHECK (plan_state IN ('draft', 'locked', 'in_production', 'completed')),
  shopping_done_at TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE event_good_targets (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  finished_good_id INTEGER NOT NULL REFERENCES finished_goods(id) ON DELETE RESTRICT,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (event_id, finished_good_id)
);

CREATE TABLE event_unit_targets (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  finished_unit_id INTEGER NOT NULL REFERENCES finished_units(id) ON DELETE RESTRICT,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (event_id, finished_unit_id)
);

CREATE TABLE batch_decisions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  finished_unit_id INTEGER NOT NULL REFERENCES finished_units(id) ON DELETE RESTRICT,
  batches INTEGER NOT NULL CHECK (batches >= 0),
  shortfall_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (shortfall_confirmed IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (event_id, finished_unit_id)
);

CREATE TABLE plan_snapshots (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE RESTRICT,
  taken_at TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  cost_baseline REAL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  created_at TEXT NOT NULL
);
CREATE INDEX plan_snapshots_event ON plan_snapshots(event_id, taken_at);

CREATE TABLE plan_amendments (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('drop_good', 'add_good', 'change_batches')),
  finished_good_id INTEGER REFERENCES finished_goods(id) ON DELETE RESTRICT,
  finished_unit_id INTEGER REFERENCES finished_units(id) ON DELETE RESTRICT,
  quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),
  batches INTEGER CHECK (batches IS NULL OR batches >= 0),
  reason TEXT NOT NULL CHECK (trim(reason) <> ''),
  created_at TEXT NOT NULL,
  CHECK (kind = 'change_batches' AND finished_unit_id IS NOT NULL AND batches IS NOT NULL
      OR kind IN ('drop_good', 'add_good') AND finished_good_id IS NOT NULL)
);
CREATE INDEX plan_amendments_event ON plan_amendments(event_id, created_at);

-- Making: runs and their ledgers -------------------------------------------

CREATE TABLE production_runs (
  id INTEGER PRIMARY KEY,
  recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE RESTRICT,
  finished_unit_id INTEGER NOT NULL REFERENCES finished_units(id) ON DELETE RESTRICT,
  event_id INTEGER REFERENCES events(id) ON DELETE RESTRICT,
  produced_on TEXT NOT NULL,
  batches REAL NOT NULL CHECK (batches > 0),
  expected_yield INTEGER NOT NULL CHECK (expected_yield >= 0),
  actual_yield INTEGER NOT NULL CHECK (actual_yield >= 0 AND actual_yield <= expected_yield),
  loss_quantity INTEGER NOT NULL CHECK (loss_quantity = expected_yield - actual_yield),
  loss_category TEXT CHECK (loss_category IS NULL OR loss_category IN
    ('burnt', 'broken', 'contaminated', 'dropped', 'wrong_ingredients', 'other')),
  status TEXT NOT NULL CHECK (status IN ('complete', 'partial_loss', 'total_loss')),
  recipe_snapshot TEXT NOT NULL CHECK (json_valid(recipe_snapshot)),
  total_cost REAL NOT NULL CHECK (total_cost >= 0),
  cost_per_unit REAL NOT NULL CHECK (cost_per_unit >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK ((status = 'complete') = (loss_quantity = 0)),
  CHECK ((status = 'total_loss') = (actual_yield = 0 AND expected_yield > 0))
);
CREATE INDEX production_runs_event ON production_runs(event_id, recipe_id);
CREATE INDEX production_runs_unit ON production_runs(finished_unit_id);

CREATE TABLE production_consumptions (
  id INTEGER PRIMARY KEY,
  production_run_id INTEGER NOT NULL REFERENCES production_runs(id) ON DELETE RESTRICT,
  ingredient_id INTEGER NOT NULL REFERENCES ingredients(id) ON DELETE RESTRICT,
  lot_id INTEGER NOT NULL REFERENCES lots(id) ON DELETE RESTRICT,
  quantity REAL NOT NULL CHECK (quantity > 0),
  unit_cost REAL,
  cost REAL,
  created_at TEXT NOT NULL
);
CREATE INDEX production_consumptions_run ON production_consumptions(production_run_id);
CREATE INDEX production_consumptions_lot ON production_consumptions(lot_id);

-- Finished stock is kept as lots too, so every consumption knows its source and cost.
CREATE TABLE finished_unit_lots (
  id INTEGER PRIMARY KEY,
  finished_unit_id INTEGER NOT NULL REFERENCES finished_units(id) ON DELETE RESTRICT,
  production_run_id INTEGER REFERENCES production_runs(id) ON DELETE RESTRICT,
  made_on TEXT NOT NULL,
  count_initial INTEGER NOT NULL CHECK (count_initial >= 0),
  count_remaining INTEGER NOT NULL CHECK (count_remaining >= 0 AND count_remaining <= count_initial),
  unit_cost REAL NOT NULL CHECK (unit_cost >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX finished_unit_lots_fifo ON finished_unit_lots(finished_unit_id, made_on, id);

CREATE TABLE assembly_runs (
  id INTEGER PRIMARY KEY,
  finished_good_id INTEGER NOT NULL REFERENCES finished_goods(id) ON DELETE RESTRICT,
  event_id INTEGER REFERENCES events(id) ON DELETE RESTRICT,
  assembled_on TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  good_snapshot TEXT NOT NULL CHECK (json_valid(good_snapshot)),
  total_cost REAL NOT NULL CHECK (total_cost >= 0),
  cost_per_unit REAL NOT NULL CHECK (cost_per_unit >= 0),
  packaging_bypassed INTEGER NOT NULL DEFAULT 0 CHECK (packaging_bypassed IN (0, 1)),
  bypass_note TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (packaging_bypassed = 0 OR trim(bypass_note) <> '')
);
CREATE INDEX assembly_runs_event ON assembly_runs(event_id, finished_good_id);

CREATE TABLE finished_good_lots (
  id INTEGER PRIMARY KEY,
  finished_good_id INTEGER NOT NULL REFERENCES finished_goods(id) ON DELETE RESTRICT,
  assembly_run_id INTEGER REFERENCES assembly_runs(id) ON DELETE RESTRICT,
  made_on TEXT NOT NULL,
  count_initial INTEGER NOT NULL CHECK (count_initial >= 0),
  count_remaining INTEGER NOT NULL CHECK (count_remaining >= 0 AND count_remaining <= count_initial),
  unit_cost REAL NOT NULL CHECK (unit_cost >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX finished_good_lots_fifo ON finished_good_lots(finished_good_id, made_on, id);

CREATE TABLE assembly_consumptions (
  id INTEGER PRIMARY KEY,
  assembly_run_id INTEGER NOT NULL REFERENCES assembly_runs(id) ON DELETE RESTRICT,
  finished_unit_lot_id INTEGER REFERENCES finished_unit_lots(id) ON DELETE RESTRICT,
  finished_good_lot_id INTEGER REFERENCES finished_good_lots(id) ON DELETE RESTRICT,
  material_lot_id INTEGER REFERENCES material_lots(id) ON DELETE RESTRICT,
  quantity REAL NOT NULL CHECK (quantity > 0),
  unit_cost REAL NOT NULL CHECK (unit_cost >= 0),
  cost REAL NOT NULL CHECK (cost >= 0),
  created_at TEXT NOT NULL,
  CHECK ((finished_unit_lot_id IS NOT NULL) + (finished_good_lot_id IS NOT NULL) + (material_lot_id IS NOT NULL) = 1)
);
CREATE INDEX assembly_consumptions_run ON assembly_consumptions(assembly_run_id);

-- Ledgers are append-only --------------------------------------------------
${['lot_adjustments', 'production_runs', 'production_consumptions', 'assembly_runs', 'assembly_consumptions', 'plan_snapshots', 'plan_amendments']
  .map(
    (t) => `
CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t}
BEGIN SELECT RAISE(ABORT, '${t} rows are append-only'); END;
CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t}
BEGIN SELECT RAISE(ABORT, '${t} rows are append-only'); END;`,
  )
  .join('\n')}
`;
