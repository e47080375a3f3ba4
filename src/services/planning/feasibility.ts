/**
 * "Can we box it?" for an event (domain.md, "Feasibility"; domain-rules.md):
 * per good target, how many can be assembled now from finished stock and a
 * status, and what stands in the way, in three separate lists:
 * - inventory: a component with less stock than the targets need (needed =
 *   line quantity x target, summed over the targets; have = stock);
 * - cost: an ingredient or material of the plan whose cost cannot be known,
 *   so the plan's cost baseline is incomplete (the plan's own unknown parts);
 * - assignment: a generic packaging line with no product chosen (named by the
 *   good that has it), or a finished unit the plan needs with no batch decision.
 * Stock: finished units' and goods' lots (count left), material lots (a
 * specific line: its product's lots; a generic one: any lot of the material)
 * in uses of the line's material unit. Reads only, every one inside the
 * caller's transaction.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { CompositionLine, GoodDefinition } from '../../domain/explosion';
import {
  FEASIBILITY_STATUS_LABELS,
  canAssemble,
  feasibilityStatus,
  goodsFromLine,
  type FeasibilityStatus,
} from '../../domain/feasibility';
import { measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { positiveId } from '../../domain/validate';
import { goodDefinitions } from '../goods/good-rows';
import { assembledByGood } from './made-so-far';
import { planCosts } from './plan';
import { readPlanInputs, type PlanInputs } from './plan-inputs';

export interface FeasibilityLine {
  kind: CompositionLine['kind'];
  /** The finished unit's, nested good's or material unit's id. */
  id: number;
  slug: string;
  name: string;
  /** How much one good takes: units, goods, or uses of the material unit. */
  perGood: number;
  /** On hand, in the same measure (uses of a material unit may be fractional: 100 cm of ribbon is 2.19 bows). */
  stock: number;
  /** floor(stock / perGood). */
  allows: number;
  /** A packaging line with no product chosen. */
  generic: boolean;
}

export interface GoodFeasibility {
  goodId: number;
  good: string;
  name: string;
  target: number;
  /** Assembled for the event so far (runs not undone). */
  assembled: number;
  /** The whole target is assembled: nothing left to box, whatever the stock allows. */
  done: boolean;
  canAssemble: number;
  status: FeasibilityStatus;
  statusLabel: string;
  lines: FeasibilityLine[];
  /** The lines that allow the fewest, when they allow less than the target. */
  limitedBy: string[];
}

export type BlockerKind = 'finished_unit' | 'good' | 'material' | 'ingredient';

export interface InventoryBlocker {
  kind: Exclude<BlockerKind, 'ingredient'>;
  id: number;
  item: string;
  name: string;
  /** Line quantity x target, summed over the targets; for a material in its base measure. */
  needed: number;
  have: number;
  unit: string;
}

export interface ReasonBlocker {
  kind: BlockerKind;
  id: number;
  item: string;
  name: string;
  reason: string;
}

export interface Feasibility {
  event: { id: number; slug: string; name: string };
  goods: GoodFeasibility[];
  blockers: { inventory: InventoryBlocker[]; cost: ReasonBlocker[]; assignment: ReasonBlocker[] };
}

interface Named {
  slug: string;
  name: string;
}

