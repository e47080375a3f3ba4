/**
 * What each not-yet-built screen will do, in the baker's words. These screens
 * teach instead of showing invented numbers: they say what the place is for,
 * and what the baker can already do to prepare for it.
 */
export type ComingScreenName = 'plan' | 'make' | 'recipes' | 'goods';

interface ComingFeature {
  title: string;
  lead: string;
  points: string[];
  meanwhile: string;
}

export const comingFeatures: Record<ComingScreenName, ComingFeature> = {
  plan: {
    title: 'Plan',
    lead: 'Plan a season of baking around an event, like “Christmas 2026: 40 gift boxes”.',
    points: [
      'Set what you want to give or sell: gift boxes, tins, loose cookies.',
      'See how many batches of each recipe that takes, and how much is left over.',
      'See what it will cost at today’s pantry prices, and whether you can assemble it now.',
      'Lock the plan, then follow it through production with amendments that keep a history.',
    ],
    meanwhile: 'Plans draw on your pantry and recipes. Recording what you buy now gives the plan real prices.',
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
