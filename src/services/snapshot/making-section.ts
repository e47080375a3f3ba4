/**
 * Checking and writing the making half of a snapshot (read by
 * making-read.ts): production runs with their ledgers, assembly runs with
 * theirs, finished stock without a run, and undos. A ledger is never taken
 * on trust: every figure that follows from something else is worked out
 * again from what it follows from (the yield from the run's recipe
 * definition and batches, the status from the loss, each draw's unit cost
 * from its lot, each cost, the totals, the cost per unit, whether the cost
 * is complete, what is left of every lot) and a file that disagrees is
 * refused at the figure's path; when it agrees the file's exact number is
 * kept. What runs draw is handed to the pantry's and the packaging's checks
 * first (`drawsFromLots`), so each lot's `remaining` accounts for it.
 *
 * Written through making's row functions, as recordProduction and
 * recordAssembly write them: a restore replays a ledger already recorded,
 * it records no new bake (tests/unit/audit/one-production-path.test.ts
 * names this file as the one other writer).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { plainNumber } from '../../domain/format';
import { ledgerAmount } from '../../domain/money';
import { costPerUnit, expectedYield, outputUnitCost, productionOutcome, type RunStatus } from '../../domain/production';
import { agrees, check, created, refId, type Item, type Ref } from '../../domain/snapshot-plan';
import { shown } from '../../domain/snapshot-fields';
import { BASE_UNIT, dimensionOf, toBase, type Unit } from '../../domain/units';
import { AppError } from '../../errors';
import { insertAssemblyConsumptionRow, insertAssemblyRunRow, insertFinishedGoodLotRow, type AssemblySource } from '../making/assembly-rows';
import { insertFinishedUnitLotRow, insertProductionConsumptionRow, insertProductionRunRow } from '../making/production-rows';
import { insertRunReversalRow } from '../making/reversal-rows';
import type { CatalogPlan, ProductDraft } from './catalog-section';
import type { EventDraft, EventsPlan, SnapshotIds } from './events-section';
import type { GoodsPlan } from './goods-section';
import type { AssemblyDraft, FinishedLotDraft, MakingPlan, ProductionDraft } from './making-read';
import type { MaterialsPlan } from './materials-section';
import type { IngredientLotDraft, PantryPlan } from './pantry-section';
import type { RecipesPlan } from './recipes-section';

export interface MakingRefs {
  catalog: CatalogPlan;
  pantry: PantryPlan;
  materials: MaterialsPlan;
  recipes: RecipesPlan;
  goods: GoodsPlan;
  events: EventsPlan;
}

/** Ledger money written by hand may be off by rounding in its last place. */
const moneyAgrees = (given: number, computed: number) => Math.abs(given - computed) <= 0.0001 + 1e-9 * Math.abs(computed);

/** The lot a run draws from, as its pantry (or packaging) item; one already in the database is refused. */
function fileLot<T>(ref: Ref<T>, path: string, key: string): Item<T> {
  if (ref.kind === 'db') {
    throw new RecordProblem(path, `"${key}" is already in the database: a run is imported together with the lots it drew (restore into an empty database, or merge into one without them).`);
  }
  return ref.item;
}

/** The lot a pantry item (a purchase or a lot without one) created, as the file gives it. */
function lotDraftOf(owner: Item<unknown>): { product: string; lot: IngredientLotDraft } {
  const r = owner.record as { product: string; lot?: IngredientLotDraft };
  return { product: r.product, lot: r.lot ?? (owner.record as IngredientLotDraft) };
}

/** A draw's quantity in the lot's base unit: in `unit`, else in the unit the lot's figures are in. */
function baseQuantity(quantity: number, unit: Unit | null, lotUnit: Unit, path: string): number {
  const u = unit ?? lotUnit;
  if (dimensionOf(u) !== dimensionOf(lotUnit)) throw new RecordProblem(`${path}.unit`, `${u} does not measure the same thing as the lot's ${lotUnit}.`);
  return u === BASE_UNIT[dimensionOf(u)] ? quantity : toBase(quantity, u);
}

export interface LotDraws {
  /** Base units drawn by bakes not undone, by pantry item (purchase or lot). */
  ingredient: Map<Item<unknown>, number>;
  /** Base measure drawn by assemblies not undone, by packaging item. */
  material: Map<Item<unknown>, number>;
}

