/**
 * Is the saved plan still the plan? The event's latest snapshot is compared
 * with what the plan is computed from today: its targets, the recipe chosen
 * per finished unit, the batch decisions, and the captured definitions
 * (recipe lines, yields, composition lines, packaging assignments, material
 * unit sizes; change-tracking.md). Each change says what it was and is now.
 * Cosmetic edits (names, notes, categories) are in none of these, so they
 * never make a plan stale. Recalculating first shows what would change in
 * batches and cost (`planDifferences`), then saving is `calculatePlan`.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { DefinitionChangeKind } from '../../domain/definitions';
import { productLabel } from '../../domain/labels';
import { measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { describeChange, type ChangeNames } from '../../domain/plan-change-words';
import { positiveId } from '../../domain/validate';
import { compareDefinitions } from '../definitions/capture';
import { calculatePlan, type Plan } from './plan';
import { readPlanInputs, type PlanInputs } from './plan-inputs';
import { latestSnapshot, type SavedPlan } from './plan-rows';

export type PlanChangeKind =
  | 'good_target_added'
  | 'good_target_removed'
  | 'good_target_changed'
  | 'unit_target_added'
  | 'unit_target_removed'
  | 'unit_target_changed'
  | 'recipe_choice_changed'
  | 'batch_decision_changed'
  | DefinitionChangeKind;

export interface PlanChange {
  kind: PlanChangeKind;
  /** Slug of the good, finished unit, recipe or material unit that changed. */
  item: string;
  /** For a line of a recipe or a good: the slug of the line's ingredient, sub-recipe or component. */
  line?: string;
  before: unknown;
  after: unknown;
  /** How the baker calls the item and the line. */
  itemName: string;
  lineName?: string;
  /** The change in words: "Cookie bag: target 10 → 12". */
  summary: string;
}

export interface Staleness {
  event: string;
  /** The saved plan compared against; null when the plan was never saved (then it cannot be stale). */
  snapshotId: number | null;
  savedAt: string | null;
  stale: boolean;
  changes: PlanChange[];
}

function targetChanges(kinds: [PlanChangeKind, PlanChangeKind, PlanChangeKind], before: Map<string, number>, after: Map<string, number>): RawChange[] {
  const out: RawChange[] = [];
  for (const slug of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(slug) ?? null;
    const a = after.get(slug) ?? null;
    if (b === a) continue;
    out.push({ kind: b === null ? kinds[0] : a === null ? kinds[1] : kinds[2], item: slug, before: b, after: a });
  }
  return out;
}

type RawChange = Omit<PlanChange, 'itemName' | 'lineName' | 'summary'>;

type Named = 'finished_goods' | 'finished_units' | 'recipes' | 'ingredients' | 'material_units';

