/**
 * Adjustments: a manual change to one lot with a reason (spoilage, a gift,
 * a correction, used outside the app, other + a note), costed at the lot's
 * unit cost and rounded to 4 decimals when written. Only a correction may add
 * to a lot; nothing may take a lot below zero. Adjustment rows are a ledger:
 * append-only, so an adjustment is undone by a correction that reverses it,
 * linked to it by undoes_id.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { dateOf } from '../../domain/dates';
import { plainQuantity } from '../../domain/format';
import { productLabel } from '../../domain/labels';
import { readableQuantity } from '../../domain/readable-unit';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { ledgerAmount } from '../../domain/money';
import { BASE_UNIT, conversionFactor, fromBase, parseUnit, requireUnit, toBase, type Unit } from '../../domain/units';
import { isoDate, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { loadIngredient } from '../catalog/ingredient-rows';
import { insertAdjustmentRow } from './adjustment-rows';
import { getLot, loadLotRow, type Lot } from './lots';

export const ADJUSTMENT_REASONS = ['spoilage', 'gift', 'correction', 'used_outside_app', 'other'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export interface AdjustmentInput {
  lotId: number;
  /** How much, always more than zero; `direction` says whether it leaves or joins the lot. */
  quantity: number;
  unit: string;
  reason: AdjustmentReason;
  /** 'remove' (default) takes from the lot; 'add' is only for a correction. */
  direction?: 'remove' | 'add';
  note?: string;
  /** 'YYYY-MM-DD'; today when omitted. */
  adjustedOn?: string;
}

export interface Adjustment {
  id: number;
  lotId: number;
  /** Signed change to the lot, in `lotUnit`: negative takes away. */
  quantityDelta: number;
  /** The lot's base unit (g, ml, each), which the ledger stores its figures in. */
  lotUnit: Unit;
  reason: AdjustmentReason;
  note: string;
  /** Per `lotUnit`; null when the lot's cost is unknown. */
  unitCost: number | null;
  /** Value of the quantity changed (always >= 0), rounded to 4 decimals; null when unknown. */
  cost: number | null;
  adjustedOn: string;
  createdAt: string;
  /** 'remove' took from the lot, 'add' (a correction) gave to it. */
  direction: 'remove' | 'add';
  /** How much, always > 0, in `unit`: a readable unit of the lot's package unit's system (1.5 kg, 8 oz, 2 cup). */
  quantity: number;
  unit: Unit;
  /** The lot as a baker names it. */
  lot: { id: number; purchasedOn: string; product: string };
  /** The adjustment this one undoes, when it is an undo. */
  undoesId: number | null;
  /** What it undoes, for the words a list shows ("Undoes the spoilage of Mar 2, 2026"); null when not an undo. */
  undoes: { id: number; reason: AdjustmentReason; adjustedOn: string } | null;
  /** The correction that undid this one, if any. */
  undoneById: number | null;
}

export interface AdjustmentResult {
  adjustment: Adjustment;
  lot: Lot;
}

interface AdjustmentRow {
  id: number;
  lot_id: number;
  quantity_delta: number;
  reason: AdjustmentReason;
  note: string;
  unit_cost: number | null;
  cost: number | null;
  adjusted_on: string;
  created_at: string;
  dimension: Lot['dimension'];
  lot_purchased_on: string;
  package_unit: string;
  product_brand: string;
  product_name: string;
  undoes_id: number | null;
  undoes_reason: AdjustmentReason | null;
  undoes_on: string | null;
  undone_by: number | null;
}

