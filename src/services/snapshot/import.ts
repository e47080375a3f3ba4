/**
 * Importing a JSON snapshot (docs/export-format.md), or a Bake Tracker
 * backup given in its place (recognised by its header and handed to the
 * Bake Tracker importer). Everything is checked before anything is written:
 * the header (format, version: older ones migrated forward, newer ones
 * refused), every record's fields, every reference (to the file or to the
 * database), the areas' rules, and every computed value against what it
 * follows from. Only when no record is rejected is anything written, all
 * in one transaction, through the areas' row functions.
 *
 * Modes: `restore` fills an empty database (and refuses one that holds
 * data); `merge` adds to one, skipping (and reporting) every record whose
 * natural key is already there; `dryRun` returns the report and writes
 * nothing. The report has a line per record: created, skipped, or rejected
 * with its path and why.
 */
import { savepoint, withTransaction, type Database, type Tx } from '../../db/session';
import { isRejected } from '../../domain/import-plan';
import { ImportReportBuilder, type ImportRecordResult, type ImportReport } from '../../domain/import-report';
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, SNAPSHOT_HEADER, SNAPSHOT_SECTIONS, type SnapshotSection } from '../../domain/snapshot-format';
import { isTimestamp, shown } from '../../domain/snapshot-fields';
import { migrateSnapshot } from '../../domain/snapshot-migrations';
import { AppError } from '../../errors';
import { importBakeTracker } from '../import/bake-tracker/import';
import { getSettings, updateSettings } from '../settings/settings';
import { applyCatalog, checkCatalog, readCatalog } from './catalog-section';
import { applyGoods, checkGoods, readGoods } from './goods-section';
import { applyMaterials, checkMaterials, readMaterials } from './materials-section';
import { applyPantry, checkPantry, readPantry } from './pantry-section';
import { letGo, type Item, type RecordList } from '../../domain/snapshot-plan';
import { SectionRecords } from '../../domain/snapshot-bytes';
import type { ImportMode, PlanContext } from './plan';
import { applyRecipes, checkRecipes, readRecipes } from './recipes-section';
import { applyEvents, checkEvents, readEvents } from './events-section';
import { readMaking } from './making-read';
import { applyMaking, checkMaking, drawsFromLots } from './making-section';

export type { ImportMode } from './plan';

export interface SnapshotImportOptions {
  mode: ImportMode;
  /** Check and report only; nothing is written. */
  dryRun?: boolean;
  /** Told how far along the import is: records checked, then records written. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * `data` was parsed for this import alone, so the import empties it as it
   * goes: each section's parsed records are let go once read into drafts,
   * rather than held next to them through the checks and the writing (a
   * 50 MB file's parsed form is about 40 MB of objects). The command line and
   * the worker say so; a caller that uses `data` afterwards does not.
   */
  consume?: boolean;
  /**
   * Asks for a full garbage collection, where the caller can (the command
   * line can, a browser's worker cannot). Called only when the import
   * writes: before the first write, after the pantry, before the bakes,
   * every COLLECT_EVERY records written, before COMMIT and after it. The
   * file's bytes, the checks' leftovers, the drafts already written and
   * the copies sql.js's in-memory file leaves as it grows are then given
   * back while the database grows, not whenever the collector gets to them
   * (the 47.6 MB import's peak: 422-433 MB without, 384-394 MB with;
   * docs/design/snapshot-streaming.md).
   */
  collect?: () => void;
}

export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

/** While writing, the command line's full collection comes once per this many records too (each takes ~0.1 s at 50 MB). */
const COLLECT_EVERY = 25_000;

/** At most this many records of one kind: more is refused before any is read. */
export const MAX_RECORDS_OF_ONE_KIND = 100_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Problem {
  path: string;
  reason: string;
}

function refuse(message: string, problems: Problem[] = []): AppError {
  return new AppError('IMPORT', message, { field: 'file', problems });
}

/** True when the database holds no record of the baker's (settings aside). */
export function isEmptyDatabase(db: Database, tx?: Tx): boolean {
  return withTransaction(db, tx, (t) => {
    const tables = t.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'settings'");
    return tables.every((r) => t.get(`SELECT 1 AS x FROM "${r.name}" LIMIT 1`) === undefined);
  });
}

