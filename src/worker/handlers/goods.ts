/**
 * RPC handlers for finished goods: the list, one good with its lines and
 * what the screen may do, its explosion (finished units to bake, packaging
 * to use) and its cost now, the builder's live preview of unsaved lines,
 * and the writes (create, update, assign packaging, archive, restore, delete).
 */
import type { CompositionLineInput } from '../../services/goods/composition-lines';
import { explodeGood, explodeGoodDraft } from '../../services/goods/explosion';
import {
  archiveGood,
  assignPackaging,
  createGood,
  deleteGood,
  getGood,
  listGoods,
  restoreGood,
  updateGood,
  type GoodFilter,
  type GoodInput,
  type GoodUpdate,
} from '../../services/goods/goods';
import { costGood, costGoodDraft } from '../../services/pricing/good-cost';
import { defineHandlers, read, write } from './define';

/** A good as the builder shows it: its lines name finished units (of recipes) and packaging (of materials). */
const GOOD_DEPS = ['goods', 'recipes', 'materials'] as const;
/** Uses of a good: other goods, event plans, assembly and finished stock. */
const USAGE_DEPS = [...GOOD_DEPS, 'events', 'plans', 'production'] as const;
/** Costs now: recipes' ingredients and packaging, by FIFO over lots, else the latest purchase price. */
const COST_DEPS = [...GOOD_DEPS, 'ingredients', 'products', 'stock', 'purchases'] as const;

export interface GoodDraftRequest {
  goodId?: number | null;
  name?: string;
  lines?: CompositionLineInput[];
  quantity?: number;
}

export const goodsHandlers = defineHandlers({
  'goods.list': read(['goods'], (ctx, params: GoodFilter | void) => listGoods(ctx.db, params ?? {})),
  'goods.get': read(USAGE_DEPS, (ctx, params: { id: number }) => getGood(ctx.db, params.id)),
  'goods.explode': read(GOOD_DEPS, (ctx, params: { goodId: number; quantity: number }) => explodeGood(ctx.db, params)),
  'goods.cost': read(COST_DEPS, (ctx, params: { goodId: number; quantity?: number }) => costGood(ctx.db, params)),
  'goods.explodeDraft': read(GOOD_DEPS, (ctx, params: GoodDraftRequest) => explodeGoodDraft(ctx.db, params)),
  'goods.costDraft': read(COST_DEPS, (ctx, params: GoodDraftRequest) => costGoodDraft(ctx.db, params)),
  'goods.create': write((ctx, params: GoodInput) => createGood(ctx.db, params)),
  'goods.update': write((ctx, params: GoodUpdate) => updateGood(ctx.db, params)),
  'goods.assignPackaging': write((ctx, params: { goodId: number; lineId: number; materialProductId: number | null }) => assignPackaging(ctx.db, params)),
  'goods.archive': write((ctx, params: { id: number }) => archiveGood(ctx.db, params.id)),
  'goods.restore': write((ctx, params: { id: number }) => restoreGood(ctx.db, params.id)),
  'goods.delete': write((ctx, params: { id: number }) => deleteGood(ctx.db, params.id)),
});
