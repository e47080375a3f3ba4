/**
 * How the Bake Tracker importer is built: one file per section of the backup
 * (suppliers.ts, ingredients.ts, products.ts, lots.ts, materials.ts,
 * material-products.ts, …), each with two functions:
 *
 * - `plan<Section>(db, file, earlier, tx?)` reads its records from the file,
 *   checks each against the file and the database (and the plans of the
 *   sections it refers to, passed as `earlier`), and decides what happens to
 *   it: created, skipped (already there) or rejected at a path with a reason.
 *   It writes nothing. It returns a `SectionPlan` (plus whatever later
 *   sections look up in it, such as ingredients by slug).
 * - `apply<Section>(db, plan, earlier, tx?)` writes the records planned as
 *   created, through the owning area's row functions (insertIngredientRow,
 *   insertLotRow…), the same ones the services use, and records each new id
 *   in the plan for later sections.
 *
 * ./import.ts plans every section in order, and applies them in the same
 * order only when no record anywhere was rejected, all in one transaction.
 * A section that yields several kinds of record (recipes: recipes, lines,
 * finished units) returns one SectionPlan per kind.
 */
import type { Planned } from '../../../domain/import-plan';
import type { ImportEntity, ImportReportBuilder } from '../../../domain/import-report';

/** The parsed backup, and the report sections add warnings to (a repaired tree level, a name filled in). */
export interface ImportFile {
  data: Record<string, unknown>;
  report: ImportReportBuilder;
}

/** One kind of record of the file, planned. */
export interface SectionPlan<T = unknown> {
  /** The file's key the records come from ('inventory_items'). */
  key: string;
  /** What they become, as the report names them ('lot'). */
  entity: ImportEntity;
  items: Planned<T>[];
}
