/**
 * Reading the making half of a snapshot: production runs, assembly runs and
 * finished stock that came without a run, each record into a draft (field
 * by field, refusing unknown fields), and their keys claimed. A run is
 * known by its key (`<slug>@<date>[#n]`, lot-keys.ts); its output lot has
 * the run's key, so assemblies draw from `sugar-cookie@2026-12-01`. Pure
 * reading: making-section.ts checks and writes.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import type { Definitions } from '../../domain/definitions';
import { MAX_ASSEMBLY_QUANTITY, MAX_RUN_BATCHES } from '../../domain/limits';
import { LOSS_CATEGORIES, type LossCategory, type RunStatus } from '../../domain/production';
import { LotKeys } from '../../domain/snapshot-format';
import { Fields } from '../../domain/snapshot-fields';
import { labelOf, readItems, type Item, type RecordList } from '../../domain/snapshot-plan';
import type { Unit } from '../../domain/units';
import { runKeys } from './lot-keys';
import { Keys, type PlanContext } from './plan';

export interface RunLotDraft {
  remaining: number | null;
  updatedAt: string | null;
}

export interface ReversalDraft {
  note: string;
  createdAt: string;
}

interface RunDraft {
  key: string | null;
  event: string | null;
  date: string;
  planSnapshot: number | null;
  totalCost: number | null;
  costPerUnit: number | null;
  costComplete: boolean | null;
  /** Null: left out (worked out); an undone run's is null in an export. */
  lot: RunLotDraft | null;
  reversed: ReversalDraft | null;
  notes: string;
  createdAt: string;
}

export interface ProductionConsumptionDraft {
  lot: string;
  quantity: number;
  unit: Unit | null;
  unitCost: number | null;
  /** `"unit_cost": null` written out: the lot's cost was unknown when it was drawn. */
  unitCostUnknown: boolean;
  cost: number | null;
  createdAt: string | null;
}

export interface ProductionDraft extends RunDraft {
  recipe: string;
  finishedUnit: string;
  batches: number;
  expectedYield: number | null;
  actualYield: number | null;
  status: RunStatus | null;
  lossCategory: LossCategory | null;
  lossNote: string;
  /**
   * What the checks read of the run's recipe snapshot, and its text as it is stored: written out when read, so that the
   * parsed definitions (most of a bake's record) are let go young instead of kept until every record is checked.
   */
  recipeSnapshot: { recipe: string; finishedUnit: string; finishedUnits: Definitions['finishedUnits']; text: string };
  consumptions: ProductionConsumptionDraft[];
}

export type SourceKind = 'unit' | 'good' | 'material';

export interface AssemblyConsumptionDraft {
  source: SourceKind;
  key: string;
  quantity: number;
  unitCost: number | null;
  cost: number | null;
  createdAt: string | null;
}

export interface AssemblyDraft extends RunDraft {
  good: string;
  quantity: number;
  /** The good the snapshot names, and the snapshot's text as it is stored (written out when read, as a bake's). */
  goodSnapshot: { good: string; text: string };
  packagingBypassed: boolean;
  bypassNote: string;
  consumptions: AssemblyConsumptionDraft[];
}

