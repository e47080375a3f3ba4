/**
 * Generous upper bounds on what a home baker records, in one place. They are
 * far above any real purchase (a bakery-supply pallet is about 2,000 lb; the
 * dearest vanilla bean tin costs a few hundred) yet stop a slip of the
 * keyboard ("999999999999 packages") from turning the pantry value into
 * nonsense. A price of 0 stays allowed: a gift.
 */

/** Packages in one purchase. */
export const MAX_PACKAGES = 10_000;

/** Price of one package, in the app's currency. */
export const MAX_PRICE_PER_PACKAGE = 100_000;

/** Size of one package, in its own unit (1,000,000 g is one tonne). */
export const MAX_PACKAGE_QUANTITY = 1_000_000;

/** A purchase may be dated tomorrow (another time zone), never later. */
export const MAX_DAYS_AHEAD = 1;

/** A name (ingredient, product, supplier, material…), in characters. */
export const MAX_NAME_LENGTH = 200;

/** Notes and descriptions, in characters. */
export const MAX_NOTES_LENGTH = 2000;
