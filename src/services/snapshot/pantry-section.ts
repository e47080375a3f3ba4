/**
 * The pantry of a snapshot: purchases, each with the lot it created, lots
 * that came without a purchase, and each lot's adjustments (the ledger of
 * manual changes, undos included). A purchase is known by its lot's key
 * (product@date), so in a merge a purchase the database already has is
 * skipped with its lot and adjustments. The lot's figures are checked
 * against the purchase and the ledger (lot-figures.ts), adjustments with the
 * adjustment rules (a reason, a note for "other", only a correction adds,
 * an undo reverses an earlier one exactly), and everything is written
 * through the pantry's row functions.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { plainQuantity } from '../../domain/format';
import { MAX_PACKAGES, MAX_PRICE_PER_PACKAGE } from '../../domain/limits';
import { ledgerAmount } from '../../domain/money';
import { LotKeys } from '../../domain/snapshot-format';
import { Fields } from '../../domain/snapshot-fields';
import { BASE_UNIT, dimensionOf, toBase, type Unit } from '../../domain/units';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '../pantry/adjustments';
import { insertAdjustmentRow } from '../pantry/adjustment-rows';
import { insertLotRow } from '../pantry/lot-rows';
import { insertPurchaseRow } from '../pantry/purchase-rows';
import type { CatalogPlan, ProductDraft } from './catalog-section';
import { checkFigures, readLotFigures, type CheckedFigures, type LotFiguresDraft } from '../../domain/snapshot-lot-figures';
import { ingredientLotKeys } from './lot-keys';
import { agrees, check, created, labelOf, letGo, orNothing, readItems, refId, writeInCreationOrder, type Item, type Ref, type RecordList } from '../../domain/snapshot-plan';
import { Keys, type PlanContext } from './plan';

export interface AdjustmentDraft {
  date: string;
  reason: AdjustmentReason;
  direction: 'remove' | 'add';
  quantity: number;
  unit: Unit | null;
  note: string;
  unitCost: number | null;
  cost: number | null;
  undoes: number | null;
  createdAt: string;
}

export interface IngredientLotDraft extends LotFiguresDraft {
  expiresOn: string | null;
  adjustments: AdjustmentDraft[];
}

export interface PurchaseDraft {
  product: string;
  supplier: string | null;
  date: string;
  packages: number;
  pricePerPackage: number;
  notes: string;
  createdAt: string;
  updatedAt: string;
  lot: IngredientLotDraft;
}

export interface LotDraft extends IngredientLotDraft {
  product: string;
  date: string;
}

/** A lot of the file, checked: figures in base units, adjustments with their base-unit changes and costs. */
export interface PlannedLot {
  key: string;
  product: Ref<ProductDraft>;
  figures: CheckedFigures | null;
  adjustments: { draft: AdjustmentDraft; delta: number; unitCost: number | null; cost: number | null }[];
  /** The report's lines for its adjustments. */
  adjustmentItems: Item<AdjustmentDraft>[];
  /** Its id once written (production ledgers point at it). */
  lotId?: number;
}

function readAdjustment(f: Fields, now: string): AdjustmentDraft {
  const reason = f.choice('reason', ADJUSTMENT_REASONS);
  const direction = f.choice('direction', ['remove', 'add'] as const, 'remove');
  const note = f.text('note');
  if (reason === 'other' && !note) throw f.problem('note', 'Say what happened: the reason "other" needs a note.');
  if (direction === 'add' && reason !== 'correction') throw f.problem('direction', 'Only a correction can add to a lot; stock that came in is a purchase.');
  return {
    date: f.date('date', true),
    reason,
    direction,
    quantity: f.requiredNumber('quantity', { min: 'positive' }),
    unit: f.has('unit') ? f.unit('unit') : null,
    note,
    unitCost: f.number('unit_cost', { min: 'non-negative' }),
    cost: f.number('cost', { min: 'non-negative' }),
    undoes: f.number('undoes', { min: 'non-negative', whole: true }),
    createdAt: f.timestamp('created_at', now),
  };
}

function readIngredientLot(f: Fields, now: string): IngredientLotDraft {
  // Field by field, not spread: a spread's extra fields are kept outside the object (lots are most of a large file's records).
  const { key, quantity, remaining, unitCost, unit, location, notes, createdAt, updatedAt } = readLotFigures(f, now);
  const adjustments = orNothing(
    f.list('adjustments').map((raw, i) => {
      const a = new Fields(raw, `${f.at('adjustments')}[${i}]`);
      const draft = readAdjustment(a, now);
      a.done();
      return draft;
    }),
  );
  return { key, quantity, remaining, unitCost, unit, location, notes, createdAt, updatedAt, expiresOn: f.date('expires_on', false), adjustments };
}

