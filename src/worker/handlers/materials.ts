/**
 * RPC handlers for packaging materials: materials, their products (what is
 * bought), their units (a named use, "one 18 in bow"), purchases and the
 * lots they make, as the materials pages beside the pantry show them.
 */
import { listMaterialProducts, createMaterialProduct, deleteMaterialProduct, getMaterialProduct, updateMaterialProduct, type MaterialProductInput, type MaterialProductUpdate } from '../../services/materials/material-products';
import {
  deleteMaterialPurchase,
  getMaterialPurchase,
  listMaterialPurchases,
  recordMaterialPurchase,
  updateMaterialPurchase,
  type MaterialPurchaseInput,
  type MaterialPurchaseUpdate,
} from '../../services/materials/material-purchases';
import { createMaterialUnit, deleteMaterialUnit, getMaterialUnit, listMaterialUnits, updateMaterialUnit, type MaterialUnitInput, type MaterialUnitUpdate } from '../../services/materials/material-units';
import { createMaterial, deleteMaterial, getMaterial, listMaterials, updateMaterial, type MaterialFilter, type MaterialInput, type MaterialUpdate } from '../../services/materials/materials';
import { defineHandlers, read, write } from './define';

/** A material as its page shows it: products (with their last price), units, lots and the goods that use its units. */
const MATERIAL_DEPS = ['materials', 'stock', 'purchases', 'goods', 'suppliers'] as const;
/** A purchase: its product, supplier and how much of its lot is left (or went into assembly). */
const PURCHASE_DEPS = ['materials', 'purchases', 'suppliers', 'stock', 'production'] as const;

export const materialsHandlers = defineHandlers({
  'materials.list': read(['materials'], (ctx, params: MaterialFilter | void) => listMaterials(ctx.db, params ?? {})),
  'materials.get': read(MATERIAL_DEPS, (ctx, params: { id: number }) => getMaterial(ctx.db, params.id)),
  'materials.create': write((ctx, params: MaterialInput) => createMaterial(ctx.db, params)),
  'materials.update': write((ctx, params: MaterialUpdate) => updateMaterial(ctx.db, params)),
  'materials.delete': write((ctx, params: { id: number }) => deleteMaterial(ctx.db, params.id)),
  'materials.listProducts': read(MATERIAL_DEPS, (ctx, params: { materialId?: number; includeHidden?: boolean } | void) => listMaterialProducts(ctx.db, params ?? {})),
  'materials.getProduct': read(MATERIAL_DEPS, (ctx, params: { id: number }) => getMaterialProduct(ctx.db, params.id)),
  'materials.createProduct': write((ctx, params: MaterialProductInput) => createMaterialProduct(ctx.db, params)),
  'materials.updateProduct': write((ctx, params: MaterialProductUpdate) => updateMaterialProduct(ctx.db, params)),
  'materials.deleteProduct': write((ctx, params: { id: number }) => deleteMaterialProduct(ctx.db, params.id)),
  'materials.listUnits': read(MATERIAL_DEPS, (ctx, params: { materialId?: number; query?: string; limit?: number } | void) => listMaterialUnits(ctx.db, params ?? {})),
  'materials.getUnit': read(MATERIAL_DEPS, (ctx, params: { id: number }) => getMaterialUnit(ctx.db, params.id)),
  'materials.createUnit': write((ctx, params: MaterialUnitInput) => createMaterialUnit(ctx.db, params)),
  'materials.updateUnit': write((ctx, params: MaterialUnitUpdate) => updateMaterialUnit(ctx.db, params)),
  'materials.deleteUnit': write((ctx, params: { id: number }) => deleteMaterialUnit(ctx.db, params.id)),
  'materials.listPurchases': read(PURCHASE_DEPS, (ctx, params: { materialId?: number; materialProductId?: number; limit?: number } | void) =>
    listMaterialPurchases(ctx.db, params ?? {}),
  ),
  'materials.getPurchase': read(PURCHASE_DEPS, (ctx, params: { id: number }) => getMaterialPurchase(ctx.db, params.id)),
  'materials.recordPurchase': write((ctx, params: MaterialPurchaseInput) => recordMaterialPurchase(ctx.db, params)),
  'materials.updatePurchase': write((ctx, params: MaterialPurchaseUpdate) => updateMaterialPurchase(ctx.db, params)),
  'materials.deletePurchase': write((ctx, params: { id: number }) => deleteMaterialPurchase(ctx.db, params.id)),
});
