/**
 * The shape of the ingredient tree: category > group > ingredient, so levels
 * 0, 1 and 2. Only leaves (ingredients with no children) get products, lots
 * and recipe lines; a leaf may sit at any level.
 */
export const MAX_INGREDIENT_LEVEL = 2;
