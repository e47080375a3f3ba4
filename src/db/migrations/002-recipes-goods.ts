/**
 * Migration 2: what recipes, finished units, finished goods and packaging
 * materials need beyond the tables of migration 1.
 *
 * - Finished units and finished goods can be archived, as recipes already
 *   can: something that was used (a run, a composition line, an event
 *   target) keeps its history and leaves the pickers instead of being deleted.
 * - Names a baker picks from a list are unique ignoring case (recipes,
 *   finished units, finished goods; material units within their material).
 *   The services compare full Unicode case folding and report the field; these
 *   indexes are the backstop. No release wrote these tables, so no existing
 *   row can clash.
 * - Finished unit and finished good lines of a composition count whole items
 *   (finished stock is kept in whole counts); a material line may use a
 *   fraction (half a sheet of labels).
 * - Indexes for the "used by" questions asked before every delete and archive.
 *
 * Change tracking for plans needs no table: a plan stores the captured
 * definition and its fingerprint (docs/design/change-tracking.md).
 */
export const up = /* sql */ `
ALTER TABLE finished_units ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE finished_goods ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

CREATE UNIQUE INDEX recipes_name ON recipes(name COLLATE NOCASE);
CREATE UNIQUE INDEX finished_units_name ON finished_units(name COLLATE NOCASE);
CREATE UNIQUE INDEX finished_goods_name ON finished_goods(name COLLATE NOCASE);
CREATE UNIQUE INDEX material_units_name ON material_units(material_id, name COLLATE NOCASE);

CREATE INDEX recipes_category ON recipes(category);
CREATE INDEX recipes_base ON recipes(base_recipe_id);
CREATE INDEX recipe_components_sub ON recipe_components(sub_recipe_id);
CREATE INDEX compositions_unit ON compositions(finished_unit_id);
CREATE INDEX compositions_component ON compositions(component_good_id);
CREATE INDEX compositions_material_unit ON compositions(material_unit_id);
CREATE INDEX compositions_material_product ON compositions(material_product_id);
CREATE INDEX material_units_material ON material_units(material_id);
CREATE INDEX material_purchases_product ON material_purchases(material_product_id, purchased_on);
CREATE INDEX event_unit_targets_unit ON event_unit_targets(finished_unit_id);
CREATE INDEX event_good_targets_good ON event_good_targets(finished_good_id);

CREATE TRIGGER compositions_whole_counts_insert BEFORE INSERT ON compositions
WHEN NEW.material_unit_id IS NULL AND NEW.quantity <> CAST(NEW.quantity AS INTEGER)
BEGIN SELECT RAISE(ABORT, 'constraint failed: finished unit and finished good lines count whole items'); END;

CREATE TRIGGER compositions_whole_counts_update BEFORE UPDATE OF quantity, material_unit_id ON compositions
WHEN NEW.material_unit_id IS NULL AND NEW.quantity <> CAST(NEW.quantity AS INTEGER)
BEGIN SELECT RAISE(ABORT, 'constraint failed: finished unit and finished good lines count whole items'); END;
`;
