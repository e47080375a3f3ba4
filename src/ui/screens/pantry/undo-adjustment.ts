/**
 * Undo one adjustment (from its toast or the ingredient's adjustments list):
 * the worker records a correction that reverses it, and a toast says what
 * went back, or why it could not.
 */
import { AppError } from '../../../errors';
import type { RpcClient } from '../../../rpc/client';
import type { ResultOf } from '../../../rpc/contract';
import { formatQuantity } from '../../format';
import type { Toasts } from '../../state/toasts.svelte';

type Adjustment = ResultOf<'pantry.listAdjustments'>[number];

export async function undoAdjustment(rpc: RpcClient, toasts: Toasts, adjustment: Adjustment): Promise<void> {
  try {
    await rpc.call('pantry.undoAdjustment', { id: adjustment.id });
    const amount = formatQuantity(adjustment.quantity, adjustment.unit);
    toasts.show(adjustment.direction === 'remove' ? `Undone: ${amount} is back in the lot.` : `Undone: ${amount} taken out of the lot again.`);
  } catch (e) {
    toasts.show(e instanceof AppError ? e.message : 'That adjustment could not be undone.', { tone: 'error' });
  }
}
