/**
 * FIFO consumption of an ingredient's lots. `planFifo` is the dry run;
 * `consumeFifo` applies the very same allocation (src/domain/fifo.ts) to the
 * lots inside the caller's transaction and returns the per-lot draws with
 * their ledger cost, so a production run can write one consumption row per
 * draw. A shortfall throws INSUFFICIENT_STOCK before anything is written.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { allocateFifo, insufficientStock, type FifoLot } from '../../domain/fifo';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { productLabel } from '../../domain/labels';
import { ledgerAmount } from '../../domain/money';
import {
  BASE_UNIT,
  INGREDIENT_DIMENSIONS,
  UnitConversionError,
  conversionFactor,
  dimensionOf,
  requireUnit,
  type Unit,
} from '../../domain/units';
import { positiveId, positiveNumber } from '../../domain/validate';
import { validationError } from '../../errors';
import { loadIngredient, type IngredientRow } from '../catalog/ingredient-rows';
import { stockedLotRowsOf, type StockedLotRow } from './lots';

export interface FifoRequest {
  ingredientId: number;
  quantity: number;
  unit: string;
  /**
   * The ingredient's stocked lots in FIFO order when the caller has read them; else all are read here.
   * A caller that needs only the draws and shortfall may pass the first few and read the rest when
   * they are not `enough` (priceIngredient); `available` then counts only those passed.
   */
  lots?: readonly StockedLotRow[];
}

export interface LotDraw {
  lotId: number;
  ingredientId: number;
  productId: number;
  productName: string;
  purchasedOn: string;
  /** Drawn, in `unit`: the unit the request was made in. */
  quantity: number;
  unit: Unit;
  /** Drawn, in `lotUnit`, the lot's base unit: what the lot and the ledger rows store. */
  lotQuantity: number;
  lotUnit: Unit;
  /** Per `lotUnit` (the ledger's unit cost); null when the lot's cost is unknown. */
  lotUnitCost: number | null;
  /** Per `unit`, for reading. */
  unitCost: number | null;
  /** Ledger amount, rounded to 4 decimals; null when unknown. */
  cost: number | null;
  /** What the lot holds after the draw, in `unit`. */
  remainingAfter: number;
  /** The same, in `lotUnit`: what is written back to the lot. */
  lotRemainingAfter: number;
  emptiesLot: boolean;
}

export interface FifoPlan {
  ingredient: { id: number; name: string };
  quantity: number;
  unit: Unit;
  draws: LotDraw[];
  drawn: number;
  /** On hand in the requested unit (lots that cannot be converted are not counted). */
  available: number;
  /** Missing amount in the requested unit; 0 when there is enough. */
  shortfall: number;
  enough: boolean;
  /** Sum of the draws' ledger costs. */
  totalCost: number;
  /** False when some draw comes from a lot whose cost is unknown. */
  costComplete: boolean;
}

function fifoLotOf(r: StockedLotRow): FifoLot {
  return { id: r.id, purchasedOn: r.purchased_on, dimension: r.dimension, quantityRemaining: r.quantity_remaining, unitCost: r.unit_cost };
}

export function planFifo(db: Database, request: FifoRequest, tx?: Tx): FifoPlan {
  return withTransaction(db, tx, (t) => {
    const ingredientId = positiveId(request.ingredientId, 'ingredientId', 'ingredient');
    const quantity = positiveNumber(request.quantity, 'quantity');
    const unit = requireUnit(String(request.unit ?? ''), 'unit');
    return planFifoFor(db, loadIngredient(db, ingredientId, t), { quantity, unit, lots: request.lots }, t);
  });
}

/** planFifo for an ingredient whose row the caller has read (a plan reads all of its ingredients' rows at once). */
export function planFifoFor(db: Database, ingredient: IngredientRow, request: Omit<FifoRequest, 'ingredientId'>, tx?: Tx): FifoPlan {
  return withTransaction(db, tx, (t) => {
    const ingredientId = ingredient.id;
    const quantity = positiveNumber(request.quantity, 'quantity');
    const unit = requireUnit(String(request.unit ?? ''), 'unit');
    const ctx = { ...conversionContextOf(ingredient), field: 'unit' };
    if (!INGREDIENT_DIMENSIONS.includes(dimensionOf(unit))) {
      throw validationError('unit', `${unit} is a packaging measure; ${ingredient.name} is measured by weight, volume or count.`);
    }
    // An empty lot gives nothing and adds nothing to what is available.
    const rows = request.lots ?? stockedLotRowsOf(db, ingredientId, t);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const perNeed = (dim: StockedLotRow['dimension']) => conversionFactor(unit, BASE_UNIT[dim], ctx);
    const allocation = allocateFifo(rows.map(fifoLotOf), quantity, perNeed);

    let available = 0;
    for (const r of rows) {
      try {
        available += r.quantity_remaining / perNeed(r.dimension);
      } catch (e) {
        if (!(e instanceof UnitConversionError)) throw e;
      }
    }

    const draws = allocation.draws.map((d): LotDraw => {
      const row = byId.get(d.lotId)!;
      const k = perNeed(d.dimension);
      return {
        lotId: d.lotId,
        ingredientId,
        productId: row.product_id,
        productName: productLabel(row.product_brand, row.product_name),
        purchasedOn: row.purchased_on,
        quantity: d.needQuantity,
        unit,
        lotQuantity: d.quantity,
        lotUnit: BASE_UNIT[d.dimension],
        lotUnitCost: d.unitCost,
        unitCost: d.unitCost === null ? null : d.unitCost * k,
        cost: d.cost === null ? null : ledgerAmount(d.cost),
        remainingAfter: d.remainingAfter / k,
        lotRemainingAfter: d.remainingAfter,
        emptiesLot: d.remainingAfter === 0,
      };
    });
    return {
      ingredient: { id: ingredient.id, name: ingredient.name },
      quantity,
      unit,
      draws,
      drawn: allocation.drawn,
      available,
      shortfall: allocation.shortfall,
      enough: allocation.shortfall === 0,
      totalCost: ledgerAmount(draws.reduce((sum, d) => sum + (d.cost ?? 0), 0)),
      costComplete: allocation.costComplete,
    };
  });
}

/**
 * Draws the quantity from the ingredient's lots, oldest first, inside the
 * caller's transaction. Throws INSUFFICIENT_STOCK (with the missing amount)
 * when the lots are short: with its own transaction nothing changes, and a
 * caller that passed its handle rolls back its whole operation.
 */
export function consumeFifo(db: Database, request: FifoRequest, tx?: Tx): FifoPlan {
  return withTransaction(db, tx, (t) => {
    const plan = planFifo(db, request, t);
    if (!plan.enough) throw insufficientStock(plan);
    const now = t.now();
    for (const d of plan.draws) {
      t.run('UPDATE lots SET quantity_remaining = ?, updated_at = ? WHERE id = ?', [d.lotRemainingAfter, now, d.lotId]);
    }
    return plan;
  });
}
