/**
 * Assigning a product to a good's generic packaging lines from the assembly
 * screen: the good's own rule (goods' assignPackaging: the product must be
 * of the line's material), for every line the assembly groups together
 * ("any cellophane bag" on two lines), in one transaction.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { positiveId } from '../../domain/validate';
import { validationError } from '../../errors';
import { assignPackaging } from '../goods/goods';

export function assignPackagingLines(db: Database, input: { goodId: number; lineIds: number[]; materialProductId: number }, tx?: Tx): { goodId: number; lineIds: number[] } {
  return withTransaction(db, tx, (t) => {
    if (!Array.isArray(input.lineIds) || input.lineIds.length === 0) throw validationError('lineIds', 'Say which packaging lines take the product.');
    const materialProductId = positiveId(input.materialProductId, 'materialProductId', 'packaging product');
    for (const lineId of input.lineIds) assignPackaging(db, { goodId: input.goodId, lineId, materialProductId }, t);
    return { goodId: input.goodId, lineIds: input.lineIds };
  });
}
