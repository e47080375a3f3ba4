/**
 * What each not-yet-built screen will do, in the baker's words. These screens
 * teach instead of showing invented numbers: they say what the place is for,
 * and what the baker can already do to prepare for it.
 */
export type ComingScreenName = 'shop' | 'make' | 'recipes' | 'goods';

interface ComingFeature {
  title: string;
  lead: string;
  points: string[];
  meanwhile: string;
}

export const comingFeatures: Record<ComingScreenName, ComingFeature> = {
  shop: {
    title: 'Shop',
    lead: 'The shopping list for an event: what to buy after counting what is already in your pantry.',
    points: [
      'Grouped by ingredient, rounded up to whole packages of the product you prefer.',
      'Shows the estimated cost and what will be left over.',
      'Tick items off in the store; print it if you like paper.',
    ],
    meanwhile: 'The list subtracts what you already have, so an up-to-date pantry makes it shorter.',
  },
  make: {
    title: 'Make',
    lead: 'Record what you bake and box, so stock and costs stay true.',
    points: [
      'Pick a recipe (recent ones first), the number of batches and the actual yield.',
      'Before you confirm, each ingredient shows whether the pantry has enough.',
      'Ingredients come out of the pantry oldest lot first, and each batch knows its cost.',
      'Record assembling gift boxes from finished cookies and packaging.',
    ],
    meanwhile: 'Baking draws from pantry lots, so record your purchases first.',
  },
  recipes: {
    title: 'Recipes',
    lead: 'Your recipes: ingredient lines per batch, sub-recipes, and what each batch yields.',
    points: [
      'Quantities in the units you bake with (cups, grams, each); conversions use each ingredient’s density.',
      'Sub-recipes like half a batch of frosting, nested up to three deep.',
      'What a batch yields: 48 cookies, or a pie cut into 8 slices.',
    ],
    meanwhile: 'Recipes use the ingredients in your pantry catalog; you can set their densities there now.',
  },
  goods: {
    title: 'Goods',
    lead: 'The things you make and give: finished units (a sugar cookie) and finished goods (a gift box).',
    points: [
      'What goes in each box: cookies, brownies, a tin, ribbon.',
      'How many are in stock, and what each one cost to make.',
    ],
    meanwhile: 'Packaging and ingredients both come from purchases; start with the pantry.',
  },
};