function toAdjustment(r: AdjustmentRow): Adjustment {
  const packageUnit = parseUnit(r.package_unit) ?? BASE_UNIT[r.dimension];
  const readable = readableQuantity(fromBase(Math.abs(r.quantity_delta), packageUnit), packageUnit);
  return {
    id: r.id,
    lotId: r.lot_id,
    quantityDelta: r.quantity_delta,
    lotUnit: BASE_UNIT[r.dimension],
    reason: r.reason,
    note: r.note,
    unitCost: r.unit_cost,
    cost: r.cost,
    adjustedOn: r.adjusted_on,
    createdAt: r.created_at,
    direction: r.quantity_delta < 0 ? 'remove' : 'add',
    quantity: readable.quantity,
    unit: readable.unit,
    lot: { id: r.lot_id, purchasedOn: r.lot_purchased_on, product: productLabel(r.product_brand, r.product_name) },
    undoesId: r.undoes_id,
    undoes: r.undoes_id === null ? null : { id: r.undoes_id, reason: r.undoes_reason!, adjustedOn: r.undoes_on! },
    undoneById: r.undone_by,
  };
}

const ADJUSTMENT_SELECT = `
  SELECT a.*, l.dimension, l.purchased_on AS lot_purchased_on, p.package_unit, p.brand AS product_brand, p.name AS product_name,
         o.reason AS undoes_reason, o.adjusted_on AS undoes_on,
         (SELECT u.id FROM lot_adjustments u WHERE u.undoes_id = a.id) AS undone_by
  FROM lot_adjustments a JOIN lots l ON l.id = a.lot_id JOIN products p ON p.id = l.product_id
  LEFT JOIN lot_adjustments o ON o.id = a.undoes_id`;

export function adjustLot(db: Database, input: AdjustmentInput, tx?: Tx): AdjustmentResult {
  return withTransaction(db, tx, (t) => recordAdjustment(db, input, null, t));
}

/** The one way an adjustment row is written; `undoesId` links an undo to what it reverses. */
function recordAdjustment(db: Database, input: AdjustmentInput, undoesId: number | null, t: Tx): AdjustmentResult {
  const lotId = positiveId(input.lotId, 'lotId', 'lot');
  const quantity = positiveNumber(input.quantity, 'quantity');
  const unit = requireUnit(String(input.unit ?? ''), 'unit');
  if (!ADJUSTMENT_REASONS.includes(input.reason)) {
    throw validationError('reason', 'Choose a reason: spoilage, gift, correction, used outside the app, or other.', { value: input.reason });
  }
  const note = optionalText(input.note, 'note');
  if (input.reason === 'other' && !note) throw validationError('note', 'Say what happened: "other" needs a note.');
  const direction = input.direction ?? 'remove';
  if (direction !== 'remove' && direction !== 'add') throw validationError('direction', 'An adjustment either removes from or adds to a lot.');
  if (direction === 'add' && input.reason !== 'correction') {
    throw validationError('reason', 'Only a correction can add to a lot; record a purchase for new stock.');
  }
  const adjustedOn = input.adjustedOn ? isoDate(input.adjustedOn, 'adjustedOn', 'date') : dateOf(t.now());

  const lot = loadLotRow(db, lotId, t);
  const ctx = { ...conversionContextOf(loadIngredient(db, lot.ingredient_id, t)), field: 'unit' };
  const baseUnit = BASE_UNIT[lot.dimension];
  const amount = quantity * conversionFactor(unit, baseUnit, ctx);
  const drainsLot = direction === 'remove' && amount >= lot.quantity_remaining * (1 - 1e-12);
  if (direction === 'remove' && amount > lot.quantity_remaining * (1 + 1e-12)) {
    const have = lot.quantity_remaining / conversionFactor(unit, baseUnit, ctx);
    throw validationError('quantity', `This lot holds only ${plainQuantity(have, unit)}; an adjustment cannot take it below zero.`, {
      available: have,
      unit,
    });
  }
  const delta = direction === 'remove' ? -(drainsLot ? lot.quantity_remaining : amount) : amount;
  const remaining = drainsLot ? 0 : lot.quantity_remaining + delta;
  const cost = lot.unit_cost === null ? null : ledgerAmount(Math.abs(delta) * lot.unit_cost);
  const id = insertAdjustmentRow(
    db,
    { lotId, quantityDelta: delta, reason: input.reason, note, unitCost: lot.unit_cost, cost, adjustedOn, undoesId },
    t,
  );
  t.run('UPDATE lots SET quantity_remaining = ?, updated_at = ? WHERE id = ?', [remaining, t.now(), lotId]);
  const row = t.get<AdjustmentRow>(`${ADJUSTMENT_SELECT} WHERE a.id = ?`, [id])!;
  return { adjustment: toAdjustment(row), lot: getLot(db, lotId, t) };
}

