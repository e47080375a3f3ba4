/**
 * Adjustments: a manual change to one lot with a reason (spoilage, a gift,
 * a correction, used outside the app, other + a note), costed at the lot's
 * unit cost and rounded to 4 decimals when written. Only a correction may add
 * to a lot; nothing may take a lot below zero. Adjustment rows are a ledger:
 * append-only.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { dateOf } from '../../domain/dates';
import { formatQuantity } from '../../domain/format';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { ledgerAmount } from '../../domain/money';
import { BASE_UNIT, conversionFactor, requireUnit, type Unit } from '../../domain/units';
import { isoDate, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { validationError } from '../../errors';
import { loadIngredient } from '../catalog/ingredient-rows';
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
  /** Signed change to the lot, in the lot's base unit: negative takes away. */
  quantityDelta: number;
  unit: Unit;
  reason: AdjustmentReason;
  note: string;
  /** Per lot base unit; null when the lot's cost is unknown. */
  unitCost: number | null;
  /** Value of the quantity changed (always >= 0), rounded to 4 decimals; null when unknown. */
  cost: number | null;
  adjustedOn: string;
  createdAt: string;
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
}

function toAdjustment(r: AdjustmentRow): Adjustment {
  return {
    id: r.id,
    lotId: r.lot_id,
    quantityDelta: r.quantity_delta,
    unit: BASE_UNIT[r.dimension],
    reason: r.reason,
    note: r.note,
    unitCost: r.unit_cost,
    cost: r.cost,
    adjustedOn: r.adjusted_on,
    createdAt: r.created_at,
  };
}

const ADJUSTMENT_SELECT = 'SELECT a.*, l.dimension FROM lot_adjustments a JOIN lots l ON l.id = a.lot_id';

export function adjustLot(db: Database, input: AdjustmentInput, tx?: Tx): AdjustmentResult {
  return withTransaction(db, tx, (t) => {
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
      throw validationError('quantity', `This lot holds only ${formatQuantity(have, unit)}; an adjustment cannot take it below zero.`, {
        available: have,
        unit,
      });
    }
    const delta = direction === 'remove' ? -(drainsLot ? lot.quantity_remaining : amount) : amount;
    const remaining = drainsLot ? 0 : lot.quantity_remaining + delta;
    const cost = lot.unit_cost === null ? null : ledgerAmount(Math.abs(delta) * lot.unit_cost);
    const now = t.now();
    const id = t.run(
      `INSERT INTO lot_adjustments (lot_id, quantity_delta, reason, note, unit_cost, cost, adjusted_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [lotId, delta, input.reason, note, lot.unit_cost, cost, adjustedOn, now],
    ).lastInsertRowid;
    t.run('UPDATE lots SET quantity_remaining = ?, updated_at = ? WHERE id = ?', [remaining, now, lotId]);
    const row = t.get<AdjustmentRow>(`${ADJUSTMENT_SELECT} WHERE a.id = ?`, [id])!;
    return { adjustment: toAdjustment(row), lot: getLot(db, lotId, t) };
  });
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