/** The item's and line's names (the slug when the row is gone), and the change in words. */
function worded(t: Tx, c: RawChange): PlanChange {
  const name = (table: Named, slug: string) => t.get<{ name: string }>(`SELECT name FROM ${table} WHERE slug = ?`, [slug])?.name ?? slug;
  const product = (slug: unknown) => {
    if (typeof slug !== 'string') return null;
    const p = t.get<{ brand: string; name: string }>('SELECT brand, name FROM material_products WHERE slug = ?', [slug]);
    return p ? productLabel(p.brand, p.name) : slug;
  };
  const lineKind = (v: unknown) => (v !== null && typeof v === 'object' ? (v as { kind?: string }).kind : undefined);
  let names: ChangeNames;
  if (c.kind.startsWith('good_target')) names = { item: name('finished_goods', c.item) };
  else if (c.kind.startsWith('unit_target') || c.kind === 'batch_decision_changed' || c.kind === 'yield_changed') names = { item: name('finished_units', c.item) };
  else if (c.kind === 'recipe_choice_changed') {
    names = { item: name('finished_units', c.item), before: name('recipes', String(c.before)), after: name('recipes', String(c.after)) };
  } else if (c.kind.startsWith('ingredient_line')) names = { item: name('recipes', c.item), line: name('ingredients', c.line!) };
  else if (c.kind.startsWith('sub_recipe')) names = { item: name('recipes', c.item), line: name('recipes', c.line!) };
  else if (c.kind === 'material_unit_size_changed') {
    const measure = t.get<{ base_measure: BaseMeasure }>('SELECT m.base_measure FROM material_units u JOIN materials m ON m.id = u.material_id WHERE u.slug = ?', [c.item]);
    names = { item: name('material_units', c.item), unit: measure ? measureBaseUnit(measure.base_measure) : undefined };
  } else {
    const kind = lineKind(c.before ?? c.after);
    const line = kind === 'unit' ? name('finished_units', c.line!) : kind === 'good' ? name('finished_goods', c.line!) : name('material_units', c.line!);
    names = { item: name('finished_goods', c.item), line };
    if (c.kind === 'packaging_assignment_changed') {
      names.before = product((c.before as { product?: unknown }).product);
      names.after = product((c.after as { product?: unknown }).product);
    }
  }
  return { ...c, itemName: names.item, ...(names.line ? { lineName: names.line } : {}), summary: describeChange(c, names) };
}

function inputChanges(saved: SavedPlan, inputs: PlanInputs): RawChange[] {
  const p = saved.payload;
  const changes = [
    ...targetChanges(
      ['good_target_added', 'good_target_removed', 'good_target_changed'],
      new Map(p.targets.goods.map((g) => [g.good, g.quantity])),
      new Map(inputs.goodTargets.map((g) => [g.good, g.quantity])),
    ),
    ...targetChanges(
      ['unit_target_added', 'unit_target_removed', 'unit_target_changed'],
      new Map(p.targets.units.map((u) => [u.finishedUnit, u.quantity])),
      new Map(inputs.unitTargets.map((u) => [u.finishedUnit, u.quantity])),
    ),
  ];
  const before = new Map(p.batches.map((b) => [b.finishedUnit, b]));
  const after = new Map(inputs.rows.map((r) => [r.finishedUnit, r]));
  for (const [slug, b] of before) {
    const a = after.get(slug);
    if (a && a.recipe !== b.recipe) changes.push({ kind: 'recipe_choice_changed', item: slug, before: b.recipe, after: a.recipe });
  }
  // A decision is a change only when it changes the batches: locking writes the default the plan already used, and
  // deciding what the plan already bakes changes no number (domain.md, Staleness). With no decision on either side the
  // batches follow the need, and what moved the need (a target, a yield, a composition line) is the change reported.
  for (const slug of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(slug);
    const a = after.get(slug);
    if (!b?.decided && !a?.decision) continue;
    const batchesBefore = b?.batches ?? null;
    const batchesAfter = a?.batches ?? null;
    if (batchesBefore !== batchesAfter) changes.push({ kind: 'batch_decision_changed', item: slug, before: batchesBefore, after: batchesAfter });
  }
  return changes;
}

/** What changed since the event's plan was last saved, inside the caller's transaction. */
export function planStaleness(db: Database, request: { eventId: number }, tx?: Tx): Staleness {
  return withTransaction(db, tx, (t) => {
    const inputs = readPlanInputs(db, positiveId(request.eventId, 'eventId', 'event'), t);
    const saved = latestSnapshot(db, inputs.event.id, t);
    if (!saved) return { event: inputs.event.slug, snapshotId: null, savedAt: null, stale: false, changes: [] };
    const definitions = compareDefinitions(
      db,
      {
        stored: saved.payload.definitions,
        selection: { goodIds: inputs.goodTargets.map((g) => g.goodId), finishedUnitIds: inputs.rows.map((r) => r.finishedUnitId), recipeIds: inputs.rows.map((r) => r.recipeId) },
      },
      t,
    );
    const changes = [...inputChanges(saved, inputs), ...definitions.changes].map((c) => worded(t, c));
    return { event: inputs.event.slug, snapshotId: saved.id, savedAt: saved.takenAt, stale: changes.length > 0, changes };
  });
}