/** The header read and the sections as lists, or the refusal naming every problem at the top of the file. */
function readHeader(data: Record<string, unknown>): { version: number; doc: Record<string, unknown>; sections: Record<string, RecordList>; notes: string[] } {
  if (data.format !== SNAPSHOT_FORMAT) {
    throw refuse(`This is not a Bake Planner snapshot: its "format" is ${data.format === undefined ? 'missing' : shown(data.format)}, not "${SNAPSHOT_FORMAT}".`, [
      { path: 'format', reason: `must be "${SNAPSHOT_FORMAT}"` },
    ]);
  }
  const version = data.format_version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw refuse(`This snapshot's "format_version" is ${version === undefined ? 'missing' : shown(version)}: it must be a whole number such as ${SNAPSHOT_FORMAT_VERSION}.`, [
      { path: 'format_version', reason: 'must be a whole number' },
    ]);
  }
  if (version > SNAPSHOT_FORMAT_VERSION) {
    throw refuse(
      `This snapshot was written by a newer version of Bake Planner (format version ${version}); this app reads versions up to ${SNAPSHOT_FORMAT_VERSION}. Update Bake Planner to import it.`,
      [{ path: 'format_version', reason: `${version} is newer than ${SNAPSHOT_FORMAT_VERSION}` }],
    );
  }
  const { doc, applied } = migrateSnapshot(data, version);
  const problems: Problem[] = [];
  if (doc.schema_version !== undefined && (typeof doc.schema_version !== 'number' || !Number.isInteger(doc.schema_version))) {
    problems.push({ path: 'schema_version', reason: `${shown(doc.schema_version)} is not a whole number.` });
  }
  if (doc.exported_at !== undefined && (typeof doc.exported_at !== 'string' || !isTimestamp(doc.exported_at))) {
    problems.push({ path: 'exported_at', reason: `${shown(doc.exported_at)} is not a time like 2026-11-26T12:00:00.000Z.` });
  }
  if (doc.app_version !== undefined && typeof doc.app_version !== 'string') problems.push({ path: 'app_version', reason: `${shown(doc.app_version)} is not text.` });
  if (doc.settings !== undefined && doc.settings !== null && !isObject(doc.settings)) problems.push({ path: 'settings', reason: 'settings must be an object ({ "currency": "USD" }).' });
  const known = new Set<string>([...SNAPSHOT_HEADER, ...SNAPSHOT_SECTIONS]);
  const sections: Record<string, RecordList> = {};
  for (const key of Object.keys(doc)) {
    if (!known.has(key)) problems.push({ path: key, reason: `Unknown section ${shown(key)}: a snapshot has ${SNAPSHOT_SECTIONS.join(', ')}.` });
  }
  for (const key of SNAPSHOT_SECTIONS) {
    const list = doc[key] ?? [];
    if (!Array.isArray(list) && !(list instanceof SectionRecords)) problems.push({ path: key, reason: `${key} must be a list ([ … ]).` });
    else if (list.length > MAX_RECORDS_OF_ONE_KIND) {
      problems.push({ path: key, reason: `${list.length.toLocaleString('en-US')} records; at most ${MAX_RECORDS_OF_ONE_KIND.toLocaleString('en-US')} of one kind are read.` });
    } else sections[key] = list;
  }
  if (problems.length > 0) {
    throw refuse(`Nothing was imported: the file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} (first: ${problems[0]!.path}: ${problems[0]!.reason})`, problems);
  }
  return { version, doc, sections, notes: applied };
}

/** The settings a file gives, checked; the report's line for them. */
function planSettings(db: Database, t: Tx, doc: Record<string, unknown>, mode: ImportMode): { currency: string | null; line: ImportRecordResult | null } {
  const settings = isObject(doc.settings) ? doc.settings : {};
  const unknown = Object.keys(settings).find((k) => k !== 'currency');
  const base = { path: 'settings', entity: 'settings' as const, label: 'currency' };
  if (unknown) return { currency: null, line: { ...base, path: `settings.${unknown}`, outcome: 'rejected', reason: `Unknown setting ${shown(unknown)}: a snapshot's settings are "currency".` } };
  const currency = settings.currency;
  if (currency === undefined || currency === null) return { currency: null, line: null };
  const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code) || !Intl.supportedValuesOf('currency').includes(code)) {
    return { currency: null, line: { ...base, path: 'settings.currency', outcome: 'rejected', reason: `${shown(currency)} is not a currency code such as USD, EUR or GBP.` } };
  }
  const current = getSettings(db, t);
  if (mode === 'merge' && current.currencyChosen) return { currency: null, line: { ...base, label: `currency ${code}`, outcome: 'skipped' } };
  return { currency: code, line: { ...base, label: `currency ${code}`, outcome: 'created' } };
}

