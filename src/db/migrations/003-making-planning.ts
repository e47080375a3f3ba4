/**
 * Migration 3: what making (production, assembly, undo) and planning (events,
 * recipe choice, plan states, amendments, the shopping list) need beyond the
 * tables of migrations 1 and 2.
 *
 * - A run remembers the plan snapshot it used (a run for an event whose plan
 *   has a snapshot reuses that snapshot's recipe or good definition), the note
 *   of its loss, and whether every lot it drew had a known cost.
 * - Undo never edits or deletes a ledger row: a reversal row says the run was
 *   undone; the lots it drew get their quantities back and its output lot goes.
 * - An event chooses, per finished unit, which recipe of the unit's family
 *   (its recipe and that recipe's variants) bakes it; plan states keep when
 *   each step was taken; an amendment keeps the value it replaced, so the
 *   history shows original against current.
 * - The shopping list's ticks are saved as the baker goes, per event and item.
 */
export const up = /* sql */ `
ALTER TABLE production_runs ADD COLUMN plan_snapshot_id INTEGER REFERENCES plan_snapshots(id) ON DELETE RESTRICT;
ALTER TABLE production_runs ADD COLUMN loss_note TEXT NOT NULL DEFAULT '';
ALTER TABLE production_runs ADD COLUMN cost_complete INTEGER NOT NULL DEFAULT 1 CHECK (cost_complete IN (0, 1));
ALTER TABLE assembly_runs ADD COLUMN plan_snapshot_id INTEGER REFERENCES plan_snapshots(id) ON DELETE RESTRICT;
ALTER TABLE assembly_runs ADD COLUMN cost_complete INTEGER NOT NULL DEFAULT 1 CHECK (cost_complete IN (0, 1));

CREATE TABLE run_reversals (
  id INTEGER PRIMARY KEY,
  production_run_id INTEGER UNIQUE REFERENCES production_runs(id) ON DELETE RESTRICT,
  assembly_run_id INTEGER UNIQUE REFERENCES assembly_runs(id) ON DELETE RESTRICT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK ((production_run_id IS NOT NULL) + (assembly_run_id IS NOT NULL) = 1)
);
CREATE TRIGGER run_reversals_no_update BEFORE UPDATE ON run_reversals
BEGIN SELECT RAISE(ABORT, 'run_reversals rows are append-only'); END;
CREATE TRIGGER run_reversals_no_delete BEFORE DELETE ON run_reversals
BEGIN SELECT RAISE(ABORT, 'run_reversals rows are append-only'); END;

CREATE INDEX finished_unit_lots_run ON finished_unit_lots(production_run_id);
CREATE INDEX finished_good_lots_run ON finished_good_lots(assembly_run_id);
CREATE INDEX assembly_consumptions_unit_lot ON assembly_consumptions(finished_unit_lot_id);
CREATE INDEX assembly_consumptions_good_lot ON assembly_consumptions(finished_good_lot_id);
CREATE INDEX assembly_consumptions_material_lot ON assembly_consumptions(material_lot_id);
CREATE INDEX production_runs_recipe ON production_runs(recipe_id, produced_on);
CREATE INDEX assembly_runs_good ON assembly_runs(finished_good_id, assembled_on);

CREATE TABLE event_recipe_choices (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  finished_unit_id INTEGER NOT NULL REFERENCES finished_units(id) ON DELETE RESTRICT,
  recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (event_id, finished_unit_id)
);
CREATE INDEX event_recipe_choices_recipe ON event_recipe_choices(recipe_id);

ALTER TABLE events ADD COLUMN locked_at TEXT;
ALTER TABLE events ADD COLUMN production_started_at TEXT;
ALTER TABLE events ADD COLUMN completed_at TEXT;
CREATE INDEX events_date ON events(event_date);
CREATE INDEX batch_decisions_unit ON batch_decisions(finished_unit_id);

ALTER TABLE plan_amendments ADD COLUMN previous_quantity INTEGER;
ALTER TABLE plan_amendments ADD COLUMN previous_batches INTEGER;

CREATE TABLE shopping_ticks (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ingredient_id INTEGER REFERENCES ingredients(id) ON DELETE CASCADE,
  material_id INTEGER REFERENCES materials(id) ON DELETE CASCADE,
  ticked_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK ((ingredient_id IS NOT NULL) + (material_id IS NOT NULL) = 1),
  UNIQUE (event_id, ingredient_id),
  UNIQUE (event_id, material_id)
);
`;
