/** RPC handlers for the pantry: purchases, stock, the Dashboard's summary, lots, adjustments, FIFO dry runs and price history. */
import { adjustLot, listAdjustments, undoAdjustment, type AdjustmentInput } from '../../services/pantry/adjustments';
import { planFifo, type FifoRequest } from '../../services/pantry/fifo';
import { getLot, updateLotDetails, type LotDetailsUpdate } from '../../services/pantry/lots';
import { priceHistory } from '../../services/pantry/price-history';
import {
  deletePurchase,
  getPurchase,
  listPurchases,
  recordPurchase,
  updatePurchase,
  type PurchaseFilter,
  type PurchaseInput,
  type PurchaseUpdate,
} from '../../services/pantry/purchases';
import { ingredientStock, onHand, pantryOverview } from '../../services/pantry/stock';
import { pantrySummary } from '../../services/pantry/summary';
import { defineHandlers } from './context';

export const pantryHandlers = defineHandlers({
  'pantry.recordPurchase': (ctx, params: PurchaseInput) => recordPurchase(ctx.db, params),
  'pantry.updatePurchase': (ctx, params: PurchaseUpdate) => updatePurchase(ctx.db, params),
  'pantry.deletePurchase': (ctx, params: { id: number }) => deletePurchase(ctx.db, params.id),
  'pantry.getPurchase': (ctx, params: { id: number }) => getPurchase(ctx.db, params.id),
  'pantry.listPurchases': (ctx, params: PurchaseFilter | void) => listPurchases(ctx.db, params ?? {}),
  'pantry.summary': (ctx, params: { latest?: number } | void) => pantrySummary(ctx.db, params ?? {}),
  'pantry.overview': (ctx, params: { query?: string } | void) => pantryOverview(ctx.db, params ?? {}),
  'pantry.ingredientStock': (ctx, params: { ingredientId: number; unit?: string }) => ingredientStock(ctx.db, params),
  'pantry.onHand': (ctx, params: { ingredientId: number; unit: string }) => onHand(ctx.db, params),
  'pantry.getLot': (ctx, params: { id: number }) => getLot(ctx.db, params.id),
  'pantry.updateLot': (ctx, params: LotDetailsUpdate) => updateLotDetails(ctx.db, params),
  'pantry.adjustLot': (ctx, params: AdjustmentInput) => adjustLot(ctx.db, params),
  'pantry.undoAdjustment': (ctx, params: { id: number }) => undoAdjustment(ctx.db, params),
  'pantry.listAdjustments': (ctx, params: { lotId?: number; ingredientId?: number }) => listAdjustments(ctx.db, params),
  'pantry.consumeDryRun': (ctx, params: FifoRequest) => planFifo(ctx.db, params),
  'pantry.priceHistory': (ctx, params: { ingredientId: number; productId?: number }) => priceHistory(ctx.db, params),
});