const add = (m: Map<Item<unknown>, number>, item: Item<unknown>, n: number) => m.set(item, (m.get(item) ?? 0) + n);

/** What the file's runs (those not undone) draw from its pantry and packaging lots; a run whose draw cannot be read is rejected. */
export function drawsFromLots(db: Database, plan: MakingPlan, refs: MakingRefs, tx?: Tx): LotDraws {
  return withTransaction(db, tx, () => {
    const draws: LotDraws = { ingredient: new Map(), material: new Map() };
    for (const item of created(plan.production)) {
      check(item, (r) => {
        // Every draw that can be read counts, so one bad lot key does not make each other lot's remaining look wrong too.
        const problems = r.consumptions.flatMap((c, i) => {
          const path = `${item.path}.consumptions[${i}]`;
          try {
            const owner = fileLot(refs.pantry.keys.resolve(c.lot, `${path}.lot`), `${path}.lot`, c.lot) as Item<unknown>;
            const { product, lot } = lotDraftOf(owner);
            const lotUnit = lot.unit ?? refs.catalog.packageUnit(refs.catalog.keys.products.resolve(product, `${owner.path}.product`) as Ref<ProductDraft>);
            const n = baseQuantity(c.quantity, c.unit, lotUnit, path);
            if (!r.reversed) add(draws.ingredient, owner, n);
            return [];
          } catch (e) {
            if (e instanceof RecordProblem) return [e];
            throw e;
          }
        });
        if (problems.length > 0) throw problems[0]!;
      });
    }
    for (const item of created(plan.assembly)) {
      check(item, (r) => {
        const found = r.consumptions.flatMap((c, i) => {
          if (c.source !== 'material') return [];
          const path = `${item.path}.consumptions[${i}].material_lot`;
          return [[fileLot(refs.materials.keys.lots.resolve(c.key, path), path, c.key) as Item<unknown>, c.quantity] as const];
        });
        if (!r.reversed) for (const [owner, n] of found) add(draws.material, owner, n);
      });
    }
    return draws;
  });
}

interface PlannedDraw {
  /** The pantry, packaging, run or finished-lot item drawn from. */
  source: Item<unknown>;
  kind: 'ingredient' | 'unit' | 'good' | 'material';
  quantity: number;
  unitCost: number | null;
  cost: number | null;
  /** False when the lot had no cost, or was made by a run whose cost was incomplete. */
  complete: boolean;
  createdAt: string;
}

interface PlannedRun {
  event: Ref<EventDraft> | null;
  /** Position in the event's saved plans. */
  planSnapshot: number | null;
  total: number;
  perUnit: number;
  /** What one unit of its lot cost, unrounded (total / count), as making keeps it: draws from the lot use this. */
  lotUnitCost: number;
  costComplete: boolean;
  draws: PlannedDraw[];
  /** What it made, and what is left of it (worked out once every assembly is read). */
  made: number;
  remaining: number;
  /** An undone run whose emptied lot an (undone) assembly still names. */
  keepsEmptyLot: boolean;
}

interface PlannedProduction extends PlannedRun {
  recipe: Ref;
  unit: Ref;
  expected: number;
  actual: number;
  loss: number;
  status: RunStatus;
}

interface PlannedAssembly extends PlannedRun {
  good: Ref;
}

export interface MakingChecked {
  production: Map<Item<ProductionDraft>, PlannedProduction>;
  assembly: Map<Item<AssemblyDraft>, PlannedAssembly>;
  /** What is left of each finished lot without a run. */
  lotRemaining: Map<Item<FinishedLotDraft>, number>;
}

function checkRunHeader(t: Tx, refs: MakingRefs, path: string, r: { event: string | null; planSnapshot: number | null }): { event: Ref<EventDraft> | null } {
  const event = r.event === null ? null : refs.events.keys.resolve(r.event, `${path}.event`);
  if (r.planSnapshot !== null) {
    if (!event) throw new RecordProblem(`${path}.plan_snapshot`, 'A run follows a saved plan only of its event: name the event.');
    const count = event.kind === 'file' ? event.item.record!.snapshots.length : t.get<{ n: number }>('SELECT count(*) AS n FROM plan_snapshots WHERE event_id = ?', [event.id])!.n;
    if (r.planSnapshot >= count) throw new RecordProblem(`${path}.plan_snapshot`, `The event has ${count} saved plan${count === 1 ? '' : 's'}; there is no number ${r.planSnapshot} (counted from 0).`);
  }
  return { event };
}

