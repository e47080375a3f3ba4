/**
 * Imports a Bake Tracker 4.x backup: suppliers, the ingredient tree with
 * densities, products, inventory items (as lots with no purchase), materials,
 * material products, and recipes with their finished units, one section file each (see ./section.ts for how a
 * section is built). Every record of every section is planned first; only
 * when nothing is rejected is anything written, and then everything in one
 * transaction. Records already present (same slug, same product, same lot)
 * are skipped, so importing twice changes nothing the second time.
 */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import { clip, FILE_KINDS, quoted } from '../../../domain/file-limits';
import { isRejected } from '../../../domain/import-plan';
import { readJsonText } from '../../../domain/json-file';
import { ImportReportBuilder, type ImportReport } from '../../../domain/import-report';
import { AppError } from '../../../errors';
import { applyIngredients, planIngredients } from './ingredients';
import { applyLots, planLots } from './lots';
import { applyMaterialProducts, planMaterialProducts } from './material-products';
import { applyMaterials, planMaterials } from './materials';
import { applyProducts, planProducts } from './products';
import { applyRecipes, planRecipes } from './recipes';
import type { ImportFile, SectionPlan } from './section';
import { applySuppliers, planSuppliers } from './suppliers';

/** Keys of a backup's header, not sections of records. */
const HEADER_KEYS = ['version', 'exported_at', 'application', 'transformed_at', 'transformation_notes'];

/** Every section planned, in the order they are applied and reported. */
export function planBakeTrackerImport(db: Database, data: Record<string, unknown>, report: ImportReportBuilder, tx?: Tx) {
  return withTransaction(db, tx, (t) => {
    const file: ImportFile = { data, report };
    const suppliers = planSuppliers(db, file, t);
    const ingredients = planIngredients(db, file, t);
    const products = planProducts(db, file, { ingredients }, t);
    const lots = planLots(db, file, { products }, t);
    const materials = planMaterials(db, file, t);
    const materialProducts = planMaterialProducts(db, file, { materials, suppliers }, t);
    const recipes = planRecipes(db, file, { ingredients }, t);
    const sections: SectionPlan[] = [suppliers, ingredients, products, lots, materials, materialProducts, recipes.recipes, recipes.finishedUnits];
    return { suppliers, ingredients, products, lots, materials, materialProducts, recipes, sections };
  });
}

export type BakeTrackerPlan = ReturnType<typeof planBakeTrackerImport>;

/** Writes every section of a plan in which nothing was rejected, in order, recording the new ids in it. */
export function applyBakeTrackerPlan(db: Database, plan: BakeTrackerPlan, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    const { suppliers, ingredients, products, lots, materials, materialProducts, recipes } = plan;
    applySuppliers(db, suppliers, t);
    applyIngredients(db, ingredients, t);
    applyProducts(db, products, { ingredients, suppliers }, t);
    applyLots(db, lots, { ingredients }, t);
    applyMaterials(db, materials, t);
    applyMaterialProducts(db, materialProducts, t);
    applyRecipes(db, recipes, { ingredients }, t);
  });
}

/**
 * Imports a parsed Bake Tracker 4.x file. Returns the report; writes only
 * when no record is rejected, and then everything in one transaction. A file
 * that is not a Bake Tracker 4.x backup at all is an IMPORT error.
 */
export function importBakeTracker(db: Database, data: unknown, tx?: Tx): ImportReport {
  return withTransaction(db, tx, (t) => {
    const report = new ImportReportBuilder();
    const header = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : null) as Record<string, unknown> | null;
    const application = typeof header?.application === 'string' ? header.application : '';
    const version = typeof header?.version === 'string' ? header.version : '';
    if (!header || application !== 'bake-tracker') {
      throw new AppError('IMPORT', 'This is not a Bake Tracker backup: it is a data file, but not one Bake Tracker saved. Nothing was imported.', {
        field: 'application',
        technical: header ? `"application" is ${quoted(String(header.application ?? null), 40)}, not "bake-tracker".` : 'The file holds no object at its top level.',
      });
    }
    if (!/^4\.[\w.+-]{1,30}$/.test(version)) {
      throw new AppError(
        'IMPORT',
        `This backup is from Bake Tracker ${version ? clip(version, 12) : 'of an unknown version'}; only Bake Tracker 4 backups can be imported. Nothing was imported.`,
        { field: 'version', technical: `"version" is ${quoted(String(header.version ?? null), 40)}; 4.x is read.` },
      );
    }
    const plan = planBakeTrackerImport(db, header, report, t);
    const read = new Set(plan.sections.map((s) => s.key));
    for (const [key, value] of Object.entries(header)) {
      if (read.has(key) || HEADER_KEYS.includes(key)) continue;
      if (Array.isArray(value) && value.length > 0) report.notImported.push({ section: clip(key), count: value.length });
    }
    const accepted = !plan.sections.some((s) => s.items.some((item) => isRejected(item.result)));
    // Lots brought in with no cost leave the pantry's value and recipe costs unknown: the baker is told, and where to add prices.
    report.needsAttention('lots-without-price', plan.lots.items.filter((l) => l.result.outcome === 'created' && l.record?.unitCost === null).length);
    if (accepted) applyBakeTrackerPlan(db, plan, t);
    for (const s of plan.sections) {
      for (const item of s.items) {
        const r = item.result;
        report.add(
          isRejected(r)
            ? { path: r.path, entity: s.entity, label: item.label, outcome: 'rejected', reason: r.reason }
            : { path: item.path, entity: s.entity, label: item.label, outcome: r.outcome },
        );
      }
    }
    return report.build({ application, version }, accepted);
  });
}

/**
 * Reads the text of a backup file (within the size, depth and key limits of
 * src/domain/json-file.ts) and imports it (see importBakeTracker).
 */
export function importBakeTrackerText(db: Database, text: string, tx?: Tx): ImportReport {
  return importBakeTracker(db, readJsonText(text, FILE_KINDS.bakeTrackerBackup), tx);
}
