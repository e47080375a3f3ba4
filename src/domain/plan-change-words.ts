/**
 * A plan change in the baker's words, for the "out of date" banner:
 * "Cookie bag: target 10 → 12", "Sugar cookies: Flour 2 cup → 2.5 cup".
 * The names come with the change (looked up by the staleness service); the
 * numbers are the change's own before and after.
 */
import { plainNumber } from './format';

export interface ChangeToWord {
  kind: string;
  before: unknown;
  after: unknown;
}

export interface ChangeNames {
  /** The changed good, finished unit, recipe or material unit. */
  item: string;
  /** The line's ingredient, sub-recipe or component, for a line change. */
  line?: string;
  /** Recipe names for a recipe choice, material product names for a packaging assignment. */
  before?: string | null;
  after?: string | null;
  /** The base unit of a material unit's size (cm). */
  unit?: string;
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | null => (v !== null && typeof v === 'object' ? (v as Rec) : null);
const num = (v: unknown) => (typeof v === 'number' ? plainNumber(v) : '?');
const batches = (v: unknown) => `${num(v)} batch${v === 1 ? '' : 'es'}`;

function amount(v: unknown): string {
  const r = rec(v);
  if (!r) return '';
  if ('unit' in r) return `${num(r.quantity)} ${String(r.unit)}`;
  if ('batchMultiplier' in r) return `× ${num(r.batchMultiplier)} batch`;
  return `× ${num(r.quantity)}`;
}

function yieldText(v: unknown): string {
  const r = rec(v);
  if (!r) return '';
  return r.yieldMode === 'portion' ? `${num(r.portionPercent)} % of a batch` : `${num(r.itemsPerBatch)} a batch`;
}

function lineChange(c: ChangeToWord, n: ChangeNames): string {
  const line = n.line ?? '';
  if (c.kind.endsWith('_added')) return `${n.item}: ${line} ${amount(c.after)} added`;
  if (c.kind.endsWith('_removed')) return `${n.item}: ${line} ${amount(c.before)} removed`;
  return `${n.item}: ${line} ${amount(c.before)} → ${amount(c.after)}`;
}

export function describeChange(c: ChangeToWord, n: ChangeNames): string {
  switch (c.kind) {
    case 'good_target_added':
    case 'unit_target_added':
      return `${n.item}: target of ${num(c.after)} added`;
    case 'good_target_removed':
    case 'unit_target_removed':
      return `${n.item}: target removed (was ${num(c.before)})`;
    case 'good_target_changed':
    case 'unit_target_changed':
      return `${n.item}: target ${num(c.before)} → ${num(c.after)}`;
    case 'recipe_choice_changed':
      return `${n.item}: baked with ${n.after ?? String(c.after)} (was ${n.before ?? String(c.before)})`;
    case 'batch_decision_changed':
      if (c.before === null) return `${n.item}: ${batches(c.after)} decided`;
      if (c.after === null) return `${n.item}: decision cleared (was ${batches(c.before)})`;
      return `${n.item}: ${batches(c.before)} → ${batches(c.after)}`;
    case 'yield_changed':
      return `${n.item}: yield ${yieldText(c.before)} → ${yieldText(c.after)}`;
    case 'packaging_assignment_changed':
      return `${n.item}: ${n.line ?? ''} now ${n.after ?? 'any product'} (was ${n.before ?? 'any product'})`;
    case 'material_unit_size_changed':
      return `${n.item}: size ${num(rec(c.before)?.size)} → ${num(rec(c.after)?.size)}${n.unit ? ` ${n.unit}` : ''}`;
    default:
      return lineChange(c, n);
  }
}
