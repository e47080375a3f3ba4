/**
 * Explosion of finished goods into the finished units to bake and the
 * packaging to use (src/domain/explosion.ts), with names: a tree for the
 * builder's exploded view ("1 Gift box = 6 Sugar cookie + 1 Tin (= 6
 * Biscotti) + 1 Window box") and the totals a plan starts from.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { explode, materialNeedKey, type GoodDefinition } from '../../domain/explosion';
import { productLabel } from '../../domain/labels';
import { measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { namedRef, type NamedRef } from '../../domain/refs';
import type { Unit } from '../../domain/units';
import { checkFields, nonNegativeNumber, positiveId } from '../../domain/validate';
import { yieldPerBatch, type YieldMode } from '../../domain/yields';
import { AppError, validationError } from '../../errors';
import type { CompositionLineInput } from './composition-lines';
import { goodDefinitions, loadGood } from './good-rows';
import { checkGoodDraft } from './goods';

export interface ExplodedUnit {
  finishedUnit: NamedRef;
  recipe: NamedRef;
  yieldPerBatch: number;
  count: number;
}

export interface ExplodedMaterial {
  materialUnit: { id: number; slug: string; name: string; size: number };
  material: { id: number; slug: string; name: string; baseMeasure: BaseMeasure };
  /** Null for a generic line: any product of the material will do. */
  product: { id: number; slug: string; displayName: string } | null;
  generic: boolean;
  /** How many uses of the material unit ("3 bows"). */
  uses: number;
  /** uses x size, in the material's base unit. */
  quantity: number;
  unit: Unit;
}

export type ExplodedLine =
  | { kind: 'unit'; name: string; count: number; finishedUnitId: number }
  | { kind: 'good'; name: string; count: number; node: ExplodedNode }
  | { kind: 'material'; name: string; count: number; materialUnitId: number; materialProductId: number | null; generic: boolean };

export interface ExplodedNode {
  good: NamedRef;
  quantity: number;
  lines: ExplodedLine[];
}

export interface Explosion {
  units: ExplodedUnit[];
  materials: ExplodedMaterial[];
}

export interface GoodExplosion extends Explosion {
  good: NamedRef;
  quantity: number;
  tree: ExplodedNode;
}

function whole(value: unknown, field: string): number {
  const n = nonNegativeNumber(value, field, 'the quantity');
  if (!Number.isInteger(n)) throw validationError(field, 'Goods and finished units are counted whole: use a whole number.', { value });
  return n;
}

function names(tx: Tx) {
  const unit = (id: number) => {
    const r = tx.get<{ id: number; slug: string; name: string; archived: number; yield_mode: YieldMode; items_per_batch: number | null; portion_percent: number | null; recipe_id: number; recipe_slug: string; recipe_name: string; recipe_archived: number }>(
      `SELECT fu.id, fu.slug, fu.name, fu.archived, fu.yield_mode, fu.items_per_batch, fu.portion_percent,
              r.id AS recipe_id, r.slug AS recipe_slug, r.name AS recipe_name, r.archived AS recipe_archived
       FROM finished_units fu JOIN recipes r ON r.id = fu.recipe_id WHERE fu.id = ?`,
      [id],
    )!;
    return {
      finishedUnit: namedRef(r),
      recipe: namedRef({ id: r.recipe_id, slug: r.recipe_slug, name: r.recipe_name, archived: r.recipe_archived }),
      yieldPerBatch: yieldPerBatch({ mode: r.yield_mode, itemsPerBatch: r.items_per_batch, portionPercent: r.portion_percent }),
    };
  };
  const materialUnit = (id: number) =>
    tx.get<{ id: number; slug: string; name: string; quantity: number; material_id: number; material_slug: string; material_name: string; base_measure: BaseMeasure }>(
      `SELECT u.id, u.slug, u.name, u.quantity, m.id AS material_id, m.slug AS material_slug, m.name AS material_name, m.base_measure
       FROM material_units u JOIN materials m ON m.id = u.material_id WHERE u.id = ?`,
      [id],
    )!;
  const product = (id: number | null) => {
    if (id === null) return null;
    const p = tx.get<{ id: number; slug: string; brand: string; name: string }>('SELECT id, slug, brand, name FROM material_products WHERE id = ?', [id])!;
    return { id: p.id, slug: p.slug, displayName: productLabel(p.brand, p.name) };
  };
  return { unit, materialUnit, product };
}

function totals(tx: Tx, defs: ReadonlyMap<number, GoodDefinition>, goods: { goodId: number; quantity: number }[], units: { finishedUnitId: number; quantity: number }[]): Explosion {
  const n = names(tx);
  const exploded = explode(defs, goods, units);
  return {
    units: [...exploded.units].map(([id, count]) => ({ ...n.unit(id), count })).sort((a, b) => a.finishedUnit.name.localeCompare(b.finishedUnit.name)),
    materials: exploded.materials
      .map((m): ExplodedMaterial => {
        const u = n.materialUnit(m.materialUnitId);
        const product = n.product(m.materialProductId);
        return {
          materialUnit: { id: u.id, slug: u.slug, name: u.name, size: u.quantity },
          material: { id: u.material_id, slug: u.material_slug, name: u.material_name, baseMeasure: u.base_measure },
          product,
          generic: product === null,
          uses: m.uses,
          quantity: m.quantity,
          unit: measureBaseUnit(u.base_measure),
        };
      })
      .sort((a, b) => a.material.name.localeCompare(b.material.name) || materialNeedKey(a.materialUnit.id, a.product?.id ?? null).localeCompare(materialNeedKey(b.materialUnit.id, b.product?.id ?? null))),
  };
}

