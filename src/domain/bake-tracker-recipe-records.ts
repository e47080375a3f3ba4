/**
 * Reading one recipe record of a Bake Tracker 4.x backup: its fields, its
 * ingredient lines (`ingredients[j]`: ingredient slug, quantity, unit), its
 * sub-recipe lines (`components[k]`: a recipe slug or name and a quantity
 * of batches) and the finished units it yields (`finished_units[m]`). Every
 * field is checked with the limits the recipe services apply, so a record
 * read here is one the services accept; a problem names its path in the
 * file (`recipes[3].ingredients[2].unit`). Pure.
 */
import { RecordProblem } from './bake-tracker-records';
import { checkRecordCount } from './file-limits';
import { MAX_BATCH_MULTIPLIER, MAX_ITEMS_PER_BATCH, MAX_LINE_QUANTITY, MAX_RECIPE_NOTES } from './limits';
import { isValidSlug } from './slug';
import { INGREDIENT_DIMENSIONS, dimensionOf, parseUnit, type Unit } from './units';
import type { YieldMode } from './yields';

type Raw = Record<string, unknown>;

export interface BtRecipeLine {
  ingredientSlug: string;
  quantity: number;
  unit: Unit;
  notes: string;
}

export interface BtRecipeComponent {
  /** Bake Tracker 4.x names the sub-recipe by slug; older files by name only. */
  recipeSlug: string | null;
  recipeName: string | null;
  batchMultiplier: number;
}

export interface BtFinishedUnit {
  slug: string | null;
  name: string;
  yieldMode: YieldMode;
  itemsPerBatch: number | null;
  portionPercent: number | null;
  notes: string;
}

export interface BtRecipe {
  slug: string;
  name: string;
  category: string;
  source: string;
  notes: string;
  baseRecipeSlug: string | null;
  variantName: string | null;
  archived: boolean;
  lines: BtRecipeLine[];
  components: BtRecipeComponent[];
  finishedUnits: BtFinishedUnit[];
}

function object(raw: unknown, path: string): Raw {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecordProblem(path, 'This record is not an object.');
  return raw as Raw;
}

function text(r: Raw, key: string, path: string, required: boolean, maxLength: number): string {
  const v = r[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (required) throw new RecordProblem(`${path}.${key}`, `${key} is required.`);
    return '';
  }
  if (typeof v !== 'string') throw new RecordProblem(`${path}.${key}`, `${key} must be text.`);
  const trimmed = v.trim().normalize('NFC');
  if (trimmed.length > maxLength) throw new RecordProblem(`${path}.${key}`, `${key} is too long (at most ${maxLength} characters).`);
  return trimmed;
}

function number(r: Raw, key: string, path: string, max: number): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RecordProblem(`${path}.${key}`, `${key} must be a number.`);
  if (v <= 0) throw new RecordProblem(`${path}.${key}`, `${key} must be more than zero (found ${v}).`);
  if (v > max) throw new RecordProblem(`${path}.${key}`, `${key} must be at most ${max} (found ${v}).`);
  return v;
}

function list(r: Raw, key: string, path: string): unknown[] {
  const v = r[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new RecordProblem(`${path}.${key}`, `${key} must be a list.`);
  checkRecordCount(`${path}.${key}`, v.length);
  return v;
}

function slugField(r: Raw, key: string, path: string, required: boolean): string | null {
  const slug = text(r, key, path, required, 80);
  if (!slug) return null;
  if (!isValidSlug(slug)) throw new RecordProblem(`${path}.${key}`, `"${slug}" is not a valid slug (lowercase letters, digits, - and _).`);
  return slug;
}

function readLine(raw: unknown, path: string): BtRecipeLine {
  const r = object(raw, path);
  const unitText = text(r, 'unit', path, true, 40);
  const unit = parseUnit(unitText);
  if (!unit) throw new RecordProblem(`${path}.unit`, `"${unitText}" is not a unit Bake Planner knows.`);
  if (!INGREDIENT_DIMENSIONS.includes(dimensionOf(unit))) throw new RecordProblem(`${path}.unit`, `${unit} is not a weight, volume or count.`);
  return {
    ingredientSlug: slugField(r, 'ingredient_slug', path, true)!,
    quantity: number(r, 'quantity', path, MAX_LINE_QUANTITY),
    unit,
    notes: text(r, 'notes', path, false, 200),
  };
}

function readComponent(raw: unknown, path: string): BtRecipeComponent {
  const r = object(raw, path);
  const recipeSlug = slugField(r, 'component_recipe_slug', path, false);
  const recipeName = text(r, 'component_recipe_name', path, false, 200) || null;
  if (!recipeSlug && !recipeName) throw new RecordProblem(`${path}.component_recipe_slug`, 'component_recipe_slug is required.');
  return { recipeSlug, recipeName, batchMultiplier: number(r, 'quantity', path, MAX_BATCH_MULTIPLIER) };
}

const DISCRETE_MODES = ['discrete_count', 'discrete'];
const PORTION_MODES = ['batch_portion', 'portion'];

function readFinishedUnit(raw: unknown, path: string): BtFinishedUnit {
  const r = object(raw, path);
  const mode = text(r, 'yield_mode', path, true, 40);
  const base = { slug: slugField(r, 'slug', path, false), name: text(r, 'display_name', path, true, 200), notes: text(r, 'notes', path, false, 2000) };
  if (DISCRETE_MODES.includes(mode)) {
    const items = number(r, 'items_per_batch', path, MAX_ITEMS_PER_BATCH);
    if (!Number.isInteger(items)) throw new RecordProblem(`${path}.items_per_batch`, `items_per_batch must be a whole number (found ${items}).`);
    return { ...base, yieldMode: 'discrete', itemsPerBatch: items, portionPercent: null };
  }
  if (PORTION_MODES.includes(mode)) return { ...base, yieldMode: 'portion', itemsPerBatch: null, portionPercent: number(r, 'batch_percentage', path, 100) };
  throw new RecordProblem(`${path}.yield_mode`, `"${mode}" is not a yield Bake Planner knows (discrete_count or batch_portion).`);
}

export function readRecipe(raw: unknown, path: string): BtRecipe {
  const r = object(raw, path);
  const archived = r.is_archived;
  if (archived !== undefined && archived !== null && typeof archived !== 'boolean') throw new RecordProblem(`${path}.is_archived`, 'is_archived must be true or false.');
  return {
    slug: slugField(r, 'slug', path, true)!,
    name: text(r, 'name', path, true, 200).replace(/\s+/g, ' '),
    category: text(r, 'category', path, false, 60),
    source: text(r, 'source', path, false, 300),
    notes: text(r, 'notes', path, false, MAX_RECIPE_NOTES),
    baseRecipeSlug: slugField(r, 'base_recipe_slug', path, false),
    variantName: text(r, 'variant_name', path, false, 100) || null,
    archived: archived === true,
    lines: list(r, 'ingredients', path).map((line, j) => readLine(line, `${path}.ingredients[${j}]`)),
    components: list(r, 'components', path).map((c, k) => readComponent(c, `${path}.components[${k}]`)),
    finishedUnits: list(r, 'finished_units', path).map((u, m) => readFinishedUnit(u, `${path}.finished_units[${m}]`)),
  };
}