/** Everything the event's goods are made of, with what is on hand of each, read once. */
function stockBook(t: Tx, defs: ReadonlyMap<number, GoodDefinition>) {
  const unitIds = new Set<number>();
  const materialUnitIds = new Set<number>();
  for (const def of defs.values()) {
    for (const l of def.lines) {
      if (l.kind === 'unit') unitIds.add(l.finishedUnitId);
      if (l.kind === 'material') materialUnitIds.add(l.materialUnitId);
    }
  }
  const list = (ids: Set<number>) => [...ids].join(',') || 'NULL';
  const units = new Map(t.all<Named & { id: number }>(`SELECT id, slug, name FROM finished_units WHERE id IN (${list(unitIds)})`).map((r) => [r.id, r]));
  const goods = new Map(t.all<Named & { id: number }>(`SELECT id, slug, name FROM finished_goods WHERE id IN (${list(new Set(defs.keys()))})`).map((r) => [r.id, r]));
  const materialUnits = new Map(
    t
      .all<Named & { id: number; material_id: number; material_slug: string; material_name: string; base_measure: BaseMeasure }>(
        `SELECT u.id, u.slug, u.name, u.material_id, m.slug AS material_slug, m.name AS material_name, m.base_measure
         FROM material_units u JOIN materials m ON m.id = u.material_id WHERE u.id IN (${list(materialUnitIds)})`,
      )
      .map((r) => [r.id, r]),
  );
  const unitStock = new Map(t.all<{ id: number; n: number }>('SELECT finished_unit_id AS id, total(count_remaining) AS n FROM finished_unit_lots GROUP BY finished_unit_id').map((r) => [r.id, r.n]));
  const goodStock = new Map(t.all<{ id: number; n: number }>('SELECT finished_good_id AS id, total(count_remaining) AS n FROM finished_good_lots GROUP BY finished_good_id').map((r) => [r.id, r.n]));
  const materialStock = new Map(t.all<{ id: number; n: number }>('SELECT material_id AS id, total(quantity_remaining) AS n FROM material_lots GROUP BY material_id').map((r) => [r.id, r.n]));
  const productStock = new Map(t.all<{ id: number; n: number }>('SELECT material_product_id AS id, total(quantity_remaining) AS n FROM material_lots GROUP BY material_product_id').map((r) => [r.id, r.n]));
  /** On hand for a packaging line, in the material's base measure: its product's lots, or any lot of the material when generic. */
  const packaging = (l: Extract<CompositionLine, { kind: 'material' }>) =>
    l.materialProductId === null ? (materialStock.get(l.materialId) ?? 0) : (productStock.get(l.materialProductId) ?? 0);
  return { units, goods, materialUnits, unitStock, goodStock, packaging };
}

type Book = ReturnType<typeof stockBook>;

function lineOf(book: Book, l: CompositionLine): FeasibilityLine {
  if (l.kind === 'unit') {
    const u = book.units.get(l.finishedUnitId)!;
    const stock = book.unitStock.get(l.finishedUnitId) ?? 0;
    return { kind: 'unit', id: l.finishedUnitId, slug: u.slug, name: u.name, perGood: l.quantity, stock, allows: goodsFromLine({ perGood: l.quantity, stock }), generic: false };
  }
  if (l.kind === 'good') {
    const g = book.goods.get(l.goodId)!;
    const stock = book.goodStock.get(l.goodId) ?? 0;
    return { kind: 'good', id: l.goodId, slug: g.slug, name: g.name, perGood: l.quantity, stock, allows: goodsFromLine({ perGood: l.quantity, stock }), generic: false };
  }
  const mu = book.materialUnits.get(l.materialUnitId)!;
  const stock = book.packaging(l) / l.size;
  return { kind: 'material', id: l.materialUnitId, slug: mu.slug, name: mu.name, perGood: l.quantity, stock, allows: goodsFromLine({ perGood: l.quantity, stock }), generic: l.materialProductId === null };
}

/**
 * Whether a good that makes none awaits production: "an FU it needs has no stock" (domain.md, Feasibility),
 * read as written: a finished unit of its lines with none in stock, or a nested good that allows none and
 * awaits production in turn. Some stock, too little for one good, is not "no stock": that good cannot be
 * assembled (and the inventory blocker says how many more are needed).
 */
function waitsForBaking(book: Book, defs: ReadonlyMap<number, GoodDefinition>, goodId: number, via: number[] = []): boolean {
  if (via.includes(goodId)) return false;
  return defs.get(goodId)!.lines.some((l) => {
    const line = lineOf(book, l);
    if (l.kind === 'unit') return line.stock <= 0;
    return l.kind === 'good' && line.allows === 0 && waitsForBaking(book, defs, l.goodId, [...via, goodId]);
  });
}