/**
 * Imports a parsed snapshot (or Bake Tracker backup). Returns the report;
 * writes only when nothing is rejected and it is not a dry run. Problems
 * with the file as a whole (not a snapshot, a newer format, a section that
 * is not a list) and a restore into a database that holds data are thrown
 * as IMPORT / CONFLICT errors, with `details.problems` ({ path, reason }).
 */
export function importSnapshot(db: Database, data: unknown, options: SnapshotImportOptions, tx?: Tx): ImportReport {
  // The report is made once the transaction is over: its line per record (150,000 for a 50 MB file) is
  // then not held next to the drafts while the database's writes are committed (docs/design/snapshot-streaming.md).
  return withTransaction(db, tx, (t): (() => ImportReport) => {
    if (!isObject(data)) throw refuse('This is not a Bake Planner snapshot: a snapshot is a JSON object ({ "format": … }).');
    if (options.mode === 'restore' && !isEmptyDatabase(db, t)) {
      throw new AppError(
        'CONFLICT',
        'This database already holds data, so a snapshot cannot be restored into it: import it as a merge (--merge) to add what is missing, or into a new database file.',
        { field: 'mode' },
      );
    }
    if (data.application === 'bake-tracker' && data.format === undefined) {
      const report = bakeTracker(db, data, options, t);
      return () => report;
    }
    const { version, doc, sections, notes } = readHeader(data);

    const total = Object.values(sections).reduce((n, list) => n + list.length, 0);
    let done = 0;
    let phase: ImportProgress['phase'] = 'checking';
    const step = Math.max(1, Math.floor(total / 100));
    const ctx: PlanContext = {
      db,
      t,
      mode: options.mode,
      now: t.now(),
      tick: () => {
        done++;
        if (options.onProgress && (done % step === 0 || done === total)) options.onProgress({ phase, done, total });
        if (phase === 'writing' && done % COLLECT_EVERY === 0) options.collect?.();
      },
    };
    options.onProgress?.({ phase, done: 0, total });

    const report = new ImportReportBuilder();
    for (const note of notes) report.warn('format_version', 'migrated', `Migrated forward: ${note}.`);
    const settings = planSettings(db, t, doc, options.mode);
    const read = <T>(plan: T, ...keys: SnapshotSection[]): T => {
      if (options.consume) for (const key of keys) for (const holder of [sections, doc, data]) delete holder[key];
      return plan;
    };
    const catalog = read(readCatalog(db, ctx, sections, t), 'suppliers', 'ingredients', 'products');
    const pantry = read(readPantry(db, ctx, sections, t), 'purchases', 'lots');
    const materials = read(readMaterials(db, ctx, sections, t), 'materials', 'material_products', 'material_units', 'material_purchases', 'material_lots');
    const recipes = read(readRecipes(db, ctx, sections, t), 'recipes', 'finished_units');
    const goods = read(readGoods(db, ctx, sections, t), 'finished_goods');
    const events = read(readEvents(db, ctx, sections, t), 'events');
    const making = read(readMaking(db, ctx, sections, t), 'production_runs', 'assembly_runs', 'finished_unit_lots', 'finished_good_lots');
    const refs = { catalog, pantry, materials, recipes, goods, events };
    checkCatalog(db, ctx, catalog, { fileLines: new Set(recipes.recipes.flatMap((r) => r.record?.ingredients.map((l) => l.ingredient) ?? [])) }, t);
    // What runs draw comes first: each lot's remaining must account for it.
    const draws = drawsFromLots(db, making, refs, t);
    checkPantry(db, ctx, pantry, catalog, draws.ingredient, t);
    checkMaterials(db, ctx, materials, catalog, draws.material, t);
    checkRecipes(db, ctx, recipes, catalog, t);
    checkGoods(db, ctx, goods, recipes, materials, t);
    checkEvents(db, ctx, events, refs, t);
    const made = checkMaking(db, making, refs, t);

    const items: Item<unknown>[][] = [
      catalog.suppliers,
      catalog.ingredients,
      catalog.products,
      pantry.purchases,
      pantry.lots,
      pantry.adjustments,
      materials.materials,
      materials.products,
      materials.units,
      materials.purchases,
      materials.lots,
      recipes.recipes,
      recipes.finishedUnits,
      goods.goods,
      events.events,
      making.production,
      making.unitLots,
      making.goodLots,
      making.assembly,
    ];
    const accepted = settings.line?.outcome !== 'rejected' && !items.some((list) => list.some((i) => isRejected(i.result)));
    const write = accepted && !options.dryRun;
    if (write) {
      phase = 'writing';
      done = 0;
      options.onProgress?.({ phase, done, total });
      options.collect?.();
      applyCatalog(db, ctx, catalog, t);
      // Only products' drafts are read again (the ingredient a lot or a bake draws is its product's); pantry lets its own go as it writes.
      letGo(catalog.suppliers, catalog.ingredients);
      applyPantry(db, ctx, pantry, catalog, t);
      // Only bakes draw from the pantry's lots (by their keys, in their products' ingredients): a file without any
      // is done with the lots' plans and keys and the products' drafts here, before the rest of the database is written.
      if (making.production.length === 0) {
        letGo(catalog.products);
        pantry.planned.clear();
        pantry.keys.file.clear();
      }
      options.collect?.();
      applyMaterials(db, ctx, materials, catalog, t);
      applyRecipes(db, ctx, recipes, catalog, t);
      applyGoods(db, ctx, goods, recipes, materials, t);
      const snapshotIds = applyEvents(db, ctx, events, refs, t);
      options.collect?.();
      applyMaking(db, making, made, refs, snapshotIds, ctx.tick, t);
      if (settings.currency !== null) updateSettings(db, { currency: settings.currency }, t);
      updateSettings(db, { setupDone: true }, t);
    }
    // Written (or not): the drafts are done with; what the report needs is each item's result, path and label.
    letGo(...items);
    // Before COMMIT writes the last pages: with the drafts given back.
    if (write) options.collect?.();
    return reportOf(report, settings.line, items, version, write, options.dryRun === true && accepted, options.collect);
  })();
}

