/**
 * Deleting, archiving and restoring a named row, the same way in every area:
 * the row's detail (read by the area's own service) says whether the step
 * is allowed and why not; a refused step is a typed error with that reason at
 * the field a screen shows it next to, and changes nothing.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { AppError } from '../../errors';

type ArchivableTable = 'recipes' | 'finished_units' | 'finished_goods';
type DeletableTable = ArchivableTable | 'materials' | 'material_products' | 'material_units';

interface Deletable {
  id: number;
  canDelete: boolean;
  deleteBlockedBy: string | null;
}

interface Archivable extends Deletable {
  canArchive: boolean;
  archiveBlockedBy: string | null;
  canRestore: boolean;
  restoreBlockedBy: string | null;
}

/** Deletes the row its detail allows deleting; IN_USE with the reason otherwise. `name` is how the baker calls it. */
export function deleteAllowed<T extends Deletable>(
  db: Database,
  request: {
    table: DeletableTable;
    read: (tx: Tx) => T;
    name: (detail: T) => string;
    idKey: string;
    /** Deletes what goes with the row and nothing else refers to (a recipe's unused finished units). */
    beforeDelete?: (tx: Tx, id: number) => void;
  },
  tx?: Tx,
): { deleted: true; id: number } {
  return withTransaction(db, tx, (t) => {
    const current = request.read(t);
    if (!current.canDelete) {
      throw new AppError('IN_USE', `${request.name(current)} cannot be deleted: ${current.deleteBlockedBy}.`, { field: 'id', [request.idKey]: current.id });
    }
    request.beforeDelete?.(t, current.id);
    t.run(`DELETE FROM ${request.table} WHERE id = ?`, [current.id]);
    return { deleted: true as const, id: current.id };
  });
}

/** Archives (or restores) the row its detail allows it for; IN_USE (or CONFLICT) with the reason otherwise. Returns the detail after. */
export function setArchived<T extends Archivable & { name: string }>(
  db: Database,
  request: { table: ArchivableTable; archived: boolean; read: (tx: Tx) => T; idKey: string },
  tx?: Tx,
): T {
  return withTransaction(db, tx, (t) => {
    const current = request.read(t);
    const [allowed, blockedBy, verb, code] = request.archived
      ? [current.canArchive, current.archiveBlockedBy, 'archived', 'IN_USE' as const]
      : [current.canRestore, current.restoreBlockedBy, 'restored', 'CONFLICT' as const];
    if (!allowed) throw new AppError(code, `${current.name} cannot be ${verb}: ${blockedBy}.`, { field: 'archived', [request.idKey]: current.id });
    t.run(`UPDATE ${request.table} SET archived = ?, updated_at = ? WHERE id = ?`, [request.archived ? 1 : 0, t.now(), current.id]);
    return request.read(t);
  });
}