/** Totals of a ledger, each given figure checked against them. */
function checkTotals(path: string, r: { totalCost: number | null; costPerUnit: number | null; costComplete: boolean | null }, draws: PlannedDraw[], units: number, complete: boolean) {
  const computed = ledgerAmount(draws.reduce((sum, d) => sum + (d.cost ?? 0), 0));
  if (r.totalCost !== null && !moneyAgrees(r.totalCost, computed)) throw new RecordProblem(`${path}.total_cost`, `Its ledger adds up to ${computed}, not ${r.totalCost}.`);
  const total = r.totalCost ?? computed;
  const perUnit = costPerUnit(total, units);
  if (r.costPerUnit !== null && !moneyAgrees(r.costPerUnit, perUnit)) {
    throw new RecordProblem(`${path}.cost_per_unit`, `${total} for ${units} is ${perUnit} each, not ${r.costPerUnit}.`);
  }
  if (r.costComplete !== null && r.costComplete !== complete) {
    throw new RecordProblem(`${path}.cost_complete`, complete ? 'Every lot it drew has a cost, so its cost is complete.' : 'A lot it drew has no known cost, so its cost is not complete.');
  }
  return { total, perUnit: r.costPerUnit ?? perUnit, lotUnitCost: outputUnitCost(total, units), costComplete: complete };
}

/**
 * A draw's cost: its unit cost times its quantity, the given figures checked.
 * `ledgerUnitCost` is for a bought lot, whose price the baker may correct after
 * it was drawn (a purchase edited, a lot priced later): the ledger row keeps the
 * unit cost it had when drawn (domain.md: ledger rows are append-only, each with
 * "the unit cost at consumption time"), so the file's is taken, null meaning it
 * was unknown then, and only its cost is checked against it. A finished lot's
 * cost never changes: its draws must cost what it costs.
 */
function drawCost(
  path: string,
  quantity: number,
  lotUnitCost: number | null,
  given: { unitCost: number | null; cost: number | null },
  givenUnitCost: number | null,
  ledgerUnitCost?: { unknown: boolean },
): { unitCost: number | null; cost: number | null } {
  if (ledgerUnitCost?.unknown) {
    if (given.cost !== null) throw new RecordProblem(`${path}.cost`, 'Its unit cost was unknown when it was drawn, so this draw has no cost either.');
    return { unitCost: null, cost: null };
  }
  if (ledgerUnitCost && givenUnitCost !== null) lotUnitCost = givenUnitCost;
  if (givenUnitCost !== null && (lotUnitCost === null || !agrees(givenUnitCost, lotUnitCost))) {
    throw new RecordProblem(`${path}.unit_cost`, lotUnitCost === null ? 'The lot drawn has no known cost.' : `The lot drawn costs ${lotUnitCost} a unit, not ${given.unitCost}.`);
  }
  const computed = lotUnitCost === null ? null : ledgerAmount(quantity * lotUnitCost);
  if (given.cost !== null) {
    if (computed === null) throw new RecordProblem(`${path}.cost`, 'The lot drawn has no known cost, so neither has this draw.');
    if (!moneyAgrees(given.cost, computed)) {
      throw new RecordProblem(`${path}.cost`, `${plainNumber(quantity, 4)} at ${plainNumber(lotUnitCost!, 8)} a unit is ${computed}, not ${plainNumber(given.cost, 6)}.`);
    }
  }
  return { unitCost: lotUnitCost, cost: given.cost ?? computed };
}

