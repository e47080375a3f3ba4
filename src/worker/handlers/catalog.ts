/** RPC handlers for the catalog: ingredients (search, detail, edits), products and suppliers. */
import { catalogIsEmpty } from '../../services/catalog/catalog-empty';
import { searchIngredients, type IngredientSearch } from '../../services/catalog/ingredient-search';
import {
  createIngredient,
  deleteIngredient,
  getIngredient,
  updateIngredient,
  type IngredientInput,
  type IngredientUpdate,
} from '../../services/catalog/ingredients';
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
import { defineHandlers, read, write } from './define';

/** A product as screens show it: its ingredient's name, its last price and purchases. */
const PRODUCT_DEPS = ['products', 'ingredients', 'purchases'] as const;

export const catalogHandlers = defineHandlers({
  'catalog.isEmpty': read(['ingredients', 'suppliers', 'materials', 'recipes'], (ctx, _params: void) => catalogIsEmpty(ctx.db)),
  'catalog.searchIngredients': read(['ingredients'], (ctx, params: IngredientSearch) => searchIngredients(ctx.db, params)),
  'catalog.getIngredient': read([...PRODUCT_DEPS, 'stock', 'recipes'], (ctx, params: { id: number }) => getIngredient(ctx.db, params.id)),
  'catalog.createIngredient': write((ctx, params: IngredientInput) => createIngredient(ctx.db, params)),
  'catalog.updateIngredient': write((ctx, params: IngredientUpdate) => updateIngredient(ctx.db, params)),
  'catalog.deleteIngredient': write((ctx, params: { id: number }) => deleteIngredient(ctx.db, params.id)),
  'catalog.searchProducts': read(PRODUCT_DEPS, (ctx, params: ProductSearch) => searchProducts(ctx.db, params)),
  'catalog.getProduct': read(PRODUCT_DEPS, (ctx, params: { id: number }) => getProduct(ctx.db, params.id)),
  'catalog.createProduct': write((ctx, params: ProductInput) => createProduct(ctx.db, params)),
  'catalog.updateProduct': write((ctx, params: ProductUpdate) => updateProduct(ctx.db, params)),
  'catalog.deleteProduct': write((ctx, params: { id: number }) => deleteProduct(ctx.db, params.id)),
  'catalog.listSuppliers': read(['suppliers', 'purchases'], (ctx, params: { includeInactive?: boolean } | void) =>
    listSuppliers(ctx.db, params ?? {}),
  ),
  'catalog.getSupplier': read(['suppliers', 'purchases'], (ctx, params: { id: number }) => getSupplier(ctx.db, params.id)),
  'catalog.createSupplier': write((ctx, params: SupplierInput) => createSupplier(ctx.db, params)),
  'catalog.updateSupplier': write((ctx, params: SupplierUpdate) => updateSupplier(ctx.db, params)),
});