function readPurchase(f: Fields, now: string): PurchaseDraft {
  const lotFields = f.object('lot');
  const stamps = f.stamps(now);
  let lot: IngredientLotDraft;
  if (lotFields) {
    lot = readIngredientLot(lotFields, stamps.createdAt);
    lotFields.done();
  } else {
    lot = { key: null, quantity: null, remaining: null, unitCost: null, unit: null, location: '', notes: '', createdAt: stamps.createdAt, updatedAt: stamps.updatedAt, expiresOn: null, adjustments: orNothing([]) };
  }
  return {
    product: f.ref('product', true),
    supplier: f.ref('supplier', false),
    date: f.date('date', true),
    packages: f.requiredNumber('packages', { min: 'positive', max: MAX_PACKAGES }),
    pricePerPackage: f.requiredNumber('price_per_package', { min: 'non-negative', max: MAX_PRICE_PER_PACKAGE }),
    notes: f.text('notes'),
    createdAt: stamps.createdAt,
    updatedAt: stamps.updatedAt,
    lot,
  };
}

function readLot(f: Fields, now: string): LotDraft {
  return { ...readIngredientLot(f, now), product: f.ref('product', true), date: f.date('date', true) };
}

export interface PantryPlan {
  purchases: Item<PurchaseDraft>[];
  lots: Item<LotDraft>[];
  /** Every adjustment of the file, reported on its own line (path …lot.adjustments[i]). */
  adjustments: Item<AdjustmentDraft>[];
  keys: Keys<PlannedLot>;
  /** Planned lots by the item (purchase or lot) they belong to. */
  planned: Map<Item<unknown>, PlannedLot>;
}

export function readPantry(db: Database, ctx: PlanContext, file: Record<string, RecordList>, tx?: Tx): PantryPlan {
  return withTransaction(db, tx, () => {
    const purchases = readItems(ctx.tick, file.purchases!, 'purchases', 'purchase', (f) => readPurchase(f, ctx.now), labelOf('product'));
    const lots = readItems(ctx.tick, file.lots!, 'lots', 'lot', (f) => readLot(f, ctx.now), labelOf('key', 'product'));
    const keys = new Keys<PlannedLot>('lot', new Map([...ingredientLotKeys(ctx.db, ctx.t)].map(([id, key]) => [key, id])));
    const derived = new LotKeys();
    const planned = new Map<Item<unknown>, PlannedLot>();
    const adjustments: Item<AdjustmentDraft>[] = [];
    const register = (item: Item<PurchaseDraft> | Item<LotDraft>, product: string, date: string, lotPath: string, lot: IngredientLotDraft) => {
      const key = derived.next(product, date);
      const adjustmentItems = orNothing(
        lot.adjustments.map(
          (a, i): Item<AdjustmentDraft> => ({ index: i, path: `${lotPath}.adjustments[${i}]`, record: a, result: { outcome: 'created', id: null }, label: `${a.reason} of ${key}`, entity: 'adjustment' }),
        ),
      );
      adjustments.push(...adjustmentItems);
      keys.claim(item as Item<never>, key, lotPath === item.path ? 'key' : 'lot.key');
      planned.set(item, { key, product: { kind: 'db', id: 0 }, figures: null, adjustments: orNothing([]), adjustmentItems });
    };
    for (const item of purchases) if (item.record) register(item, item.record.product, item.record.date, `${item.path}.lot`, item.record.lot);
    for (const item of lots) if (item.record) register(item, item.record.product, item.record.date, item.path, item.record);
    return { purchases, lots, adjustments, keys, planned };
  });
}

