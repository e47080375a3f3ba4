/**
 * Change tracking for plans (docs/design/change-tracking.md). A plan stores
 * the quantity-relevant definition of everything it was computed from,
 * keyed by slug: recipes' ingredient and sub-recipe lines, finished units'
 * yields, finished goods' composition lines with their packaging
 * assignment, material units' sizes. Names, notes, categories and the order
 * of lines are not part of it, so a cosmetic edit never changes the
 * fingerprint nor shows in a diff. Pure: services/definitions captures it.
 */
import { sha256Hex } from './sha256';

export interface IngredientLineRecord {
  ingredient: string;
  quantity: number;
  unit: string;
}

export interface SubRecipeRecord {
  recipe: string;
  batchMultiplier: number;
}

export interface RecipeRecord {
  ingredients: IngredientLineRecord[];
  subRecipes: SubRecipeRecord[];
}

export interface FinishedUnitRecord {
  recipe: string;
  yieldMode: 'discrete' | 'portion';
  itemsPerBatch: number | null;
  portionPercent: number | null;
}

export type CompositionLineRecord =
  | { kind: 'unit'; item: string; quantity: number }
  | { kind: 'good'; item: string; quantity: number }
  /** `product` is the assigned material product's slug, or null for a generic line. */
  | { kind: 'material'; item: string; product: string | null; quantity: number };

export interface GoodRecord {
  lines: CompositionLineRecord[];
}

export interface MaterialUnitRecord {
  material: string;
  /** In the material's base measure (each, cm, cm²). */
  size: number;
}

export interface Definitions {
  recipes: Record<string, RecipeRecord>;
  finishedUnits: Record<string, FinishedUnitRecord>;
  goods: Record<string, GoodRecord>;
  materialUnits: Record<string, MaterialUnitRecord>;
}

export const DEFINITION_CHANGE_KINDS = [
  'ingredient_line_added',
  'ingredient_line_removed',
  'ingredient_line_changed',
  'sub_recipe_added',
  'sub_recipe_removed',
  'sub_recipe_changed',
  'yield_changed',
  'composition_line_added',
  'composition_line_removed',
  'composition_line_changed',
  'packaging_assignment_changed',
  'material_unit_size_changed',
] as const;

export type DefinitionChangeKind = (typeof DEFINITION_CHANGE_KINDS)[number];

export interface DefinitionChange {
  kind: DefinitionChangeKind;
  /** Slug of the recipe, finished unit, good or material unit whose definition changed. */
  item: string;
  /** Slug of the line's ingredient, sub-recipe or component, for line changes. */
  line?: string;
  before: unknown;
  after: unknown;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const lineKey = (l: CompositionLineRecord) => `${l.kind}:${l.item}`;
/** Lines of one key in a fixed order, so reordering a recipe's or a good's lines changes nothing. */
const sortKey = (value: unknown) => JSON.stringify(value);

function sortedRecord<T>(record: Record<string, T>, canon: (value: T) => T): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort(byText).map((k) => [k, canon(record[k]!)]));
}

/** The same definitions with every key and line in a fixed order. */
export function canonicalDefinitions(d: Definitions): Definitions {
  return {
    recipes: sortedRecord(d.recipes, (r) => ({
      ingredients: [...r.ingredients]
        .map((l) => ({ ingredient: l.ingredient, quantity: l.quantity, unit: l.unit }))
        .sort((a, b) => byText(a.ingredient, b.ingredient) || byText(sortKey(a), sortKey(b))),
      subRecipes: [...r.subRecipes].map((s) => ({ recipe: s.recipe, batchMultiplier: s.batchMultiplier })).sort((a, b) => byText(a.recipe, b.recipe)),
    })),
    finishedUnits: sortedRecord(d.finishedUnits, (u) => ({
      recipe: u.recipe,
      yieldMode: u.yieldMode,
      itemsPerBatch: u.itemsPerBatch,
      portionPercent: u.portionPercent,
    })),
    goods: sortedRecord(d.goods, (g) => ({
      lines: [...g.lines]
        .map((l): CompositionLineRecord => (l.kind === 'material' ? { kind: l.kind, item: l.item, product: l.product, quantity: l.quantity } : { kind: l.kind, item: l.item, quantity: l.quantity }))
        .sort((a, b) => byText(lineKey(a), lineKey(b)) || byText(sortKey(a), sortKey(b))),
    })),
    materialUnits: sortedRecord(d.materialUnits, (m) => ({ material: m.material, size: m.size })),
  };
}

/** A stable fingerprint: equal definitions (in any key or line order) give equal fingerprints. */
export function fingerprintDefinitions(d: Definitions): string {
  return `sha256:${sha256Hex(JSON.stringify(canonicalDefinitions(d)))}`;
}

