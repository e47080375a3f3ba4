/**
 * RPC handlers for recipes and the finished units they yield: the list and
 * categories, one recipe with its lines, yields and what the screen may do,
 * its cost now for some batches, the editor's live preview of unsaved
 * lines, and the writes (create, update, archive, restore, delete).
 */
import { costRecipe, previewRecipeDraft } from '../../services/pricing/recipe-cost';
import type { IngredientLineInput, SubRecipeLineInput } from '../../services/recipes/recipe-lines';
import {
  archiveFinishedUnit,
  createFinishedUnit,
  deleteFinishedUnit,
  getFinishedUnit,
  listFinishedUnits,
  restoreFinishedUnit,
  updateFinishedUnit,
  type FinishedUnitFilter,
  type FinishedUnitInput,
  type FinishedUnitUpdate,
} from '../../services/recipes/finished-units';
import {
  archiveRecipe,
  createRecipe,
  deleteRecipe,
  getRecipe,
  listRecipeCategories,
  listRecipes,
  restoreRecipe,
  updateRecipe,
  type RecipeFilter,
  type RecipeInput,
  type RecipeUpdate,
} from '../../services/recipes/recipes';
import { defineHandlers, read, write } from './define';

/** What a recipe's or a finished unit's uses are: goods, event plans, runs and finished stock. */
const USAGE_DEPS = ['recipes', 'goods', 'events', 'plans', 'production'] as const;
/** A line's flag depends on the ingredient's measures and on how it is stocked (its products and lots). */
const LINE_DEPS = ['recipes', 'ingredients', 'products', 'stock'] as const;
/** Costs now: FIFO over lots, else the latest purchase price. */
const COST_DEPS = [...LINE_DEPS, 'purchases'] as const;

export interface RecipeDraftRequest {
  recipeId?: number | null;
  name?: string;
  ingredientLines?: IngredientLineInput[];
  subRecipes?: SubRecipeLineInput[];
  batches?: number;
}

export const recipesHandlers = defineHandlers({
  'recipes.list': read(['recipes'], (ctx, params: RecipeFilter | void) => listRecipes(ctx.db, params ?? {})),
  'recipes.categories': read(['recipes'], (ctx, _params: void) => listRecipeCategories(ctx.db)),
  'recipes.get': read([...USAGE_DEPS, ...LINE_DEPS], (ctx, params: { id: number }) => getRecipe(ctx.db, params.id)),
  'recipes.cost': read(COST_DEPS, (ctx, params: { recipeId: number; batches?: number }) => costRecipe(ctx.db, params)),
  'recipes.previewDraft': read(COST_DEPS, (ctx, params: RecipeDraftRequest) => previewRecipeDraft(ctx.db, params)),
  'recipes.create': write((ctx, params: RecipeInput) => createRecipe(ctx.db, params)),
  'recipes.update': write((ctx, params: RecipeUpdate) => updateRecipe(ctx.db, params)),
  'recipes.archive': write((ctx, params: { id: number }) => archiveRecipe(ctx.db, params.id)),
  'recipes.restore': write((ctx, params: { id: number }) => restoreRecipe(ctx.db, params.id)),
  'recipes.delete': write((ctx, params: { id: number }) => deleteRecipe(ctx.db, params.id)),
  'recipes.listFinishedUnits': read(['recipes'], (ctx, params: FinishedUnitFilter | void) => listFinishedUnits(ctx.db, params ?? {})),
  'recipes.getFinishedUnit': read(USAGE_DEPS, (ctx, params: { id: number }) => getFinishedUnit(ctx.db, params.id)),
  'recipes.createFinishedUnit': write((ctx, params: FinishedUnitInput) => createFinishedUnit(ctx.db, params)),
  'recipes.updateFinishedUnit': write((ctx, params: FinishedUnitUpdate) => updateFinishedUnit(ctx.db, params)),
  'recipes.archiveFinishedUnit': write((ctx, params: { id: number }) => archiveFinishedUnit(ctx.db, params.id)),
  'recipes.restoreFinishedUnit': write((ctx, params: { id: number }) => restoreFinishedUnit(ctx.db, params.id)),
  'recipes.deleteFinishedUnit': write((ctx, params: { id: number }) => deleteFinishedUnit(ctx.db, params.id)),
});