function checkProductionRun(t: Tx, refs: MakingRefs, item: Item<ProductionDraft>, r: ProductionDraft): PlannedProduction {
  const path = item.path;
  const recipe = refs.recipes.keys.recipes.resolve(r.recipe, `${path}.recipe`);
  const unit = refs.recipes.keys.finishedUnits.resolve(r.finishedUnit, `${path}.finished_unit`);
  const { event } = checkRunHeader(t, refs, path, r);
  const snap = r.recipeSnapshot;
  if (snap.recipe !== r.recipe) throw new RecordProblem(`${path}.recipe_snapshot.recipe`, `${shown(snap.recipe)} is not the run's recipe ("${r.recipe}").`);
  if (snap.finishedUnit !== r.finishedUnit) throw new RecordProblem(`${path}.recipe_snapshot.finishedUnit`, `${shown(snap.finishedUnit)} is not the run's finished unit ("${r.finishedUnit}").`);
  const y = Object.hasOwn(snap.finishedUnits, r.finishedUnit) ? snap.finishedUnits[r.finishedUnit] : undefined;
  const at = `${path}.recipe_snapshot.definitions.finishedUnits`;
  if (!y || (y.yieldMode === 'discrete' ? !(typeof y.itemsPerBatch === 'number' && y.itemsPerBatch > 0) : !(y.yieldMode === 'portion' && typeof y.portionPercent === 'number' && y.portionPercent > 0 && y.portionPercent <= 100))) {
    throw new RecordProblem(at, `The definition needs the yield of "${r.finishedUnit}": { "yieldMode": "discrete", "itemsPerBatch": 48 } or a portion percent.`);
  }
  const expected = expectedYield({ mode: y.yieldMode, itemsPerBatch: y.itemsPerBatch, portionPercent: y.portionPercent }, r.batches);
  if (expected < 1) throw new RecordProblem(`${path}.batches`, `${r.batches} batches make no whole ${r.finishedUnit}.`);
  if (r.expectedYield !== null && r.expectedYield !== expected) {
    throw new RecordProblem(`${path}.expected_yield`, `${r.batches} batches at the run's yield make ${expected}, not ${r.expectedYield}.`);
  }
  let outcome;
  try {
    outcome = productionOutcome(expected, r.actualYield);
  } catch (e) {
    if (e instanceof AppError) throw new RecordProblem(`${path}.actual_yield`, e.message);
    throw e;
  }
  if (r.status !== null && r.status !== outcome.status) throw new RecordProblem(`${path}.status`, `${outcome.actual} of ${expected} made is "${outcome.status}", not "${r.status}".`);
  if (outcome.loss === 0 && r.lossCategory !== null) throw new RecordProblem(`${path}.loss_category`, 'Nothing was lost in this bake, so it has no loss reason.');
  if (outcome.loss === 0 && r.lossNote !== '') throw new RecordProblem(`${path}.loss_note`, 'Nothing was lost in this bake, so it has no loss note.');
  const draws = r.consumptions.map((c, i): PlannedDraw => {
    const at = `${path}.consumptions[${i}]`;
    const owner = fileLot(refs.pantry.keys.resolve(c.lot, `${at}.lot`), `${at}.lot`, c.lot) as Item<unknown>;
    const figures = refs.pantry.planned.get(owner)!.figures!;
    const unitOfDraw = c.unit ?? figures.unit;
    const quantity = baseQuantity(c.quantity, c.unit, figures.unit, at);
    const givenUnitCost = c.unitCost === null ? null : unitOfDraw === BASE_UNIT[figures.dimension] ? c.unitCost : c.unitCost / toBase(1, unitOfDraw);
    const cost = drawCost(at, quantity, figures.unitCost, c, givenUnitCost, { unknown: c.unitCostUnknown });
    return { source: owner, kind: 'ingredient', quantity, ...cost, complete: cost.cost !== null, createdAt: c.createdAt ?? r.createdAt };
  });
  const totals = checkTotals(path, r, draws, outcome.actual, draws.every((d) => d.complete));
  if (r.reversed && r.lot !== null && r.lot.remaining !== null && r.lot.remaining !== 0) {
    throw new RecordProblem(`${path}.lot.remaining`, 'This bake was undone: its lot is gone, so nothing of it is left.');
  }
  return {
    recipe, unit, event, planSnapshot: r.planSnapshot, expected: outcome.expected, actual: outcome.actual, loss: outcome.loss, status: outcome.status,
    ...totals, draws, made: r.reversed ? 0 : outcome.actual, remaining: 0, keepsEmptyLot: false,
  };
}

