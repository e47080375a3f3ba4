/**
 * Finished goods in a snapshot, with their composition: finished units and
 * nested goods counted whole, packaging (a material unit, with the material
 * product assigned or left generic). Checked with the goods area's rules:
 * unique names, each item once, an assigned product of the unit's own
 * material, and the nesting of the whole graph (file and database): no loop,
 * at most ten levels. Written through the goods area's row functions: every
 * good first, then the lines, so a line can hold any good of the file.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { MAX_COMPOSITION_QUANTITY } from '../../domain/limits';
import { nestingProblem } from '../../domain/nesting';
import { Fields } from '../../domain/snapshot-fields';
import { MAX_GOOD_LEVELS } from '../goods/goods';
import { insertCompositionRow, insertGoodRow } from '../goods/good-rows';
import type { MaterialsPlan } from './materials-section';
import { Names } from './names';
import { check, created, itemId, labelOf, readItems, refId, type Item, type Ref, type RecordList } from '../../domain/snapshot-plan';
import { Keys, type PlanContext } from './plan';
import type { RecipesPlan } from './recipes-section';

export type LineDraft =
  | { kind: 'unit'; finishedUnit: string; quantity: number }
  | { kind: 'good'; good: string; quantity: number }
  | { kind: 'material'; materialUnit: string; materialProduct: string | null; quantity: number };

export interface GoodDraft {
  slug: string;
  name: string;
  notes: string;
  archived: boolean;
  composition: LineDraft[];
  createdAt: string;
  updatedAt: string;
}

function readLine(l: Fields): LineDraft {
  const given = (['finished_unit', 'finished_good', 'material_unit'] as const).filter((k) => l.has(k));
  if (given.length !== 1) {
    throw new RecordProblem(l.path, 'A line holds exactly one of finished_unit, finished_good or material_unit (packaging), with its quantity.');
  }
  if (given[0] === 'material_unit') {
    return { kind: 'material', materialUnit: l.ref('material_unit', true), materialProduct: l.ref('material_product', false), quantity: l.requiredNumber('quantity', { min: 'positive', max: MAX_COMPOSITION_QUANTITY }) };
  }
  const quantity = l.requiredNumber('quantity', { min: 'positive', max: MAX_COMPOSITION_QUANTITY, whole: true });
  return given[0] === 'finished_unit' ? { kind: 'unit', finishedUnit: l.ref('finished_unit', true), quantity } : { kind: 'good', good: l.ref('finished_good', true), quantity };
}

function readGood(f: Fields, now: string): GoodDraft {
  const name = f.name();
  return {
    slug: f.slug('slug', name),
    name,
    notes: f.text('notes'),
    archived: f.bool('archived', false),
    composition: f.list('composition', 500).map((raw, i) => {
      const l = new Fields(raw, `${f.at('composition')}[${i}]`);
      const line = readLine(l);
      l.done();
      return line;
    }),
    ...f.stamps(now),
  };
}

export interface GoodsPlan {
  goods: Item<GoodDraft>[];
  keys: Keys<GoodDraft>;
}

export function readGoods(db: Database, ctx: PlanContext, file: Record<string, RecordList>, tx?: Tx): GoodsPlan {
  return withTransaction(db, tx, () => {
    const keys = Keys.fromTable<GoodDraft>('finished good', ctx.t, 'finished_goods');
    const goods = readItems(ctx.tick, file.finished_goods!, 'finished_goods', 'finished good', (f) => readGood(f, ctx.now), labelOf('name', 'slug'));
    keys.claimSlugs(goods, (r) => r.slug);
    return { goods, keys };
  });
}

export function checkGoods(db: Database, ctx: PlanContext, plan: GoodsPlan, recipes: RecipesPlan, materials: MaterialsPlan, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { t } = ctx;
    const names = Names.fromTable(t, 'finished_goods', (n, where) => `There is already a finished good called ${n} (${where}).`);
    const nodeOf = (ref: Ref<GoodDraft>) => (ref.kind === 'db' ? ref.id : -(ref.item.index + 1));
    const children = new Map<number, number[]>();
    const nodeNames = new Map(t.all<{ id: number; name: string }>('SELECT id, name FROM finished_goods').map((r) => [r.id, r.name]));
    for (const e of t.all<{ finished_good_id: number; component_good_id: number }>(
      'SELECT finished_good_id, component_good_id FROM compositions WHERE component_good_id IS NOT NULL ORDER BY finished_good_id, position, id',
    )) {
      children.set(e.finished_good_id, [...(children.get(e.finished_good_id) ?? []), e.component_good_id]);
    }
    const nested = new Map<Item<GoodDraft>, { node: number; line: number }[]>();

    for (const item of created(plan.goods)) {
      check(item, (r) => {
        names.claim(r.name, item.path, 'name');
        const seen = new Map<string, number>();
        const mine: { node: number; line: number }[] = [];
        r.composition.forEach((l, i) => {
          const at = `${item.path}.composition[${i}]`;
          let identity: string;
          if (l.kind === 'unit') {
            recipes.keys.finishedUnits.resolve(l.finishedUnit, `${at}.finished_unit`);
            identity = `unit:${l.finishedUnit}`;
          } else if (l.kind === 'good') {
            if (l.good === r.slug) throw new RecordProblem(`${at}.finished_good`, 'A good cannot contain itself.');
            mine.push({ node: nodeOf(plan.keys.resolve(l.good, `${at}.finished_good`)), line: i });
            identity = `good:${l.good}`;
          } else {
            const unit = materials.keys.units.resolve(l.materialUnit, `${at}.material_unit`);
            if (l.materialProduct !== null) {
              const product = materials.keys.products.resolve(l.materialProduct, `${at}.material_product`);
              const a = materials.materialOfUnit(unit);
              const b = materials.materialOfProduct(product);
              const same = a.kind === b.kind && (a.kind === 'db' ? a.id === (b as { id: number }).id : a.item === (b as { item: unknown }).item);
              if (!same) throw new RecordProblem(`${at}.material_product`, `"${l.materialProduct}" is not a product of the material of "${l.materialUnit}".`);
            }
            identity = `material:${l.materialUnit}:${l.materialProduct ?? ''}`;
          }
          const first = seen.get(identity);
          if (first !== undefined) throw new RecordProblem(at, `The same item is already on composition[${first}]: give its quantity there.`);
          seen.set(identity, i);
        });
        nested.set(item, mine);
      });
      if (item.record) nodeNames.set(nodeOf({ kind: 'file', item }), item.record.name);
    }
    for (const [item, lines] of nested) children.set(nodeOf({ kind: 'file', item }), lines.map((l) => l.node));
    for (const item of created(plan.goods)) {
      check(item, () => {
        const problem = nestingProblem(children, nodeOf({ kind: 'file', item }), MAX_GOOD_LEVELS);
        if (!problem) return;
        const at = `${item.path}.composition[${nested.get(item)![problem.childIndex]!.line}].finished_good`;
        const named = (ids: number[]) => ids.map((id) => nodeNames.get(id) ?? String(id)).join(' -> ');
        if (problem.kind === 'loop') throw new RecordProblem(at, `${named(problem.path)}: a good cannot contain itself, even through the goods inside it.`);
        throw new RecordProblem(at, `${named(problem.chain)} is ${problem.chain.length} levels deep; goods nest at most ${MAX_GOOD_LEVELS} levels.`);
      });
    }
  });
}

export function applyGoods(db: Database, ctx: PlanContext, plan: GoodsPlan, recipes: RecipesPlan, materials: MaterialsPlan, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { db, t } = ctx;
    const goods = created(plan.goods);
    for (const item of goods) {
      item.result = { outcome: 'created', id: insertGoodRow(db, item.record!, t) };
      ctx.tick();
    }
    for (const item of goods) {
      const r = item.record!;
      const stamps = { createdAt: r.createdAt, updatedAt: r.updatedAt };
      r.composition.forEach((l, position) => {
        const line =
          l.kind === 'unit'
            ? { kind: 'unit' as const, finishedUnitId: refId(recipes.keys.finishedUnits.resolve(l.finishedUnit, '')), name: '', quantity: l.quantity }
            : l.kind === 'good'
              ? { kind: 'good' as const, goodId: refId(plan.keys.resolve(l.good, '')), name: '', quantity: l.quantity }
              : {
                  kind: 'material' as const,
                  materialUnitId: refId(materials.keys.units.resolve(l.materialUnit, '')),
                  materialId: 0,
                  materialProductId: l.materialProduct === null ? null : refId(materials.keys.products.resolve(l.materialProduct, '')),
                  name: '',
                  quantity: l.quantity,
                };
        insertCompositionRow(db, itemId(item), { ...line, ...stamps }, position, t);
      });
    }
  });
}
