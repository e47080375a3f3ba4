/**
 * A finished good's composition as a form sends it: finished units,
 * nested goods and material units, each with a quantity. Finished units and
 * goods count whole items; a packaging line may leave its material product
 * open (generic: "any 10x10 window box") until one is assigned. Every line
 * is checked and every wrong field reported at once (`lines[1].quantity`).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { MAX_COMPOSITION_QUANTITY } from '../../domain/limits';
import { checkFields, positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';

export type CompositionLineInput =
  | { kind: 'unit'; finishedUnitId: number; quantity: number }
  | { kind: 'good'; goodId: number; quantity: number }
  /** `materialProductId` null or left out: a generic line, to be assigned a product later. */
  | { kind: 'material'; materialUnitId: number; quantity: number; materialProductId?: number | null };

export type CheckedCompositionLine =
  | { kind: 'unit'; finishedUnitId: number; name: string; quantity: number }
  | { kind: 'good'; goodId: number; name: string; quantity: number }
  | { kind: 'material'; materialUnitId: number; name: string; materialId: number; materialProductId: number | null; quantity: number };

interface Named {
  id: number;
  name: string;
  archived: number;
}

function wholeCount(value: unknown, field: string): number {
  const n = positiveNumber(value, field, 'the quantity', MAX_COMPOSITION_QUANTITY);
  if (!Number.isInteger(n)) throw validationError(field, 'Finished units and goods are counted whole: use a whole number.', { value: n });
  return n;
}

function checkLine(tx: Tx, line: CompositionLineInput, at: string, goodId: number | null): CheckedCompositionLine {
  const kind = (line as { kind?: unknown } | null)?.kind;
  if (kind === 'unit') {
    const id = positiveId(line.kind === 'unit' ? line.finishedUnitId : undefined, `${at}.finishedUnitId`, 'finished unit');
    const unit = tx.get<Named & { recipe_archived: number }>(
      'SELECT fu.id, fu.name, fu.archived, r.archived AS recipe_archived FROM finished_units fu JOIN recipes r ON r.id = fu.recipe_id WHERE fu.id = ?',
      [id],
    );
    if (!unit) throw new AppError('NOT_FOUND', 'That finished unit no longer exists.', { field: `${at}.finishedUnitId`, finishedUnitId: id });
    if (unit.archived === 1 || unit.recipe_archived === 1) {
      throw validationError(`${at}.finishedUnitId`, `${unit.name} is archived (or its recipe is): restore it before using it in a good.`);
    }
    return { kind, finishedUnitId: id, name: unit.name, quantity: 0 };
  }
  if (kind === 'good') {
    const id = positiveId(line.kind === 'good' ? line.goodId : undefined, `${at}.goodId`, 'finished good');
    if (id === goodId) throw validationError(`${at}.goodId`, 'A good cannot contain itself.');
    const good = tx.get<Named>('SELECT id, name, archived FROM finished_goods WHERE id = ?', [id]);
    if (!good) throw new AppError('NOT_FOUND', 'That finished good no longer exists.', { field: `${at}.goodId`, goodId: id });
    if (good.archived === 1) throw validationError(`${at}.goodId`, `${good.name} is archived: restore it before putting it in another good.`);
    return { kind, goodId: id, name: good.name, quantity: 0 };
  }
  if (kind === 'material') {
    const m = line as Extract<CompositionLineInput, { kind: 'material' }>;
    const id = positiveId(m.materialUnitId, `${at}.materialUnitId`, 'packaging');
    const unit = tx.get<{ id: number; name: string; material_id: number; material_name: string }>(
      'SELECT u.id, u.name, u.material_id, m.name AS material_name FROM material_units u JOIN materials m ON m.id = u.material_id WHERE u.id = ?',
      [id],
    );
    if (!unit) throw new AppError('NOT_FOUND', 'That material unit no longer exists.', { field: `${at}.materialUnitId`, materialUnitId: id });
    let productId: number | null = null;
    if (m.materialProductId != null) {
      productId = positiveId(m.materialProductId, `${at}.materialProductId`, 'packaging product');
      const product = tx.get<{ material_id: number; name: string }>('SELECT material_id, name FROM material_products WHERE id = ?', [productId]);
      if (!product) throw new AppError('NOT_FOUND', 'That material product no longer exists.', { field: `${at}.materialProductId` });
      if (product.material_id !== unit.material_id) {
        throw validationError(`${at}.materialProductId`, `${product.name} is not a product of ${unit.material_name}.`);
      }
    }
    return { kind, materialUnitId: id, name: `${unit.material_name}: ${unit.name}`, materialId: unit.material_id, materialProductId: productId, quantity: 0 };
  }
  throw validationError(`${at}.kind`, 'A line of a good is a finished unit, another good or packaging.', { value: kind });
}

const identity = (l: CheckedCompositionLine) =>
  l.kind === 'unit' ? `unit:${l.finishedUnitId}` : l.kind === 'good' ? `good:${l.goodId}` : `material:${l.materialUnitId}:${l.materialProductId ?? ''}`;

/**
 * Checks the lines of good `goodId` (null for a new good); every wrong field
 * is reported at once in details.fields. The same item twice is refused at
 * the second line: its quantity belongs on the first.
 */
export function checkCompositionLines(db: Database, input: { goodId: number | null; lines: unknown }, tx?: Tx): CheckedCompositionLine[] {
  return withTransaction(db, tx, (t) => {
    if (input.lines !== undefined && input.lines !== null && !Array.isArray(input.lines)) throw validationError('lines', 'The lines must be a list.');
    const lines = (input.lines ?? []) as CompositionLineInput[];
    const checks: Record<string, () => unknown> = {};
    const seen = new Map<string, number>();
    lines.forEach((line, i) => {
      const at = `lines[${i}]`;
      checks[`${at}.item`] = () => {
        const checked = checkLine(t, line, at, input.goodId);
        const first = seen.get(identity(checked));
        if (first !== undefined) {
          const field = checked.kind === 'unit' ? 'finishedUnitId' : checked.kind === 'good' ? 'goodId' : 'materialUnitId';
          throw validationError(`${at}.${field}`, `${checked.name} is already on line ${first + 1}: change its quantity there.`);
        }
        seen.set(identity(checked), i);
        return checked;
      };
      checks[`${at}.quantity`] = () =>
        line?.kind === 'material' ? positiveNumber(line.quantity, `${at}.quantity`, 'the quantity', MAX_COMPOSITION_QUANTITY) : wholeCount(line?.quantity, `${at}.quantity`);
    });
    const checked = checkFields(checks) as Record<string, unknown>;
    return lines.map((_, i) => ({ ...(checked[`lines[${i}].item`] as CheckedCompositionLine), quantity: checked[`lines[${i}].quantity`] as number }));
  });
}