function checkAssemblyRun(t: Tx, refs: MakingRefs, plan: MakingPlan, checked: MakingChecked, item: Item<AssemblyDraft>, r: AssemblyDraft): PlannedAssembly {
  const path = item.path;
  const good = refs.goods.keys.resolve(r.good, `${path}.finished_good`);
  const { event } = checkRunHeader(t, refs, path, r);
  if (r.goodSnapshot.good !== r.good) throw new RecordProblem(`${path}.good_snapshot.good`, `${shown(r.goodSnapshot.good)} is not the run's good ("${r.good}").`);
  const draws = r.consumptions.map((c, i): PlannedDraw => {
    const at = `${path}.consumptions[${i}]`;
    const field = `${at}.${c.source}_lot`;
    let lotUnitCost: number | null;
    let complete: boolean;
    let source: Item<unknown>;
    if (c.source === 'material') {
      source = fileLot(refs.materials.keys.lots.resolve(c.key, field), field, c.key) as Item<unknown>;
      const unitCost = refs.materials.planned.get(source)!.figures!.unitCost;
      // The ledger row's cost is never null: a lot with no cost is drawn at 0, and the run's cost is incomplete.
      lotUnitCost = unitCost ?? 0;
      complete = unitCost !== null;
    } else {
      source = fileLot((c.source === 'unit' ? plan.units : plan.goods).keys.resolve(c.key, field), field, c.key);
      const run = c.source === 'unit' ? checked.production.get(source as Item<ProductionDraft>) : checked.assembly.get(source as Item<AssemblyDraft>);
      if (run) {
        const undone = (source.record as ProductionDraft | AssemblyDraft).reversed !== null;
        if (undone && !r.reversed) throw new RecordProblem(field, `"${c.key}" was undone, so nothing can be drawn from it.`);
        lotUnitCost = run.lotUnitCost;
        complete = run.costComplete;
      } else if (source.entity === 'assembly run') {
        throw new RecordProblem(field, `"${c.key}" is listed after this assembly: an assembly draws only from goods assembled before it.`);
      } else {
        lotUnitCost = (source.record as FinishedLotDraft).unitCost;
        complete = true;
      }
    }
    // Packaging is bought: its ledger keeps the unit cost it had (drawCost); finished lots cost what they cost.
    const cost = drawCost(at, c.quantity, lotUnitCost, c, c.unitCost, c.source === 'material' ? { unknown: false } : undefined);
    return { source, kind: c.source, quantity: c.quantity, ...cost, complete, createdAt: c.createdAt ?? r.createdAt };
  });
  const totals = checkTotals(path, r, draws, r.quantity, draws.every((d) => d.complete));
  if (r.reversed && r.lot !== null && r.lot.remaining !== null && r.lot.remaining !== 0) {
    throw new RecordProblem(`${path}.lot.remaining`, 'This assembly was undone: its lot is gone, so nothing of it is left.');
  }
  return { good, event, planSnapshot: r.planSnapshot, ...totals, draws, made: r.reversed ? 0 : r.quantity, remaining: 0, keepsEmptyLot: false };
}