/** The adjustments of one lot, checked in order; returns their total change in base units. */
function checkAdjustments(lotPath: string, lot: IngredientLotDraft, unit: Unit, lotUnitCost: number | null, out: PlannedLot['adjustments']): number {
  const base = BASE_UNIT[dimensionOf(unit)];
  const undone = new Set<number>();
  let change = 0;
  lot.adjustments.forEach((a, i) => {
    const at = `${lotPath}.adjustments[${i}]`;
    const aUnit = a.unit ?? unit;
    if (dimensionOf(aUnit) !== dimensionOf(unit)) throw new RecordProblem(`${at}.unit`, `${aUnit} does not measure the same thing as the lot's ${unit}.`);
    const amount = aUnit === base ? a.quantity : toBase(a.quantity, aUnit);
    const delta = a.direction === 'remove' ? -amount : amount;
    const unitCost = a.unitCost === null ? lotUnitCost : aUnit === base ? a.unitCost : a.unitCost / toBase(1, aUnit);
    const computedCost = unitCost === null ? null : ledgerAmount(amount * unitCost);
    if (a.cost !== null) {
      if (computedCost === null) throw new RecordProblem(`${at}.cost`, 'This lot has no known cost, so its adjustments have none either.');
      if (Math.abs(a.cost - computedCost) > 0.0001 + 1e-9 * computedCost) {
        throw new RecordProblem(`${at}.cost`, `${plainQuantity(a.quantity, aUnit)} at ${a.unitCost ?? 'the lot’s unit cost'} is ${computedCost}, not ${a.cost}.`);
      }
    }
    if (a.undoes !== null) {
      const original = lot.adjustments[a.undoes];
      if (a.undoes >= i || !original) throw new RecordProblem(`${at}.undoes`, `An undo reverses an earlier adjustment of the same lot: ${a.undoes} is not one (this is number ${i}).`);
      if (original.undoes !== null) throw new RecordProblem(`${at}.undoes`, 'An undo cannot itself be undone; record a new adjustment instead.');
      if (undone.has(a.undoes)) throw new RecordProblem(`${at}.undoes`, `Adjustment ${a.undoes} is undone twice.`);
      const originalAmount = (original.unit ?? unit) === base ? original.quantity : toBase(original.quantity, original.unit ?? unit);
      if (a.reason !== 'correction' || a.direction === original.direction || !agrees(amount, originalAmount)) {
        throw new RecordProblem(`${at}.undoes`, 'An undo is a correction of the same quantity in the other direction.');
      }
      undone.add(a.undoes);
    }
    out.push({ draft: a, delta, unitCost, cost: a.cost ?? computedCost });
    change += delta;
  });
  return change;
}

/**
 * Checks the pantry's records; `drawn` is what the file's bakes took from
 * each lot (by its purchase or lot item, in base units), which its
 * `remaining` must account for.
 */
export function checkPantry(db: Database, ctx: PlanContext, plan: PantryPlan, catalog: CatalogPlan, drawn: ReadonlyMap<Item<unknown>, number>, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const checkLot = (item: Item<PurchaseDraft> | Item<LotDraft>, productSlug: string, lotPath: string, lot: IngredientLotDraft, bought: (product: Ref<ProductDraft>) => { quantity: number; unitCost: number } | null, date: string) => {
      const p = plan.planned.get(item)!;
      const product = catalog.keys.products.resolve(productSlug, `${item.path}.product`);
      catalog.ingredientOf(product);
      const packageUnit = catalog.packageUnit(product);
      const adjustments: PlannedLot['adjustments'] = [];
      const boughtFigures = bought(product);
      const given = lot.unitCost;
      const unit = lot.unit ?? packageUnit;
      const lotUnitCost = boughtFigures ? boughtFigures.unitCost : given === null ? null : unit === BASE_UNIT[dimensionOf(unit)] ? given : given / toBase(1, unit);
      const change = checkAdjustments(lotPath, lot, unit, lotUnitCost, adjustments);
      p.figures = checkFigures(lot, { path: lotPath, packageUnit, bought: boughtFigures, key: p.key, change: change - (drawn.get(item) ?? 0) });
      if (lot.expiresOn !== null && lot.expiresOn < date) throw new RecordProblem(`${lotPath}.expires_on`, `It expires (${lot.expiresOn}) before it came in (${date}).`);
      p.product = product;
      p.adjustments = orNothing(adjustments);
    };
    for (const item of created(plan.purchases)) {
      check(item, (r) => {
        if (r.supplier !== null) catalog.keys.suppliers.resolve(r.supplier, `${item.path}.supplier`);
        checkLot(item, r.product, `${item.path}.lot`, r.lot, (product) => {
          const size = packageBase(catalog, product);
          if (!Number.isFinite(r.packages * size)) throw new RecordProblem(`${item.path}.packages`, 'That is more packages than any pantry holds.');
          return { quantity: r.packages * size, unitCost: r.pricePerPackage / size };
        }, r.date);
      });
    }
    for (const item of created(plan.lots)) check(item, (r) => checkLot(item, r.product, item.path, r, () => null, r.date));
    // An adjustment's line in the report follows its lot: skipped with it, or rejected with it naming the lot's problem.
    // A problem found in an adjustment is that adjustment's, reported once on its line; its lot's line points at it
    // (as a product points at its ingredient's problem), so the summary and the problem list do not repeat it.
    for (const [owner, p] of plan.planned) {
      const r = owner.result;
      if (r.outcome === 'skipped') for (const a of p.adjustmentItems) a.result = { outcome: 'skipped', id: null };
      if (r.outcome !== 'rejected') continue;
      const culprit = p.adjustmentItems.findIndex((a) => r.path === a.path || r.path.startsWith(`${a.path}.`));
      p.adjustmentItems.forEach((a, i) => {
        a.result = i === culprit ? { outcome: 'rejected', path: r.path, reason: r.reason } : { outcome: 'rejected', path: a.path, reason: `Its lot has a problem: ${r.path}.` };
      });
      if (culprit >= 0) {
        const list = p.adjustmentItems[culprit]!.path.replace(/\[\d+\]$/, '');
        owner.result = { outcome: 'rejected', path: list, reason: `Adjustment ${culprit} of this lot has a problem of its own: ${r.path}.` };
      }
    }
  });
}