/** The report's lines, one per record, and its summary; `dryRun`: a dry run that found nothing wrong. */
function reportOf(
  report: ImportReportBuilder,
  settingsLine: ImportRecordResult | null,
  items: Item<unknown>[][],
  version: number,
  written: boolean,
  dryRun: boolean,
  collect: (() => void) | undefined,
): () => ImportReport {
  return () => {
    // After COMMIT: the database's in-memory file grew to its full size, each step a copy left for the collector.
    if (written) collect?.();
    if (settingsLine) report.add(settingsLine);
    for (const list of items) {
      for (const item of list) {
        const r = item.result;
        report.add(
          isRejected(r)
            ? { path: r.path, entity: item.entity, label: item.label, outcome: 'rejected', reason: r.reason }
            : { path: item.path, entity: item.entity, label: item.label, outcome: r.outcome },
        );
      }
    }
    const built = report.build({ application: 'bake-planner', version: String(version) }, written);
    return dryRun ? { ...built, summary: `Dry run, nothing written: ${built.summary.replace(/^Imported/, 'importing would create')}` } : built;
  };
}

/** A Bake Tracker backup, through its own importer; a dry run's writes are undone. */
function bakeTracker(db: Database, data: Record<string, unknown>, options: SnapshotImportOptions, t: Tx): ImportReport {
  if (!options.dryRun) return importBakeTracker(db, data, t);
  let report: ImportReport | null = null;
  const undo = new Error('dry run');
  try {
    savepoint(t, (sp) => {
      report = importBakeTracker(db, data, sp);
      throw undo;
    });
  } catch (e) {
    if (e !== undo) throw e;
  }
  const r = report as unknown as ImportReport;
  return { ...r, written: false, summary: r.ok ? `Dry run, nothing written: ${r.summary.replace(/^Imported/, 'importing would create')}` : r.summary };
}
