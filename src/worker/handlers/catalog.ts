/** RPC handlers for the catalog: ingredients (tree, search, detail, edits), products and suppliers. */
import { catalogIsEmpty } from '../../services/catalog/catalog-empty';
import {
  createIngredient,
  deleteIngredient,
  getIngredient,
  updateIngredient,
  type IngredientInput,
  type IngredientUpdate,
} from '../../services/catalog/ingredients';
import { ingredientTree, searchIngredients, type IngredientSearch } from '../../services/catalog/ingredient-tree';
import {
  createProduct,
  deleteProduct,
  getProduct,
  searchProducts,
  updateProduct,
  type ProductInput,
  type ProductSearch,
  type ProductUpdate,
} from '../../services/catalog/products';
import {
  createSupplier,
  getSupplier,
  listSuppliers,
  updateSupplier,
  type SupplierInput,
  type SupplierUpdate,
} from '../../services/catalog/suppliers';
import { defineHandlers } from './context';

export const catalogHandlers = defineHandlers({
  'catalog.isEmpty': (ctx, _params: void) => catalogIsEmpty(ctx.db),
  'catalog.ingredientTree': (ctx, _params: void) => ingredientTree(ctx.db),
  'catalog.searchIngredients': (ctx, params: IngredientSearch) => searchIngredients(ctx.db, params),
  'catalog.getIngredient': (ctx, params: { id: number }) => getIngredient(ctx.db, params.id),
  'catalog.createIngredient': (ctx, params: IngredientInput) => createIngredient(ctx.db, params),
  'catalog.updateIngredient': (ctx, params: IngredientUpdate) => updateIngredient(ctx.db, params),
  'catalog.deleteIngredient': (ctx, params: { id: number }) => deleteIngredient(ctx.db, params.id),
  'catalog.searchProducts': (ctx, params: ProductSearch) => searchProducts(ctx.db, params),
  'catalog.getProduct': (ctx, params: { id: number }) => getProduct(ctx.db, params.id),
  'catalog.createProduct': (ctx, params: ProductInput) => createProduct(ctx.db, params),
  'catalog.updateProduct': (ctx, params: ProductUpdate) => updateProduct(ctx.db, params),
  'catalog.deleteProduct': (ctx, params: { id: number }) => deleteProduct(ctx.db, params.id),
  'catalog.listSuppliers': (ctx, params: { includeInactive?: boolean } | void) => listSuppliers(ctx.db, params ?? {}),
  'catalog.getSupplier': (ctx, params: { id: number }) => getSupplier(ctx.db, params.id),
  'catalog.createSupplier': (ctx, params: SupplierInput) => createSupplier(ctx.db, params),
  'catalog.updateSupplier': (ctx, params: SupplierUpdate) => updateSupplier(ctx.db, params),
});