export interface Difference<T> {
  before: T | null;
  after: T | null;
}

export interface PlanDifferences {
  savedAt: string | null;
  /** The plan as it would be saved now. */
  current: Plan;
  batches: ({ finishedUnit: string; displayName: string; recipe: string } & Difference<{ batches: number; totalUnits: number; recipe: string }>)[];
  ingredients: ({ ingredient: string; displayName: string; unit: string } & Difference<{ quantity: number; cost: number | null }>)[];
  packaging: ({ material: string; displayName: string; unit: string } & Difference<{ quantity: number; cost: number | null }>)[];
  costBaseline: Difference<number>;
}

function differing<K, T>(keys: K[], before: (k: K) => T | null, after: (k: K) => T | null): { key: K; before: T | null; after: T | null }[] {
  return keys.map((key) => ({ key, before: before(key), after: after(key) })).filter((d) => JSON.stringify(d.before) !== JSON.stringify(d.after));
}

/**
 * What recalculating would change against the saved plan: the batches, the
 * ingredients, the packaging and the cost baseline, before and after. Writes
 * nothing; saving is `calculatePlan` with `save`.
 */
export function planDifferences(db: Database, request: { eventId: number }, tx?: Tx): PlanDifferences {
  return withTransaction(db, tx, (t) => {
    const current = calculatePlan(db, { eventId: request.eventId }, t);
    const saved = latestSnapshot(db, current.eventId, t)?.payload ?? null;
    const now = current.payload;
    const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];

    const batchBefore = new Map((saved?.batches ?? []).map((b) => [b.finishedUnit, b]));
    const batchAfter = new Map(now.batches.map((b) => [b.finishedUnit, b]));
    const batchOf = (b: (typeof now.batches)[number] | undefined) => (b ? { batches: b.batches, totalUnits: b.totalUnits, recipe: b.recipe } : null);
    const batches = differing(union([...batchBefore.keys()], [...batchAfter.keys()]), (k) => batchOf(batchBefore.get(k)), (k) => batchOf(batchAfter.get(k))).map((d) => {
      const row = (batchAfter.get(d.key) ?? batchBefore.get(d.key))!;
      return { finishedUnit: d.key, displayName: row.finishedUnitName, recipe: row.recipe, before: d.before, after: d.after };
    });

    const lines = <R extends { quantity: number; cost: number | null; displayName: string; unit: string }>(before: Map<string, R>, after: Map<string, R>) =>
      differing(union([...before.keys()], [...after.keys()]), (k) => pick(before.get(k)), (k) => pick(after.get(k))).map((d) => {
        const row = (after.get(d.key) ?? before.get(d.key))!;
        return { key: d.key, displayName: row.displayName, unit: row.unit, before: d.before, after: d.after };
      });
    const pick = (r: { quantity: number; cost: number | null } | undefined) => (r ? { quantity: r.quantity, cost: r.cost } : null);
    const ingredients = lines(
      new Map((saved?.ingredients ?? []).map((i) => [`${i.ingredient}|${i.unit}`, i])),
      new Map(now.ingredients.map((i) => [`${i.ingredient}|${i.unit}`, i])),
    ).map(({ key, ...d }) => ({ ingredient: key.split('|')[0]!, ...d }));
    const packaging = lines(new Map((saved?.packaging ?? []).map((p) => [p.material, p])), new Map(now.packaging.map((p) => [p.material, p]))).map(({ key, ...d }) => ({
      material: key,
      ...d,
    }));
    return {
      savedAt: saved?.takenAt ?? null,
      current,
      batches,
      ingredients,
      packaging,
      costBaseline: { before: saved?.costBaseline ?? null, after: now.costBaseline },
    };
  });
}