/** `root` names the top good: a draft has no row to read it from. */
function tree(tx: Tx, defs: ReadonlyMap<number, GoodDefinition>, goodId: number, quantity: number, root: NamedRef): ExplodedNode {
  const n = names(tx);
  return {
    good: goodId === root.id ? root : namedRef(loadGood(tx.db, goodId, tx)),
    quantity,
    lines: defs.get(goodId)!.lines.map((l): ExplodedLine => {
      const count = l.quantity * quantity;
      if (l.kind === 'unit') return { kind: 'unit', name: n.unit(l.finishedUnitId).finishedUnit.name, count, finishedUnitId: l.finishedUnitId };
      if (l.kind === 'good') {
        const node = tree(tx, defs, l.goodId, count, root);
        return { kind: 'good', name: node.good.name, count, node };
      }
      const u = n.materialUnit(l.materialUnitId);
      return { kind: 'material', name: u.name, count, materialUnitId: u.id, materialProductId: l.materialProductId, generic: l.materialProductId === null };
    }),
  };
}

/** What `quantity` of a good is made of: its tree, the finished units to bake and the packaging to use. 0 gives zeros. */
export function explodeGood(db: Database, request: { goodId: number; quantity: number }, tx?: Tx): GoodExplosion {
  return withTransaction(db, tx, (t) => {
    const checked = checkFields({
      goodId: () => positiveId(request.goodId, 'goodId', 'finished good'),
      quantity: () => whole(request.quantity, 'quantity'),
    });
    const good = namedRef(loadGood(db, checked.goodId, t));
    return explosionOf(t, goodDefinitions(db, [good.id], t), good, checked.quantity);
  });
}

function explosionOf(tx: Tx, defs: ReadonlyMap<number, GoodDefinition>, good: NamedRef, quantity: number): GoodExplosion {
  return { good, quantity, tree: tree(tx, defs, good.id, quantity, good), ...totals(tx, defs, [{ goodId: good.id, quantity }], []) };
}

/** The builder's exploded view of unsaved lines, checked as saving would check them. Writes nothing. */
export function explodeGoodDraft(db: Database, request: { goodId?: number | null; name?: string; lines?: CompositionLineInput[]; quantity?: number }, tx?: Tx): GoodExplosion {
  return withTransaction(db, tx, (t) => {
    const quantity = request.quantity === undefined ? 1 : whole(request.quantity, 'quantity');
    const { defs, root } = draftDefinitions(db, request, t);
    return explosionOf(t, defs, root, quantity);
  });
}

/** A draft good's definition with every good nested in it, and how to name its top. */
export function draftDefinitions(db: Database, request: { goodId?: number | null; name?: string; lines?: CompositionLineInput[] }, tx?: Tx) {
  return withTransaction(db, tx, (t) => {
    const draft = checkGoodDraft(db, request, t);
    const saved = request.goodId == null ? null : loadGood(db, request.goodId, t);
    const root: NamedRef = saved ? namedRef(saved) : { id: draft.id, slug: '', name: draft.name, archived: false };
    const defs = goodDefinitions(db, draft.lines.flatMap((l) => (l.kind === 'good' ? [l.goodId] : [])), t);
    defs.set(draft.id, draft);
    return { defs, root };
  });
}

/** Goods and loose finished units together (an event's targets): the finished units to bake and the packaging to use. */
export function explodeTargets(
  db: Database,
  request: { goods: { goodId: number; quantity: number }[]; units?: { finishedUnitId: number; quantity: number }[] },
  tx?: Tx,
): Explosion {
  return withTransaction(db, tx, (t) => {
    const checks: Record<string, () => number> = {};
    request.goods.forEach((g, i) => {
      checks[`goods[${i}].goodId`] = () => loadGood(db, positiveId(g.goodId, `goods[${i}].goodId`, 'finished good'), t).id;
      checks[`goods[${i}].quantity`] = () => whole(g.quantity, `goods[${i}].quantity`);
    });
    (request.units ?? []).forEach((u, i) => {
      checks[`units[${i}].finishedUnitId`] = () => {
        const id = positiveId(u.finishedUnitId, `units[${i}].finishedUnitId`, 'finished unit');
        if (!t.get('SELECT 1 AS x FROM finished_units WHERE id = ?', [id])) {
          throw new AppError('NOT_FOUND', 'That finished unit no longer exists.', { field: `units[${i}].finishedUnitId`, finishedUnitId: id });
        }
        return id;
      };
      checks[`units[${i}].quantity`] = () => whole(u.quantity, `units[${i}].quantity`);
    });
    const c = checkFields(checks);
    const goods = request.goods.map((_, i) => ({ goodId: c[`goods[${i}].goodId`]!, quantity: c[`goods[${i}].quantity`]! }));
    const units = (request.units ?? []).map((_, i) => ({ finishedUnitId: c[`units[${i}].finishedUnitId`]!, quantity: c[`units[${i}].quantity`]! }));
    return totals(t, goodDefinitions(db, goods.map((g) => g.goodId), t), goods, units);
  });
}