/** The blockers without repeats of the same item for the same reason, in their order. */
function uniqueBlockers(blockers: ReasonBlocker[]): ReasonBlocker[] {
  const seen = new Set<string>();
  return blockers.filter((b) => {
    const key = `${b.kind}:${b.item}:${b.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Per good target, what stock allows now, and the stock each line's item falls short of (summed over the targets). */
function goodsFromStock(db: Database, t: Tx, inputs: PlanInputs) {
  const { event, goodTargets } = inputs;
  const defs = goodDefinitions(db, goodTargets.map((g) => g.goodId), t);
  const book = stockBook(t, defs);
  const assembled = assembledByGood(db, event.id, t);

  const inventory = new Map<string, InventoryBlocker>();
  const goods = goodTargets.map((target): GoodFeasibility => {
    const def = defs.get(target.goodId)!;
    const lines = def.lines.map((l) => lineOf(book, l));
    const count = canAssemble(lines, target.quantity);
    const fewest = Math.min(...lines.map((l) => l.allows));
    def.lines.forEach((l, i) => {
      const line = lines[i]!;
      const key = l.kind === 'material' ? `material:${l.materialId}:${l.materialProductId ?? 'any'}` : `${l.kind}:${line.id}`;
      if (l.kind === 'material') {
        const mu = book.materialUnits.get(l.materialUnitId)!;
        const entry = inventory.get(key) ?? {
          kind: 'material' as const,
          id: l.materialId,
          item: mu.material_slug,
          name: mu.material_name,
          needed: 0,
          have: book.packaging(l),
          unit: measureBaseUnit(mu.base_measure),
        };
        entry.needed += l.quantity * l.size * target.quantity;
        inventory.set(key, entry);
      } else {
        const entry = inventory.get(key) ?? { kind: l.kind === 'unit' ? ('finished_unit' as const) : ('good' as const), id: line.id, item: line.slug, name: line.name, needed: 0, have: line.stock, unit: 'each' };
        entry.needed += l.quantity * target.quantity;
        inventory.set(key, entry);
      }
    });
    const status = feasibilityStatus(count, target.quantity, count === 0 && waitsForBaking(book, defs, target.goodId));
    return {
      goodId: target.goodId,
      good: target.good,
      name: target.displayName,
      target: target.quantity,
      assembled: assembled.get(target.goodId) ?? 0,
      done: (assembled.get(target.goodId) ?? 0) >= target.quantity,
      canAssemble: count,
      status,
      statusLabel: FEASIBILITY_STATUS_LABELS[status],
      lines,
      limitedBy: count < target.quantity ? lines.filter((l) => l.allows === fewest).map((l) => l.name) : [],
    };
  });
  return { defs, book, goods, inventory };
}

/**
 * The goods part of feasibility alone (no blockers), for what reads only how
 * many can be assembled now (progress): the cost blockers price the whole
 * plan, most of feasibility's time.
 */
export function feasibleGoods(db: Database, inputs: PlanInputs, tx?: Tx): GoodFeasibility[] {
  return withTransaction(db, tx, (t) => goodsFromStock(db, t, inputs).goods);
}

export function eventFeasibility(db: Database, request: { eventId: number }, tx?: Tx): Feasibility {
  return withTransaction(db, tx, (t) => {
    const inputs = readPlanInputs(db, positiveId(request.eventId, 'eventId', 'event'), t);
    const { event } = inputs;
    const { defs, book, goods, inventory } = goodsFromStock(db, t, inputs);

    // The plan's own unknown parts: what makes its cost baseline incomplete.
    const plan = planCosts(db, { eventId: event.id, inputs }, t);
    // An ingredient reported in two units (a line that cannot convert) is one blocker, named once.
    const cost: ReasonBlocker[] = uniqueBlockers([
      ...plan.ingredients
        .filter((i) => i.cost === null)
        .map((i) => ({ kind: 'ingredient' as const, id: plan.ingredientIds[i.ingredient]!, item: i.ingredient, name: i.displayName, reason: i.reason ?? `No price for ${i.displayName}.` })),
      ...plan.packaging
        .filter((p) => p.cost === null)
        .map((p) => ({ kind: 'material' as const, id: plan.materialIds[p.material]!, item: p.material, name: p.displayName, reason: p.reason ?? `No price for ${p.displayName}.` })),
    ]);

    const assignment: ReasonBlocker[] = [];
    for (const def of defs.values()) {
      const good = book.goods.get(def.id)!;
      for (const l of def.lines) {
        if (l.kind !== 'material' || l.materialProductId !== null) continue;
        const mu = book.materialUnits.get(l.materialUnitId)!;
        assignment.push({
          kind: 'good',
          id: def.id,
          item: good.slug,
          name: good.name,
          reason: `${good.name} takes any ${mu.material_name} for "${mu.name}": choose which product, or assembling it must skip the packaging with a note.`,
        });
      }
    }
    for (const row of inputs.rows) {
      if (row.unitsNeeded <= 0 || row.decision !== null) continue;
      assignment.push({
        kind: 'finished_unit',
        id: row.finishedUnitId,
        item: row.finishedUnit,
        name: row.finishedUnitName,
        reason: `No batches decided for ${row.finishedUnitName} yet: choose how many (${row.options.ceil.batches} make the ${row.unitsNeeded} needed), or lock the plan to take that default.`,
      });
    }

    return {
      event: { id: event.id, slug: event.slug, name: event.name },
      goods,
      blockers: { inventory: [...inventory.values()].filter((b) => b.have < b.needed * (1 - 1e-9)), cost, assignment },
    };
  });
}
