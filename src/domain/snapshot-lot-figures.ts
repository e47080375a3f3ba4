/**
 * A lot's figures in a snapshot: how much was bought, what remains, and the
 * cost per unit, all in the lot's `unit` (an export writes the base unit, g,
 * ml, each, cm or cm², so nothing is converted; a hand-written file may use
 * any unit of the same kind, and leaves them out to have them worked out).
 * What follows from elsewhere is never taken on trust: a purchase's lot
 * holds packages x package size at price / package size, and what remains is
 * what was bought plus the lot's adjustments less what was drawn from it.
 * A figure the file gives is compared with that and refused, naming it, when
 * they differ; when they agree the file's exact number is kept.
 */
import { RecordProblem } from './bake-tracker-records';
import { plainNumber, plainQuantity } from './format';
import type { Fields } from './snapshot-fields';
import { BASE_UNIT, dimensionOf, fromBase, toBase, type Dimension, type Unit } from './units';
import { agrees } from './snapshot-plan';

export interface LotFiguresDraft {
  key: string | null;
  quantity: number | null;
  remaining: number | null;
  /** Null: left out (or null: unknown for a lot without a purchase). */
  unitCost: number | null;
  unit: Unit | null;
  location: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export function readLotFigures(f: Fields, now: string): LotFiguresDraft {
  return f.stamped({
    key: f.ref('key', false),
    quantity: f.number('quantity', { min: 'positive' }),
    remaining: f.number('remaining', { min: 'non-negative' }),
    unitCost: f.number('unit_cost', { min: 'non-negative' }),
    unit: f.has('unit') ? f.unit('unit') : null,
    location: f.text('location', { max: 100 }),
    notes: f.text('notes'),
    createdAt: now,
    updatedAt: now,
  }, now);
}

/** The lot's figures in its base unit, checked. */
export interface CheckedFigures {
  dimension: Dimension;
  quantity: number;
  remaining: number;
  unitCost: number | null;
  /** The unit the file's figures and adjustments are in. */
  unit: Unit;
}

export interface FigureRules {
  path: string;
  /** The unit figures are in when the file names none: the product's package unit. */
  packageUnit: Unit;
  /** A purchase's lot: what it must hold and cost, in base units; a lot without a purchase gives its own. */
  bought: { quantity: number; unitCost: number } | null;
  /** The key the lot gets (product@date, #2…); a key in the file must be this one. */
  key: string;
  /** The signed sum of everything that changed it since, in base units (adjustments, draws). */
  change: number;
}

/** Checks a lot's figures against what they follow from; throws the first that disagrees. */
export function checkFigures(draft: LotFiguresDraft, rules: FigureRules): CheckedFigures {
  const { path } = rules;
  const dimension = dimensionOf(rules.packageUnit);
  const unit = draft.unit ?? rules.packageUnit;
  if (dimensionOf(unit) !== dimension) {
    throw new RecordProblem(`${path}.unit`, `${unit} does not measure the same thing as the product's ${rules.packageUnit}.`);
  }
  if (draft.key !== null && draft.key !== rules.key) {
    throw new RecordProblem(`${path}.key`, `"${draft.key}" is not this lot's key: a lot is known by its product's slug and its date, here "${rules.key}" (leave "key" out to have it filled in).`);
  }
  const base = (v: number) => (unit === BASE_UNIT[dimension] ? v : toBase(v, unit));
  const baseCost = (v: number) => (unit === BASE_UNIT[dimension] ? v : v / toBase(1, unit));
  const shown = (baseValue: number) => plainQuantity(fromBase(baseValue, unit), unit);

  let quantity: number;
  let unitCost: number | null;
  if (rules.bought) {
    quantity = draft.quantity === null ? rules.bought.quantity : base(draft.quantity);
    if (!agrees(quantity, rules.bought.quantity)) {
      throw new RecordProblem(`${path}.quantity`, `The purchase brought ${shown(rules.bought.quantity)} (packages x package size), not ${shown(quantity)}.`);
    }
    unitCost = draft.unitCost === null ? rules.bought.unitCost : baseCost(draft.unitCost);
    if (!agrees(unitCost, rules.bought.unitCost)) {
      const per = (v: number) => (unit === BASE_UNIT[dimension] ? v : v * toBase(1, unit));
      throw new RecordProblem(`${path}.unit_cost`, `The purchase costs ${plainNumber(per(rules.bought.unitCost), 6)} per ${unit} (price / package size), not ${plainNumber(per(unitCost), 6)}.`);
    }
  } else {
    if (draft.quantity === null) throw new RecordProblem(`${path}.quantity`, 'quantity is required: how much the lot held when it came in.');
    quantity = base(draft.quantity);
    unitCost = draft.unitCost === null ? null : baseCost(draft.unitCost);
  }

  const expected = quantity + rules.change;
  if (expected < -1e-9 * quantity) {
    throw new RecordProblem(`${path}.quantity`, `What was taken from this lot (${shown(-rules.change)}) is more than it held (${shown(quantity)}).`);
  }
  const computed = Math.max(0, Math.abs(expected) <= 1e-9 * quantity ? 0 : expected);
  const remaining = draft.remaining === null ? computed : base(draft.remaining);
  if (!agrees(remaining, computed)) {
    throw new RecordProblem(`${path}.remaining`, `This lot holds ${shown(computed)} after what its ledger records, not ${shown(remaining)}.`);
  }
  return { dimension, quantity, remaining, unitCost, unit };
}
