/** RPC handlers for the catalog: ingredients (search, detail, edits), products and suppliers. */
import { catalogIsEmpty } from '../../services/catalog/catalog-empty';
import { searchIngredients, searchParents, type IngredientSearch, type ParentSearch } from '../../services/catalog/ingredient-search';
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
  recentProducts,
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
import { defineHandlers, read, rememberedRead, write } from './define';

/** A product as screens show it: its ingredient's name, its last price and purchases, and whether it has lots. */
const PRODUCT_DEPS = ['products', 'ingredients', 'purchases', 'stock'] as const;
/** What decides where an ingredient may sit: the tree, and whether each one is in use. */
const TREE_DEPS = ['ingredients', 'products', 'stock', 'recipes'] as const;

export const catalogHandlers = defineHandlers({
  // Asked by the app before it draws any screen (first run or not): remembered, so a cold start need not wait for SQLite.
  'catalog.isEmpty': rememberedRead(['ingredients', 'suppliers', 'materials', 'recipes'], (ctx, _params: void) => catalogIsEmpty(ctx.db)),
  'catalog.searchIngredients': read(['ingredients'], (ctx, params: IngredientSearch) => searchIngredients(ctx.db, params)),
  'catalog.searchParents': read(TREE_DEPS, (ctx, params: ParentSearch) => searchParents(ctx.db, params)),
  'catalog.getIngredient': read([...PRODUCT_DEPS, 'recipes'], (ctx, params: { id: number }) => getIngredient(ctx.db, params.id)),
  'catalog.createIngredient': write((ctx, params: IngredientInput) => createIngredient(ctx.db, params)),
  'catalog.updateIngredient': write((ctx, params: IngredientUpdate) => updateIngredient(ctx.db, params)),
  'catalog.deleteIngredient': write((ctx, params: { id: number }) => deleteIngredient(ctx.db, params.id)),
  'catalog.searchProducts': read(PRODUCT_DEPS, (ctx, params: ProductSearch) => searchProducts(ctx.db, params)),
  'catalog.recentProducts': read(PRODUCT_DEPS, (ctx, params: { limit?: number } | void) => recentProducts(ctx.db, params ?? {})),
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
