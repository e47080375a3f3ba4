/**
 * What each not-yet-built screen will do, in the baker's words. These screens
 * teach instead of showing invented numbers: they say what the place is for,
 * and what the baker can already do to prepare for it.
 */
export type ComingScreenName = 'shop';

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
};
