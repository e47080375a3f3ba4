/**
 * Explosion: what finished goods are made of, all the way down. A good's
 * composition lines are finished units (FU) x quantity, nested goods x
 * quantity (which explode in turn, their quantities multiplied) and material
 * units x quantity. Exploding targets gives the FU counts to bake and the
 * packaging to use; FU targets add to the FU counts. Need is never reduced
 * by stock on hand (docs/design/domain-rules.md).
 */
import { AppError } from '../errors';

export type CompositionLine =
  | { kind: 'unit'; finishedUnitId: number; quantity: number }
  | { kind: 'good'; goodId: number; quantity: number }
  | {
      kind: 'material';
      materialUnitId: number;
      materialId: number;
      /** One use of the material unit, in the material's base measure (an 18 in bow: 45.72 cm). */
      size: number;
      /** The specific material product, or null for a generic line ("any 10x10 window box"). */
      materialProductId: number | null;
      quantity: number;
    };

export interface GoodDefinition {
  id: number;
  name: string;
  lines: readonly CompositionLine[];
}

export interface MaterialNeed {
  materialUnitId: number;
  materialId: number;
  materialProductId: number | null;
  /** How many uses of the material unit. */
  uses: number;
  /** uses x size, in the material's base measure. */
  quantity: number;
}

export interface Explosion {
  /** Finished unit id -> how many; every unit reached is listed, 0 included. */
  units: Map<number, number>;
  /** One entry per material unit and product (generic lines apart from specific ones). */
  materials: MaterialNeed[];
}

/** Nested goods are at most 10 levels deep when saved; deeper means a loop slipped in, which is a bug. */
const DEPTH_GUARD = 64;

export const materialNeedKey = (materialUnitId: number, materialProductId: number | null) =>
  `${materialUnitId}:${materialProductId ?? 'generic'}`;

export function explode(
  goods: ReadonlyMap<number, GoodDefinition>,
  targets: readonly { goodId: number; quantity: number }[],
  unitTargets: readonly { finishedUnitId: number; quantity: number }[] = [],
): Explosion {
  const units = new Map<number, number>();
  const materials = new Map<string, MaterialNeed>();
  const visit = (goodId: number, times: number, via: number[]) => {
    const good = goods.get(goodId);
    if (!good) throw new AppError('INTERNAL', `Finished good ${goodId} is missing from the definitions being exploded.`, { goodId });
    if (via.length > DEPTH_GUARD || via.includes(goodId)) {
      throw new AppError('INTERNAL', `The nested goods of ${good.name} loop or nest too deep to explode.`, { goodId });
    }
    for (const line of good.lines) {
      const n = line.quantity * times;
      if (line.kind === 'unit') units.set(line.finishedUnitId, (units.get(line.finishedUnitId) ?? 0) + n);
      else if (line.kind === 'good') visit(line.goodId, n, [...via, goodId]);
      else {
        const key = materialNeedKey(line.materialUnitId, line.materialProductId);
        const need = materials.get(key) ?? {
          materialUnitId: line.materialUnitId,
          materialId: line.materialId,
          materialProductId: line.materialProductId,
          uses: 0,
          quantity: 0,
        };
        need.uses += n;
        need.quantity += n * line.size;
        materials.set(key, need);
      }
    }
  };
  for (const t of targets) visit(t.goodId, t.quantity, []);
  for (const t of unitTargets) units.set(t.finishedUnitId, (units.get(t.finishedUnitId) ?? 0) + t.quantity);
  return { units, materials: [...materials.values()] };
}

/**
 * How many of each good are still to assemble for the event's targets (whole targets), given the goods the
 * event has made and not yet used (`spare`, per good): a good's own target and what its parents still need
 * of it are both met from that spare stock, so a crate of 2 gift boxes, with 2 gift boxes made for it, still
 * needs its own assembly but no gift box. A spare good counts once: 1 box of its own plus 4 for 2 hampers,
 * with 2 boxes made, leaves 3 to assemble (taking the 2 off the box target and again off the hampers' need
 * left 2). Parents are netted before their nested goods (the composition has no loops), each good once, its
 * need from every parent added up.
 */
export function goodsLeftToAssemble(
  goods: ReadonlyMap<number, GoodDefinition>,
  targets: readonly { goodId: number; quantity: number }[],
  spare: ReadonlyMap<number, number>,
): Map<number, number> {
  const order: number[] = [];
  const seen = new Set<number>();
  const visit = (goodId: number) => {
    if (seen.has(goodId)) return;
    seen.add(goodId);
    const good = goods.get(goodId);
    if (!good) throw new AppError('INTERNAL', `Finished good ${goodId} is missing from the definitions being exploded.`, { goodId });
    for (const line of good.lines) if (line.kind === 'good') visit(line.goodId);
    order.push(goodId);
  };
  for (const t of targets) visit(t.goodId);
  const own = new Map<number, number>();
  for (const t of targets) own.set(t.goodId, (own.get(t.goodId) ?? 0) + t.quantity);
  const nested = new Map<number, number>();
  const left = new Map<number, number>();
  // Reversed post-order: every good comes after all the goods that contain it.
  for (const goodId of order.reverse()) {
    const n = Math.max(0, (own.get(goodId) ?? 0) + (nested.get(goodId) ?? 0) - (spare.get(goodId) ?? 0));
    left.set(goodId, n);
    if (n === 0) continue;
    for (const line of goods.get(goodId)!.lines) {
      if (line.kind === 'good') nested.set(line.goodId, (nested.get(line.goodId) ?? 0) + line.quantity * n);
    }
  }
  return left;
}
