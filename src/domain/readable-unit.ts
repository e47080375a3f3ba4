/**
 * A readable unit for a quantity, within the unit's own system and measure:
 * 1,073 ml reads as 1.073 l, 117.8 oz as 7.36 lb, 0.5 lb as 8 oz, 12 tsp as
 * 4 tbsp. A quantity moves up to a bigger unit once it holds enough of it,
 * and down only when it is less than one of the unit given, so "1.5 lb"
 * stays as the baker bought it. Count, length and area units stay as given.
 */
import { UNITS, type Unit } from './units';

/** Units of one system and measure, smallest first, each with how much of it a quantity must hold to be shown in it. */
const LADDERS: readonly (readonly [unit: Unit, from: number][])[] = [
  [['g', 0], ['kg', 1]],
  [['oz', 0], ['lb', 2]],
  [['ml', 0], ['l', 1]],
  [['tsp', 0], ['tbsp', 1], ['cup', 0.5]],
  [['fl oz', 0], ['qt', 2], ['gal', 2]],
  [['pt', 0], ['qt', 2], ['gal', 2]],
  [['each', 0], ['dozen', Infinity]],
];

export interface Readable {
  quantity: number;
  unit: Unit;
}

export function readableQuantity(quantity: number, unit: Unit): Readable {
  const ladder = LADDERS.find((l) => l.some(([u]) => u === unit));
  if (!ladder || !Number.isFinite(quantity)) return { quantity, unit };
  const base = quantity * UNITS[unit].factor;
  const size = Math.abs(base);
  const given = ladder.findIndex(([u]) => u === unit);
  let pick = given;
  for (let i = ladder.length - 1; i > given; i--) {
    const [u, from] = ladder[i]!;
    if (size >= from * UNITS[u].factor * (1 - 1e-12)) {
      pick = i;
      break;
    }
  }
  if (pick === given && size < UNITS[unit].factor * (1 - 1e-12)) {
    for (pick = given; pick > 0 && size < UNITS[ladder[pick]![0]].factor * (1 - 1e-12); pick--);
  }
  const chosen = ladder[pick]![0];
  return { quantity: base / UNITS[chosen].factor, unit: chosen };
}
