/**
 * Names a baker picks from a list are unique ignoring case in every alphabet,
 * spacing and accent encoding (nameKey). SQLite's NOCASE folds only A-Z, so
 * the comparison is made here and reported at the `name` field; the schema's
 * unique indexes are the backstop.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { nameKey } from '../../domain/validate';
import { AppError } from '../../errors';

type NamedTable = 'recipes' | 'finished_units' | 'finished_goods' | 'materials' | 'material_units';

export function assertNameFree(
  db: Database,
  request: {
    table: NamedTable;
    name: string;
    /** The row being renamed, which may keep its own name. */
    exceptId: number | null;
    /** Names are unique within this column's value only (material units within their material). */
    within?: { column: 'material_id'; value: number };
    /** "There is already a recipe called Layer cake." from (clash) => ... */
    message: (existing: string) => string;
  },
  tx?: Tx,
): void {
  withTransaction(db, tx, (t) => {
    const key = nameKey(request.name);
    const rows = request.within
      ? t.all<{ id: number; name: string }>(`SELECT id, name FROM ${request.table} WHERE ${request.within.column} = ?`, [request.within.value])
      : t.all<{ id: number; name: string }>(`SELECT id, name FROM ${request.table}`);
    const clash = rows.find((r) => r.id !== request.exceptId && nameKey(r.name) === key);
    if (clash) throw new AppError('DUPLICATE', request.message(clash.name), { field: 'name', existingId: clash.id });
  });
}