export interface FinishedLotDraft {
  key: string | null;
  item: string;
  date: string;
  count: number;
  remaining: number | null;
  unitCost: number;
  createdAt: string;
  updatedAt: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function entries<T>(f: Fields, key: string, reader: (x: Fields) => T, required = false): T[] {
  if (required && !f.has(key)) throw f.problem(key, `${key} is required: one entry per lot drawn (an empty list when nothing was).`);
  return f.list(key).map((raw, i) => {
    const x = new Fields(raw, `${f.at(key)}[${i}]`);
    const out = reader(x);
    x.done();
    return out;
  });
}

function readRun(f: Fields, now: string): RunDraft {
  const createdAt = f.timestamp('created_at', now);
  const lotFields = f.object('lot');
  let lot: RunLotDraft | null = null;
  if (lotFields) {
    lot = { remaining: lotFields.number('remaining', { min: 'non-negative', whole: true }), updatedAt: lotFields.timestamp('updated_at', null) };
    lotFields.done();
  }
  const reversedFields = f.object('reversed');
  let reversed: ReversalDraft | null = null;
  if (reversedFields) {
    reversed = { note: reversedFields.text('note'), createdAt: reversedFields.timestamp('created_at', createdAt) };
    reversedFields.done();
  }
  return {
    key: f.ref('key', false),
    event: f.ref('event', false),
    date: f.date('date', true),
    planSnapshot: f.number('plan_snapshot', { min: 'non-negative', whole: true }),
    totalCost: f.number('total_cost', { min: 'non-negative' }),
    costPerUnit: f.number('cost_per_unit', { min: 'non-negative' }),
    costComplete: f.has('cost_complete') ? f.bool('cost_complete', true) : null,
    lot,
    reversed,
    notes: f.text('notes'),
    createdAt,
  };
}

function readRecipeSnapshot(f: Fields): ProductionDraft['recipeSnapshot'] {
  const raw = f.value('recipe_snapshot');
  const problem = (why: string) => f.problem('recipe_snapshot', why);
  if (!isObject(raw)) throw problem('recipe_snapshot is required: the definition the run baked, { "recipe", "finishedUnit", "definitions" }.');
  const d = raw.definitions;
  if (typeof raw.recipe !== 'string' || typeof raw.finishedUnit !== 'string' || !isObject(d) || !['recipes', 'finishedUnits', 'goods', 'materialUnits'].every((k) => isObject(d[k]))) {
    throw problem('This is not a run\'s recipe definition: it needs "recipe", "finishedUnit" and "definitions" with recipes, finishedUnits, goods and materialUnits.');
  }
  return { recipe: raw.recipe, finishedUnit: raw.finishedUnit, finishedUnits: (d as unknown as Definitions).finishedUnits, text: JSON.stringify(raw) };
}

function readProduction(f: Fields, now: string): ProductionDraft {
  const run = readRun(f, now);
  const lossCategory = f.has('loss_category') ? f.choice('loss_category', LOSS_CATEGORIES) : null;
  return {
    ...run,
    recipe: f.ref('recipe', true),
    finishedUnit: f.ref('finished_unit', true),
    batches: f.requiredNumber('batches', { min: 'positive', max: MAX_RUN_BATCHES }),
    expectedYield: f.number('expected_yield', { min: 'non-negative', whole: true }),
    actualYield: f.number('actual_yield', { min: 'non-negative', whole: true }),
    status: f.has('status') ? f.choice('status', ['complete', 'partial_loss', 'total_loss'] as const) : null,
    lossCategory,
    lossNote: f.text('loss_note'),
    recipeSnapshot: readRecipeSnapshot(f),
    consumptions: entries(
      f,
      'consumptions',
      (x) => ({
        lot: x.ref('lot', true),
        quantity: x.requiredNumber('quantity', { min: 'positive' }),
        unit: x.has('unit') ? x.unit('unit') : null,
        unitCost: x.number('unit_cost', { min: 'non-negative' }),
        unitCostUnknown: x.isNull('unit_cost'),
        cost: x.number('cost', { min: 'non-negative' }),
        createdAt: x.timestamp('created_at', null),
      }),
      true,
    ),
  };
}

const SOURCES: readonly [field: string, kind: SourceKind][] = [
  ['unit_lot', 'unit'],
  ['good_lot', 'good'],
  ['material_lot', 'material'],
];

function readAssembly(f: Fields, now: string): AssemblyDraft {
  const run = readRun(f, now);
  const good = f.ref('finished_good', true);
  const snapshot = f.value('good_snapshot');
  if (!isObject(snapshot) || typeof snapshot.good !== 'string' || !isObject(snapshot.definitions)) {
    throw f.problem('good_snapshot', 'good_snapshot is required: the good as it was assembled, { "good", "definitions", "packaging" }.');
  }
  const packagingBypassed = f.bool('packaging_bypassed', false);
  const bypassNote = f.text('bypass_note');
  if (packagingBypassed && !bypassNote) throw f.problem('bypass_note', 'Say why the packaging was left out: a bypass needs a note.');
  return {
    ...run,
    good,
    quantity: f.requiredNumber('quantity', { min: 'positive', whole: true, max: MAX_ASSEMBLY_QUANTITY }),
    goodSnapshot: { good: snapshot.good, text: JSON.stringify(snapshot) },
    packagingBypassed,
    bypassNote,
    consumptions: entries(
      f,
      'consumptions',
      (x) => {
        const given = SOURCES.filter(([field]) => x.has(field));
        if (given.length !== 1) throw new RecordProblem(x.path, 'Give exactly one of "unit_lot", "good_lot" or "material_lot": the lot drawn.');
        const [field, source] = given[0]!;
        return {
          source,
          key: x.ref(field, true),
          quantity: x.requiredNumber('quantity', { min: 'positive', whole: source !== 'material' }),
          unitCost: x.number('unit_cost', { min: 'non-negative' }),
          cost: x.number('cost', { min: 'non-negative' }),
          createdAt: x.timestamp('created_at', null),
        };
      },
      true,
    ),
  };
}

function readFinishedLot(f: Fields, itemField: 'finished_unit' | 'finished_good', now: string): FinishedLotDraft {
  const count = f.requiredNumber('count', { min: 'non-negative', whole: true });
  return {
    key: f.ref('key', false),
    item: f.ref(itemField, true),
    date: f.date('date', true),
    count,
    remaining: f.number('remaining', { min: 'non-negative', whole: true }),
    unitCost: f.requiredNumber('unit_cost', { min: 'non-negative' }),
    ...f.stamps(now),
  };
}

/**
 * Keys of one kind of finished stock: runs (production, or assembly) and the
 * lots without a run, in one namespace, since a run's lot has its key.
 */
export interface StockKeys {
  keys: Keys<unknown>;
  /** The key each item (run or lot) got. */
  keyOf: Map<Item<unknown>, string>;
}

export interface MakingPlan {
  production: Item<ProductionDraft>[];
  assembly: Item<AssemblyDraft>[];
  unitLots: Item<FinishedLotDraft>[];
  goodLots: Item<FinishedLotDraft>[];
  units: StockKeys;
  goods: StockKeys;
}

function claimStock(t: Tx, db: Database, kind: 'production' | 'assembly', runs: Item<ProductionDraft | AssemblyDraft>[], lots: Item<FinishedLotDraft>[], slugOf: (r: ProductionDraft | AssemblyDraft) => string): StockKeys {
  const inDb = runKeys(db, kind, t);
  const known = new Map<string, number>([...inDb.lots].map(([id, key]) => [key, id]));
  for (const [id, key] of inDb.runs) known.set(key, id);
  const keys = new Keys<unknown>(kind === 'production' ? 'bake or finished-unit lot' : 'assembly or finished-good lot', known);
  const derived = new LotKeys();
  const keyOf = new Map<Item<unknown>, string>();
  const claim = (item: Item<unknown>, slug: string, date: string, given: string | null) => {
    const key = derived.next(slug, date);
    keyOf.set(item, key);
    if (given !== null && given !== key) {
      item.result = { outcome: 'rejected', path: `${item.path}.key`, reason: `"${given}" is not this record's key: it is known by its slug and date, here "${key}" (leave "key" out to have it filled in).` };
    }
    keys.claim(item, key, 'key');
  };
  for (const item of runs) if (item.record) claim(item, slugOf(item.record), item.record.date, item.record.key);
  for (const item of lots) if (item.record) claim(item, item.record.item, item.record.date, item.record.key);
  return { keys, keyOf };
}

export function readMaking(db: Database, ctx: PlanContext, file: Record<string, RecordList>, tx?: Tx): MakingPlan {
  return withTransaction(db, tx, (t) => {
    const production = readItems(ctx.tick, file.production_runs!, 'production_runs', 'production run', (f) => readProduction(f, ctx.now), labelOf('key', 'finished_unit'));
    const assembly = readItems(ctx.tick, file.assembly_runs!, 'assembly_runs', 'assembly run', (f) => readAssembly(f, ctx.now), labelOf('key', 'finished_good'));
    const unitLots = readItems(ctx.tick, file.finished_unit_lots!, 'finished_unit_lots', 'finished unit lot', (f) => readFinishedLot(f, 'finished_unit', ctx.now), labelOf('key', 'finished_unit'));
    const goodLots = readItems(ctx.tick, file.finished_good_lots!, 'finished_good_lots', 'finished good lot', (f) => readFinishedLot(f, 'finished_good', ctx.now), labelOf('key', 'finished_good'));
    return {
      production,
      assembly,
      unitLots,
      goodLots,
      units: claimStock(t, db, 'production', production, unitLots, (r) => (r as ProductionDraft).finishedUnit),
      goods: claimStock(t, db, 'assembly', assembly, goodLots, (r) => (r as AssemblyDraft).good),
    };
  });
}
