/**
 * Imports a Bake Tracker 4.x backup: suppliers, the ingredient tree with
 * densities, products, inventory items (as lots with no purchase), materials,
 * material products, and recipes with their finished units. Every record is
 * read and resolved first (bake-tracker-plan.ts, import/bake-tracker/recipes.ts);
 * only when nothing is rejected is anything written (bake-tracker-apply.ts,
 * then the recipes through the recipe services), all inside one transaction. Records already
 * present (same slug, same product, same lot) are skipped, so importing twice
 * changes nothing the second time.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { isRejected, type Planned } from '../../domain/import-plan';
import { ImportReportBuilder, type ImportEntity, type ImportReport } from '../../domain/import-report';
import { AppError } from '../../errors';
import { applyBakeTrackerRecipes, planBakeTrackerRecipes, type IngredientLookup } from '../import/bake-tracker/recipes';
import { applyBakeTrackerPlan } from './bake-tracker-apply';
import { planBakeTrackerImport, type BakeTrackerPlan } from './bake-tracker-plan';

const READ_SECTIONS = ['suppliers', 'ingredients', 'products', 'inventory_items', 'materials', 'material_products', 'recipes'];
const HEADER_KEYS = ['version', 'exported_at', 'application', 'transformed_at', 'transformation_notes'];

function record(report: ImportReportBuilder, entity: ImportEntity, items: Planned<unknown>[]): void {
  for (const item of items) {
    const r = item.result;
    report.add(
      isRejected(r)
        ? { path: r.path, entity, label: item.label, outcome: 'rejected', reason: r.reason }
        : { path: item.path, entity, label: item.label, outcome: r.outcome },
    );
  }
}

/** Whether a recipe line may use an ingredient slug once the file's ingredients are in: it must exist and be a leaf. */
function ingredientLookup(tx: Tx, p: BakeTrackerPlan): IngredientLookup {
  const parents = new Set(p.ingredients.filter((i) => !isRejected(i.result) && i.parentSlug).map((i) => i.parentSlug!));
  return {
    problem(slug) {
      const inFile = p.bySlug.get(slug);
      if (inFile && isRejected(inFile.result)) return `The ingredient ${slug} was rejected (${inFile.result.path}).`;
      const row = tx.get<{ name: string; children: number }>(
        'SELECT i.name, (SELECT count(*) FROM ingredients c WHERE c.parent_id = i.id) AS children FROM ingredients i WHERE i.slug = ?',
        [slug],
      );
      if (!inFile && !row) return `There is no ingredient ${slug} in this file or in the pantry.`;
      const name = inFile?.record?.name ?? row!.name;
      if (parents.has(slug) || (row?.children ?? 0) > 0) return `${name} is a group of ingredients; a recipe line needs a specific ingredient.`;
      return null;
    },
  };
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
    const source = { application, version };
    if (!header || application !== 'bake-tracker') {
      throw new AppError('IMPORT', 'This is not a Bake Tracker backup: its "application" is not "bake-tracker".', { field: 'application' });
    }
    if (!/^4\./.test(version)) {
      throw new AppError('IMPORT', `Only Bake Tracker 4.x backups can be imported; this one is version "${version}".`, { field: 'version' });
    }
    for (const [key, value] of Object.entries(header)) {
      if (READ_SECTIONS.includes(key) || HEADER_KEYS.includes(key)) continue;
      if (Array.isArray(value) && value.length > 0) report.notImported.push({ section: key, count: value.length });
    }
    const p = planBakeTrackerImport(db, header, report, t);
    const recipes = planBakeTrackerRecipes(db, { data: header, ingredients: ingredientLookup(t, p), report }, t);
    const rejectedBefore =
      [...p.suppliers, ...p.ingredients, ...p.products, ...p.lots, ...p.materials, ...p.materialProducts].some((x) => isRejected(x.result)) ||
      recipes.rejected;
    if (!rejectedBefore) {
      applyBakeTrackerPlan(db, p, t);
      applyBakeTrackerRecipes(db, recipes, t);
    }
    record(report, 'supplier', p.suppliers);
    record(report, 'ingredient', p.ingredients);
    record(report, 'product', p.products);
    record(report, 'lot', p.lots);
    record(report, 'material', p.materials);
    record(report, 'material product', p.materialProducts);
    record(report, 'recipe', recipes.recipes);
    for (const u of recipes.recipes.flatMap((r) => r.finishedUnits)) {
      report.add({ path: u.path, entity: 'finished unit', label: u.label, outcome: u.outcome, ...(u.reason ? { reason: u.reason } : {}) });
    }
    return report.build(source, !rejectedBefore);
  });
}

/** Parses the text of a backup file and imports it (see importBakeTracker). */
export function importBakeTrackerText(db: Database, text: string, tx?: Tx): ImportReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new AppError('IMPORT', `This file is not a readable backup: ${(e as Error).message}`, { field: 'file' });
  }
  return importBakeTracker(db, data, tx);
}
