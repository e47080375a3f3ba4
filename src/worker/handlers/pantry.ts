/**
 * RPC handlers for the pantry: the ingredient tree with what is on hand,
 * purchases, stock, the Dashboard's summary, lots, adjustments, FIFO plans
 * (dry runs) and price history.
 */
import { adjustLot, listAdjustments, undoAdjustment, type AdjustmentInput } from '../../services/pantry/adjustments';
import { planFifo, type FifoRequest } from '../../services/pantry/fifo';
import { ingredientTree } from '../../services/pantry/ingredient-tree';
import { listLotsWithoutPrice, setLotPrice } from '../../services/pantry/lot-prices';
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
import { defineHandlers, read, rememberedRead, write } from './define';

/** Stock as screens show it: lots of products of ingredients, in the ingredient's measures. */
const STOCK_DEPS = ['stock', 'products', 'ingredients'] as const;
/** A purchase as screens show it: what it bought, where, and how much of its lot is left (or went into production). */
const PURCHASE_DEPS = ['purchases', 'suppliers', 'production', ...STOCK_DEPS] as const;

export const pantryHandlers = defineHandlers({
  'pantry.ingredientTree': rememberedRead([...STOCK_DEPS, 'recipes'], (ctx, _params: void) => ingredientTree(ctx.db)),
  'pantry.recordPurchase': write((ctx, params: PurchaseInput) => recordPurchase(ctx.db, params)),
  'pantry.updatePurchase': write((ctx, params: PurchaseUpdate) => updatePurchase(ctx.db, params)),
  'pantry.deletePurchase': write((ctx, params: { id: number }) => deletePurchase(ctx.db, params.id)),
  'pantry.getPurchase': read(PURCHASE_DEPS, (ctx, params: { id: number }) => getPurchase(ctx.db, params.id)),
  'pantry.listPurchases': read(PURCHASE_DEPS, (ctx, params: PurchaseFilter | void) => listPurchases(ctx.db, params ?? {})),
  'pantry.summary': rememberedRead(PURCHASE_DEPS, (ctx, params: { latest?: number } | void) => pantrySummary(ctx.db, params ?? {})),
  'pantry.overview': rememberedRead(
    STOCK_DEPS,
    (ctx, params: { query?: string } | void) => pantryOverview(ctx.db, params ?? {}),
    // The Pantry tab's list, not each search typed into it.
    (params) => !params?.query,
  ),
  'pantry.ingredientStock': read(STOCK_DEPS, (ctx, params: { ingredientId: number; unit?: string }) => ingredientStock(ctx.db, params)),
  'pantry.onHand': read(STOCK_DEPS, (ctx, params: { ingredientId: number; unit: string }) => onHand(ctx.db, params)),
  'pantry.getLot': read(STOCK_DEPS, (ctx, params: { id: number }) => getLot(ctx.db, params.id)),
  'pantry.updateLot': write((ctx, params: LotDetailsUpdate) => updateLotDetails(ctx.db, params)),
  'pantry.lotsWithoutPrice': read(STOCK_DEPS, (ctx, params: { ingredientId?: number; offset?: number; limit?: number } | void) =>
    listLotsWithoutPrice(ctx.db, params ?? {}),
  ),
  'pantry.setLotPrice': write((ctx, params: { lotId: number; pricePerPackage: number }) => setLotPrice(ctx.db, params)),
  'pantry.adjustLot': write((ctx, params: AdjustmentInput) => adjustLot(ctx.db, params)),
  'pantry.undoAdjustment': write((ctx, params: { id: number }) => undoAdjustment(ctx.db, params)),
  'pantry.listAdjustments': read(STOCK_DEPS, (ctx, params: { lotId?: number; ingredientId?: number }) => listAdjustments(ctx.db, params)),
  'pantry.planFifo': read(STOCK_DEPS, (ctx, params: FifoRequest) => planFifo(ctx.db, params)),
  'pantry.priceHistory': read(['purchases', ...STOCK_DEPS], (ctx, params: { ingredientId: number; productId?: number }) =>
    priceHistory(ctx.db, params),
  ),
});