/** Checks every run and finished lot (after the pantry's and the packaging's checks, whose lots they draw). */
export function checkMaking(db: Database, plan: MakingPlan, refs: MakingRefs, tx?: Tx): MakingChecked {
  return withTransaction(db, tx, (t) => {
    const checked: MakingChecked = { production: new Map(), assembly: new Map(), lotRemaining: new Map() };
    for (const item of created(plan.production)) check(item, (r) => checked.production.set(item, checkProductionRun(t, refs, item, r)));
    for (const item of created(plan.unitLots)) check(item, (r) => refs.recipes.keys.finishedUnits.resolve(r.item, `${item.path}.finished_unit`));
    for (const item of created(plan.goodLots)) check(item, (r) => refs.goods.keys.resolve(r.item, `${item.path}.finished_good`));
    for (const item of created(plan.assembly)) check(item, (r) => checked.assembly.set(item, checkAssemblyRun(t, refs, plan, checked, item, r)));

    // What the file's assemblies not undone drew from each finished lot (read from the file, so that one assembly refused for
    // its own figures does not make the lots it drew look wrong too); an undone assembly's draws name a lot that must stay.
    const drawn = new Map<Item<unknown>, number>();
    for (const item of plan.assembly) {
      if (item.result.outcome === 'skipped' || !item.record) continue;
      for (const c of item.record.consumptions) {
        if (c.source === 'material') continue;
        const source = (c.source === 'unit' ? plan.units : plan.goods).keys.file.get(c.key);
        if (!source) continue;
        if (item.record.reversed === null) add(drawn, source, c.quantity);
        const run = checked.production.get(source as Item<ProductionDraft>) ?? checked.assembly.get(source as Item<AssemblyDraft>);
        if (run) run.keepsEmptyLot = true;
      }
    }
    const remainingOf = (item: Item<ProductionDraft> | Item<AssemblyDraft>, run: PlannedRun) => {
      check(item as Item<ProductionDraft | AssemblyDraft>, (r) => {
        if (r.reversed !== null) return;
        const left = run.made - (drawn.get(item) ?? 0);
        if (left < 0) throw new RecordProblem(`${item.path}.lot`, `Assemblies drew ${drawn.get(item)} from it, more than the ${run.made} it made.`);
        if (r.lot?.remaining != null && r.lot.remaining !== left) throw new RecordProblem(`${item.path}.lot.remaining`, `Of the ${run.made} it made, assemblies drew ${run.made - left}: ${left} are left, not ${r.lot.remaining}.`);
        run.remaining = left;
      });
    };
    for (const [item, run] of checked.production) remainingOf(item, run);
    for (const [item, run] of checked.assembly) remainingOf(item, run);
    for (const item of created([...plan.unitLots, ...plan.goodLots])) {
      check(item, (r) => {
        const left = r.count - (drawn.get(item) ?? 0);
        if (left < 0) throw new RecordProblem(`${item.path}.count`, `Assemblies drew ${drawn.get(item)} from it, more than its ${r.count}.`);
        if (r.remaining !== null && r.remaining !== left) throw new RecordProblem(`${item.path}.remaining`, `Of its ${r.count}, assemblies drew ${r.count - left}: ${left} are left, not ${r.remaining}.`);
        checked.lotRemaining.set(item, left);
      });
    }
    return checked;
  });
}

/** The id of the saved plan at `position` of a run's event (written from the file, or already in the database). */
function snapshotId(t: Tx, event: Ref<EventDraft>, position: number, snapshots: SnapshotIds): number {
  if (event.kind === 'file') return snapshots.get(event.item)![position]!;
  return t.all<{ id: number }>('SELECT id FROM plan_snapshots WHERE event_id = ? ORDER BY taken_at, id', [event.id])[position]!.id;
}