/**
 * Lines grouped by a key (an ingredient, a component) and paired: equal
 * lines first (they did not change), then lines that agree on `near` (the
 * same unit), then the rest in order. A pair that differs changed; what is
 * left over was added or removed.
 */
function pairLines<T>(
  before: readonly T[],
  after: readonly T[],
  key: (line: T) => string,
  near: (line: T) => string = () => '',
): { key: string; before: T | null; after: T | null }[] {
  const groups = new Map<string, { before: T[]; after: T[] }>();
  const group = (k: string) => groups.get(k) ?? groups.set(k, { before: [], after: [] }).get(k)!;
  for (const l of before) group(key(l)).before.push(l);
  for (const l of after) group(key(l)).after.push(l);
  const out: { key: string; before: T | null; after: T | null }[] = [];
  for (const [k, g] of [...groups].sort(([a], [b]) => byText(a, b))) {
    const left = [...g.after];
    const unmatched = g.before.filter((b) => {
      const i = left.findIndex((a) => sortKey(a) === sortKey(b));
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
    const pairs: { before: T | null; after: T | null }[] = [];
    const rest = unmatched.filter((b) => {
      const i = left.findIndex((a) => near(a) === near(b));
      if (i < 0) return true;
      pairs.push({ before: b, after: left.splice(i, 1)[0]! });
      return false;
    });
    for (let i = 0; i < Math.max(rest.length, left.length); i++) pairs.push({ before: rest[i] ?? null, after: left[i] ?? null });
    out.push(...pairs.map((p) => ({ key: k, ...p })));
  }
  return out;
}

function lineChange<T>(kinds: [DefinitionChangeKind, DefinitionChangeKind, DefinitionChangeKind], item: string, line: string, p: { before: T | null; after: T | null }): DefinitionChange {
  const kind = p.before === null ? kinds[0] : p.after === null ? kinds[1] : kinds[2];
  return { kind, item, line, before: p.before, after: p.after };
}

/**
 * Every quantity-relevant change from `before` to `after`. Only items
 * defined on both sides are compared: an item appears or disappears only
 * when a line that refers to it is added or removed (reported on that line),
 * or when the caller's own selection (a plan's targets) changed.
 */
export function diffDefinitions(beforeDefs: Definitions, afterDefs: Definitions): DefinitionChange[] {
  const before = canonicalDefinitions(beforeDefs);
  const after = canonicalDefinitions(afterDefs);
  const changes: DefinitionChange[] = [];
  const common = <T>(a: Record<string, T>, b: Record<string, T>) => Object.keys(a).filter((k) => Object.hasOwn(b, k));

  for (const slug of common(before.recipes, after.recipes)) {
    const b = before.recipes[slug]!;
    const a = after.recipes[slug]!;
    for (const p of pairLines(b.ingredients, a.ingredients, (l) => l.ingredient, (l) => l.unit)) {
      changes.push(lineChange(['ingredient_line_added', 'ingredient_line_removed', 'ingredient_line_changed'], slug, p.key, p));
    }
    for (const p of pairLines(b.subRecipes, a.subRecipes, (l) => l.recipe)) {
      changes.push(lineChange(['sub_recipe_added', 'sub_recipe_removed', 'sub_recipe_changed'], slug, p.key, p));
    }
  }
  for (const slug of common(before.finishedUnits, after.finishedUnits)) {
    const b = before.finishedUnits[slug]!;
    const a = after.finishedUnits[slug]!;
    if (sortKey(a) !== sortKey(b)) changes.push({ kind: 'yield_changed', item: slug, before: b, after: a });
  }
  for (const slug of common(before.goods, after.goods)) {
    for (const p of pairLines(before.goods[slug]!.lines, after.goods[slug]!.lines, lineKey, (l) => (l.kind === 'material' ? String(l.product) : ''))) {
      const line = (p.before ?? p.after)!.item;
      if (p.before?.kind === 'material' && p.after?.kind === 'material') {
        if (p.before.product !== p.after.product) {
          changes.push({ kind: 'packaging_assignment_changed', item: slug, line, before: p.before, after: p.after });
        }
        if (p.before.quantity !== p.after.quantity) {
          changes.push({ kind: 'composition_line_changed', item: slug, line, before: p.before, after: p.after });
        }
        continue;
      }
      changes.push(lineChange(['composition_line_added', 'composition_line_removed', 'composition_line_changed'], slug, line, p));
    }
  }
  for (const slug of common(before.materialUnits, after.materialUnits)) {
    const b = before.materialUnits[slug]!;
    const a = after.materialUnits[slug]!;
    if (sortKey(a) !== sortKey(b)) changes.push({ kind: 'material_unit_size_changed', item: slug, before: b, after: a });
  }
  return changes;
}
