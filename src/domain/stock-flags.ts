/**
 * When stock counts as empty or low. "Low" has no number in the domain
 * reference, so the rule is kept here, in one place: a lot is low when less
 * than a fifth of it is left; an ingredient is low when what is on hand is
 * less than a fifth of its latest lot (roughly: less than a fifth of what one
 * purchase brings).
 */

export const LOW_FRACTION = 0.2;

/** Quantities this close to zero (relative to the lot) are empty: float noise, not flour. */
export const EMPTY_TOLERANCE = 1e-9;

export function isEmpty(remaining: number, initial: number): boolean {
  return remaining <= Math.abs(initial) * EMPTY_TOLERANCE;
}

export function isLow(remaining: number, reference: number): boolean {
  return !isEmpty(remaining, reference) && remaining < reference * LOW_FRACTION;
}
