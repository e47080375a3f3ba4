/**
 * What a finished good costs right now (a dry run): the sum of its lines,
 * finished units at their recipe's batch cost / yield per batch, nested
 * goods rolled up the same way, and packaging at its size x the material's
 * price. Each packaging need is priced once for the whole good (all levels
 * together), and every line anywhere in the tree uses those prices, so each
 * node is the sum of its parts and the top equals the explosion priced line
 * by line. Unknown stays unknown all the way up, with the reason.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { knownCost, rollUpGood, scaleCost, unknownCost, type GoodCostNode, type Priced } from '../../domain/cost-rollup';
import { explode, materialNeedKey, type GoodDefinition } from '../../domain/explosion';
import { namedRef, type NamedRef } from '../../domain/refs';
import { yieldPerBatch } from '../../domain/yields';
import { checkFields, positiveId, positiveNumber } from '../../domain/validate';
import { validationError } from '../../errors';
import type { CompositionLineInput } from '../goods/composition-lines';
import { draftDefinitions } from '../goods/explosion';
import { goodDefinitions, loadGood } from '../goods/good-rows';
import { priceMaterial } from './material-price';
import { costRecipe } from './recipe-cost';

/** Goods priced at most at once. */
const MAX_GOODS = 100_000;

export type GoodLineCostView = Priced & { name: string; count: number; /** One of it (one unit, one nested good, one use of packaging). */ each: Priced } & (
    | { kind: 'unit'; finishedUnitId: number }
    | { kind: 'good'; node: GoodCostView }
    | { kind: 'material'; materialUnitId: number; materialProductId: number | null; generic: boolean }
  );

export interface GoodCostView extends Priced {
  good: NamedRef;
  quantity: number;
  lines: GoodLineCostView[];
}

export interface GoodCost extends Priced {
  good: NamedRef;
  quantity: number;
  costPerGood: number | null;
  breakdown: GoodCostView;
}

export function costGood(db: Database, request: { goodId: number; quantity?: number }, tx?: Tx): GoodCost {
  return withTransaction(db, tx, (t) => {
    const checked = checkFields({
      goodId: () => positiveId(request.goodId, 'goodId', 'finished good'),
      quantity: () => (request.quantity === undefined ? 1 : positiveNumber(request.quantity, 'quantity', 'the quantity', MAX_GOODS)),
    });
    if (!Number.isInteger(checked.quantity)) throw validationError('quantity', 'Goods are counted whole: use a whole number.');
    const good = namedRef(loadGood(db, checked.goodId, t));
    return costOf(db, t, goodDefinitions(db, [good.id], t), good, checked.quantity);
  });
}

/** The builder's live cost of unsaved lines, checked as saving would check them. Writes nothing. */
export function costGoodDraft(db: Database, request: { goodId?: number | null; name?: string; lines?: CompositionLineInput[]; quantity?: number }, tx?: Tx): GoodCost {
  return withTransaction(db, tx, (t) => {
    const quantity = request.quantity === undefined ? 1 : positiveNumber(request.quantity, 'quantity', 'the quantity', MAX_GOODS);
    if (!Number.isInteger(quantity)) throw validationError('quantity', 'Goods are counted whole: use a whole number.');
    const { defs, root } = draftDefinitions(db, request, t);
    return costOf(db, t, defs, root, quantity);
  });
}

/** Costs `quantity` of the good `root` as `defs` define it (a saved good, or a draft). */
function costOf(db: Database, t: Tx, defs: ReadonlyMap<number, GoodDefinition>, good: NamedRef, quantity: number): GoodCost {
  const exploded = explode(defs, [{ goodId: good.id, quantity }]);

  const unitNames = new Map<number, { name: string; recipeId: number; perBatch: number }>();
  const unitCosts = new Map<number, Priced>();
  const recipeCosts = new Map<number, Priced>();
  for (const id of exploded.units.keys()) {
    const u = t.get<{ name: string; recipe_id: number; yield_mode: 'discrete' | 'portion'; items_per_batch: number | null; portion_percent: number | null }>(
      'SELECT name, recipe_id, yield_mode, items_per_batch, portion_percent FROM finished_units WHERE id = ?',
      [id],
    )!;
    const perBatch = yieldPerBatch({ mode: u.yield_mode, itemsPerBatch: u.items_per_batch, portionPercent: u.portion_percent });
    unitNames.set(id, { name: u.name, recipeId: u.recipe_id, perBatch });
    if (!recipeCosts.has(u.recipe_id)) {
      const c = costRecipe(db, { recipeId: u.recipe_id, batches: 1 }, t);
      recipeCosts.set(u.recipe_id, { cost: c.cost, unknown: c.unknown });
    }
    unitCosts.set(id, scaleCost(recipeCosts.get(u.recipe_id)!, 1 / perBatch));
  }

  const materialPrices = new Map<string, { perBase: Priced; name: string }>();
  for (const need of exploded.materials) {
    const name = t.get<{ name: string }>('SELECT name FROM materials WHERE id = ?', [need.materialId])!.name;
    const key = materialNeedKey(need.materialUnitId, need.materialProductId);
    if (need.quantity <= 0) {
      materialPrices.set(key, { perBase: knownCost(0), name });
      continue;
    }
    const price = priceMaterial(db, { materialId: need.materialId, materialProductId: need.materialProductId, quantity: need.quantity }, t);
    materialPrices.set(key, { perBase: price.unitCost === null ? unknownCost(name, price.reason ?? `No price for ${name}.`) : knownCost(price.unitCost), name });
  }

  const tree = rollUpGood(defs, good.id, quantity, {
    unit: (id) => unitCosts.get(id)!,
    material: (line) => scaleCost(materialPrices.get(materialNeedKey(line.materialUnitId, line.materialProductId))!.perBase, line.size),
  });

  const materialUnitName = (id: number) => t.get<{ name: string }>('SELECT name FROM material_units WHERE id = ?', [id])!.name;
  const view = (node: GoodCostNode): GoodCostView => ({
    good: node.goodId === good.id ? good : namedRef(loadGood(db, node.goodId, t)),
    quantity: node.quantity,
    cost: node.cost,
    unknown: node.unknown,
    lines: node.lines.map((l): GoodLineCostView => {
      if (l.kind === 'good') {
        const nested = view(l.node);
        const perGood: Priced = nested.cost === null || l.count === 0 ? { cost: nested.cost, unknown: nested.unknown } : knownCost(nested.cost / l.count);
        return { kind: 'good', name: nested.good.name, count: l.count, each: perGood, node: nested, cost: l.cost, unknown: l.unknown };
      }
      if (l.line.kind === 'unit') {
        return { kind: 'unit', name: unitNames.get(l.line.finishedUnitId)!.name, count: l.count, each: unitCosts.get(l.line.finishedUnitId)!, finishedUnitId: l.line.finishedUnitId, cost: l.cost, unknown: l.unknown };
      }
      const m = l.line as Extract<typeof l.line, { kind: 'material' }>;
      const perUse = scaleCost(materialPrices.get(materialNeedKey(m.materialUnitId, m.materialProductId))!.perBase, m.size);
      return {
        kind: 'material',
        name: materialUnitName(m.materialUnitId),
        count: l.count,
        each: perUse,
        materialUnitId: m.materialUnitId,
        materialProductId: m.materialProductId,
        generic: m.materialProductId === null,
        cost: l.cost,
        unknown: l.unknown,
      };
    }),
  });
  return {
    good,
    quantity,
    cost: tree.cost,
    unknown: tree.unknown,
    costPerGood: tree.cost === null ? null : tree.cost / quantity,
    breakdown: view(tree),
  };
}
