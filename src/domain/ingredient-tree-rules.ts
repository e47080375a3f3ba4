/**
 * The shape of the ingredient tree: category > group > ingredient, so levels
 * 0, 1 and 2. Only leaves (ingredients with no children) get products, lots
 * and recipe lines; a leaf may sit at any level. These functions say when
 * something is refused and why, in the words both the refusal and the
 * screen that says it beforehand use.
 */
export const MAX_INGREDIENT_LEVEL = 2;

/** What uses an ingredient. */
export interface IngredientUses {
  children: number;
  products: number;
  lots: number;
  recipeLines: number;
}

const counted = (n: number, one: string, many: string) => (n > 0 ? `${n} ${n === 1 ? one : many}` : null);

/** "1 sub-ingredient, 2 products": what uses it, as a baker counts it. */
function usesText(uses: IngredientUses): string | null {
  const parts = [
    counted(uses.children, 'sub-ingredient', 'sub-ingredients'),
    counted(uses.products, 'product', 'products'),
    counted(uses.lots, 'pantry lot', 'pantry lots'),
    counted(uses.recipeLines, 'recipe line', 'recipe lines'),
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * Whether an ingredient may be deleted: only once nothing uses it. `blockedBy`
 * says so before the baker tries; `refusal` is the error if they try anyway.
 */
export function deleteRefusal(name: string, uses: IngredientUses): { blockedBy: string; refusal: string } | null {
  const text = usesText(uses);
  if (!text) return null;
  return { blockedBy: `${name} has ${text}: it can be deleted once nothing uses it.`, refusal: `${name} cannot be deleted: it has ${text}.` };
}

/**
 * Why nothing may be placed under `parent` (null: it may): the tree would get
 * deeper than three levels with the `height` levels below the one placed (0
 * for a new ingredient), or the parent is an ingredient in use, which must
 * stay a leaf.
 */
export function childRefusal(parent: { name: string; level: number } & Omit<IngredientUses, 'children'>, height = 0): string | null {
  if (parent.level + 1 + height > MAX_INGREDIENT_LEVEL) {
    return `${parent.name} is already at the deepest level: the ingredient tree has at most three levels (category > group > ingredient).`;
  }
  if (parent.products > 0 || parent.lots > 0 || parent.recipeLines > 0) {
    const what = parent.products > 0 ? 'products' : parent.lots > 0 ? 'pantry lots' : 'recipe lines';
    return `${parent.name} has ${what}, so it must stay a specific ingredient: only ingredients without products can have sub-ingredients.`;
  }
  return null;
}

/** Why a group (an ingredient with sub-ingredients) cannot take `what` (products, a recipe line). */
export function groupRefusal(name: string, what: string): string {
  return `${name} is a group of ingredients; ${what} can only use a specific ingredient with no sub-ingredients.`;
}