export function applyMaking(db: Database, plan: MakingPlan, checked: MakingChecked, refs: MakingRefs, snapshots: SnapshotIds, tick: () => void, tx?: Tx): void {
  return withTransaction(db, tx, (t) => {
    /** Finished lot ids by the run (or lot) item that made them. */
    const lotIds = new Map<Item<unknown>, number>();
    const header = (run: PlannedRun, r: ProductionDraft | AssemblyDraft) => ({
      eventId: run.event === null ? null : refId(run.event),
      planSnapshotId: run.planSnapshot === null ? null : snapshotId(t, run.event!, run.planSnapshot, snapshots),
      totalCost: run.total,
      costPerUnit: run.perUnit,
      costComplete: run.costComplete,
      notes: r.notes,
      createdAt: r.createdAt,
    });
    const outputLot = (run: PlannedRun, r: ProductionDraft | AssemblyDraft) =>
      r.reversed === null
        ? { count: run.made, remaining: run.remaining, unitCost: run.lotUnitCost, createdAt: r.createdAt, updatedAt: r.lot?.updatedAt ?? r.createdAt }
        : { count: 0, remaining: 0, unitCost: run.lotUnitCost, createdAt: r.createdAt, updatedAt: r.reversed.createdAt };

    /** Each drawn lot's ingredient, resolved once: a busy pantry's lots are drawn by many bakes each. */
    const ingredientIds = new Map<Item<unknown>, number>();
    const ingredientIdOf = (source: Item<unknown>) => {
      let id = ingredientIds.get(source);
      if (id === undefined) ingredientIds.set(source, (id = refId(refs.catalog.ingredientOf(refs.pantry.planned.get(source)!.product))));
      return id;
    };

    for (const item of created(plan.production)) {
      const r = item.record!;
      const run = checked.production.get(item)!;
      const id = insertProductionRunRow(
        db,
        {
          ...header(run, r), recipeId: refId(run.recipe), finishedUnitId: refId(run.unit), producedOn: r.date, batches: r.batches, expectedYield: run.expected,
          actualYield: run.actual, lossQuantity: run.loss, lossCategory: r.lossCategory, lossNote: r.lossNote, status: run.status, recipeSnapshot: r.recipeSnapshot.text,
        },
        t,
      );
      for (const d of run.draws) {
        const lotId = refs.pantry.planned.get(d.source)!.lotId!;
        insertProductionConsumptionRow(db, { productionRunId: id, ingredientId: ingredientIdOf(d.source), lotId, quantity: d.quantity, unitCost: d.unitCost, cost: d.cost, createdAt: d.createdAt }, t);
      }
      // An undone bake's lot went; it stays, emptied, only while an (undone) assembly's ledger names it.
      if (r.reversed === null || run.keepsEmptyLot) {
        lotIds.set(item, insertFinishedUnitLotRow(db, { finishedUnitId: refId(run.unit), productionRunId: id, madeOn: r.date, ...outputLot(run, r) }, t));
      }
      if (r.reversed) insertRunReversalRow(db, { run: { kind: 'production', id }, note: r.reversed.note, createdAt: r.reversed.createdAt }, t);
      item.result = { outcome: 'created', id };
      tick();
    }
    for (const item of created(plan.unitLots)) {
      const r = item.record!;
      const lot = { madeOn: r.date, count: r.count, remaining: checked.lotRemaining.get(item)!, unitCost: r.unitCost, createdAt: r.createdAt, updatedAt: r.updatedAt };
      const id = insertFinishedUnitLotRow(db, { finishedUnitId: refId(refs.recipes.keys.finishedUnits.resolve(r.item, '')), productionRunId: null, ...lot }, t);
      lotIds.set(item, id);
      item.result = { outcome: 'created', id };
      tick();
    }
    for (const item of created(plan.goodLots)) {
      const r = item.record!;
      const lot = { madeOn: r.date, count: r.count, remaining: checked.lotRemaining.get(item)!, unitCost: r.unitCost, createdAt: r.createdAt, updatedAt: r.updatedAt };
      const id = insertFinishedGoodLotRow(db, { finishedGoodId: refId(refs.goods.keys.resolve(r.item, '')), assemblyRunId: null, ...lot }, t);
      lotIds.set(item, id);
      item.result = { outcome: 'created', id };
      tick();
    }
    for (const item of created(plan.assembly)) {
      const r = item.record!;
      const run = checked.assembly.get(item)!;
      const id = insertAssemblyRunRow(
        db,
        {
          ...header(run, r), finishedGoodId: refId(run.good), assembledOn: r.date, quantity: r.quantity, goodSnapshot: r.goodSnapshot.text,
          packagingBypassed: r.packagingBypassed, bypassNote: r.bypassNote,
        },
        t,
      );
      for (const d of run.draws) {
        const source: AssemblySource =
          d.kind === 'material'
            ? { kind: 'material', lotId: refs.materials.planned.get(d.source)!.lotId! }
            : { kind: d.kind === 'unit' ? 'finished_unit' : 'finished_good', lotId: lotIds.get(d.source)! };
        insertAssemblyConsumptionRow(db, { assemblyRunId: id, source, quantity: d.quantity, unitCost: d.unitCost!, cost: d.cost!, createdAt: d.createdAt }, t);
      }
      if (r.reversed === null || run.keepsEmptyLot) {
        lotIds.set(item, insertFinishedGoodLotRow(db, { finishedGoodId: refId(run.good), assemblyRunId: id, madeOn: r.date, ...outputLot(run, r) }, t));
      }
      if (r.reversed) insertRunReversalRow(db, { run: { kind: 'assembly', id }, note: r.reversed.note, createdAt: r.reversed.createdAt }, t);
      item.result = { outcome: 'created', id };
      tick();
    }
  });
}