/** Adjustments of one lot or of every lot of an ingredient, newest first. */
export function listAdjustments(db: Database, filter: { lotId?: number; ingredientId?: number }, tx?: Tx): Adjustment[] {
  return withTransaction(db, tx, (t) => {
    if (filter.lotId !== undefined) {
      return t.all<AdjustmentRow>(`${ADJUSTMENT_SELECT} WHERE a.lot_id = ? ORDER BY a.adjusted_on DESC, a.id DESC`, [filter.lotId]).map(toAdjustment);
    }
    if (filter.ingredientId !== undefined) {
      return t
        .all<AdjustmentRow>(`${ADJUSTMENT_SELECT} WHERE l.ingredient_id = ? ORDER BY a.adjusted_on DESC, a.id DESC`, [filter.ingredientId])
        .map(toAdjustment);
    }
    throw validationError('lotId', 'Say which lot or ingredient to list adjustments for.');
  });
}

export function getAdjustment(db: Database, id: number, tx?: Tx): Adjustment {
  return withTransaction(db, tx, (t) => {
    const row = t.get<AdjustmentRow>(`${ADJUSTMENT_SELECT} WHERE a.id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That adjustment no longer exists.', { adjustmentId: id });
    return toAdjustment(row);
  });
}

/**
 * Undoes an adjustment by a correction that reverses it, dated today: what a
 * removal took goes back to its lot, what a correction added is taken out.
 * Refused when it is already undone, is itself an undo, or its lot cannot
 * take the reversal (the added stock has since been used).
 */
export function undoAdjustment(db: Database, input: { id: number }, tx?: Tx): AdjustmentResult {
  return withTransaction(db, tx, (t) => {
    const original = getAdjustment(db, positiveId(input?.id, 'id', 'adjustment'), t);
    if (original.undoneById !== null) {
      throw new AppError('CONFLICT', 'This adjustment has already been undone.', { adjustmentId: original.id, undoneById: original.undoneById });
    }
    if (original.undoesId !== null) {
      throw new AppError('CONFLICT', 'This is an undo; record a new adjustment instead of undoing it.', { adjustmentId: original.id });
    }
    const lot = loadLotRow(db, original.lotId, t);
    const amount = Math.abs(original.quantityDelta);
    const baseUnit = BASE_UNIT[lot.dimension];
    const shown = (base: number) => plainQuantity(fromBase(toBase(base, baseUnit), original.unit), original.unit);
    if (original.direction === 'add' && amount > lot.quantity_remaining * (1 + 1e-12)) {
      throw new AppError(
        'INSUFFICIENT_STOCK',
        `This lot holds only ${shown(lot.quantity_remaining)} now, so the ${shown(amount)} added cannot be taken back out.`,
        { adjustmentId: original.id, lotId: lot.id },
      );
    }
    if (original.direction === 'remove' && lot.quantity_remaining + amount > lot.quantity_initial * (1 + 1e-12)) {
      throw new AppError('CONFLICT', `Giving back ${shown(amount)} would leave this lot holding more than was bought.`, {
        adjustmentId: original.id,
        lotId: lot.id,
      });
    }
    return recordAdjustment(
      db,
      {
        lotId: lot.id,
        quantity: amount,
        unit: baseUnit,
        reason: 'correction',
        direction: original.direction === 'remove' ? 'add' : 'remove',
        // No note: what it undoes is linked (undoes_id), and each screen words it in the baker's own date format.
      },
      original.id,
      t,
    );
  });
}
