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

/** Quantity of one recipe line, in its own unit (100,000 g is 100 kg: a bakery-sized batch). */
export const MAX_LINE_QUANTITY = 100_000;

/** Batches of a sub-recipe in one batch of its recipe. */
export const MAX_BATCH_MULTIPLIER = 1_000;

/** Items one batch yields. */
export const MAX_ITEMS_PER_BATCH = 100_000;

/** Quantity of one composition line of a finished good. */
export const MAX_COMPOSITION_QUANTITY = 10_000;

/** One recipe's method and notes (a long recipe card runs to a few thousand characters). */
export const MAX_RECIPE_NOTES = 20_000;

/** Batches in one production run (a year of a bakery's cookies is a few hundred). */
export const MAX_RUN_BATCHES = 10_000;

/** Goods assembled in one assembly run. */
export const MAX_ASSEMBLY_QUANTITY = 10_000;
