/*
 * The catalog, pantry, settings and sample handlers as the UI reaches them:
 * through the worker's handler map and its request server, on a real
 * database. Every method of docs pantry-api.md must exist under its agreed name
 * (two since renamed for one word per concept: the tree with what is on hand is
 * the pantry's, 'pantry.ingredientTree'; the FIFO dry run is 'pantry.planFifo',
 * after the service it runs; a Bake Tracker import is the import area's,
 * 'import.bakeTracker').
 */
import { describe, expect, it } from 'vitest';
import type { Method } from '../../../src/rpc/contract';
import type { HandlerContext } from '../../../src/worker/handlers/context';
import { handlers } from '../../../src/worker/handlers';
import { serve } from '../../../src/worker/rpc-server';
import { testDb } from '../../helpers/db';

const AGREED: Method[] = [
  'pantry.ingredientTree', 'catalog.searchIngredients', 'catalog.getIngredient', 'catalog.createIngredient',
  'catalog.updateIngredient', 'catalog.deleteIngredient', 'catalog.searchProducts', 'catalog.createProduct',
  'catalog.updateProduct', 'catalog.deleteProduct', 'catalog.listSuppliers', 'catalog.createSupplier',
  'catalog.updateSupplier', 'pantry.recordPurchase', 'pantry.updatePurchase', 'pantry.deletePurchase',
  'pantry.listPurchases', 'pantry.overview', 'pantry.ingredientStock', 'pantry.adjustLot', 'pantry.planFifo',
  'pantry.priceHistory', 'settings.get', 'settings.update', 'sample.load', 'import.bakeTracker',
];

async function context(): Promise<HandlerContext> {
  // Domain handlers use only the database; the runtime belongs to the system handlers.
  return { db: await testDb(), runtime: undefined as never };
}

describe('pantry RPC surface', () => {
  it('every agreed method exists', () => {
    expect(AGREED.filter((m) => !(m in handlers))).toEqual([]);
  });

  it('a newcomer loads the sample, sees the pantry and previews using 3 cups of flour', async () => {
    const ctx = await context();
    const loaded = await handlers['sample.load'](ctx, undefined);
    expect(loaded.report.ok).toBe(true);

    const overview = await handlers['pantry.overview'](ctx, { query: 'flour, all' });
    // The 25 lb bag, less the sample's one batch of pecan trees: 3.25 cups at 4.42 oz a cup, 14.365 oz (0.8978125 lb).
    expect(overview[0]).toMatchObject({ ingredient: { name: 'Flour, all-purpose' }, unit: 'lb', total: 24.1021875, valueComplete: true });

    const preview = await handlers['pantry.planFifo'](ctx, { ingredientId: overview[0]!.ingredient.id, quantity: 3, unit: 'cup' });
    // The oldest lot with stock is the backup's own 25 lb bag, at its sample price of 18.99.
    expect(preview).toMatchObject({ enough: true, costComplete: true, unit: 'cup' });
    expect(preview.draws.map((d) => d.purchasedOn)).toEqual(['2025-12-21']);
    expect(preview.totalCost).toBeGreaterThan(0);
    expect((await handlers['settings.get'](ctx, undefined)).currency).toBe('USD');
  });

  it('a refused request comes back as a typed error naming the field, not a stack trace', async () => {
    const ctx = await context();
    const response = await serve(ctx, { kind: 'request', id: 1, method: 'catalog.createIngredient', params: { name: '' } });
    expect(response).toEqual({
      kind: 'response',
      id: 1,
      ok: false,
      error: { code: 'VALIDATION', message: 'Name is required.', details: { field: 'name' } },
    });
  });
});