function packageBase(catalog: CatalogPlan, product: Ref<ProductDraft>): number {
  return toBase(catalog.packageQuantity(product), catalog.packageUnit(product));
}

export function applyPantry(db: Database, ctx: PlanContext, plan: PantryPlan, catalog: CatalogPlan, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { db, t } = ctx;
    const writeLot = (item: Item<PurchaseDraft> | Item<LotDraft>, lot: IngredientLotDraft, purchaseId: number | null, date: string): void => {
      const p = plan.planned.get(item)!;
      const f = p.figures!;
      const ingredientId = refId(catalog.ingredientOf(p.product));
      const lotId = insertLotRow(
        db,
        {
          ingredientId, productId: refId(p.product), purchaseId, purchasedOn: date, dimension: f.dimension as 'weight' | 'volume' | 'count',
          quantityInitial: f.quantity, quantityRemaining: f.remaining, unitCost: f.unitCost, expiresOn: lot.expiresOn, location: lot.location,
          notes: lot.notes, createdAt: lot.createdAt, updatedAt: lot.updatedAt,
        },
        t,
      );
      p.lotId = lotId;
      const ids: number[] = [];
      for (const a of p.adjustments) {
        ids.push(
          insertAdjustmentRow(
            db,
            {
              lotId, quantityDelta: a.delta, reason: a.draft.reason, note: a.draft.note, unitCost: a.unitCost, cost: a.cost, adjustedOn: a.draft.date,
              undoesId: a.draft.undoes === null ? null : ids[a.draft.undoes]!, createdAt: a.draft.createdAt,
            },
            t,
          ),
        );
      }
      p.adjustmentItems.forEach((a, i) => (a.result = { outcome: 'created', id: ids[i]! }));
      item.result = { outcome: 'created', id: purchaseId ?? lotId };
      // Written: what the bakes' writing still needs of a lot is its product and id; its draft and figures go now, not at the end.
      letGo(p.adjustmentItems);
      p.figures = null;
      p.adjustments = orNothing([]);
    };
    const writePurchase = (item: Item<PurchaseDraft>) => {
      const r = item.record!;
      const p = plan.planned.get(item)!;
      const supplierId = r.supplier === null ? null : refId(catalog.keys.suppliers.resolve(r.supplier, ''));
      const purchaseId = insertPurchaseRow(
        db,
        { productId: refId(p.product), supplierId, purchasedOn: r.date, packages: r.packages, pricePerPackage: r.pricePerPackage, notes: r.notes, createdAt: r.createdAt, updatedAt: r.updatedAt },
        t,
      );
      writeLot(item, r.lot, purchaseId, r.date);
    };
    writeInCreationOrder(
      plan.purchases,
      plan.lots,
      (item) => {
        writePurchase(item);
        item.record = null;
        ctx.tick();
      },
      (item) => {
        writeLot(item, item.record!, null, item.record!.date);
        item.record = null;
        ctx.tick();
      },
    );
  });
}
