/** The one way a run's reversal (its undo) is written; only `undoRun` (./undo.ts) calls it. */
import { withTransaction, type Database, type Tx } from '../../db/session';

export interface NewRunReversalRow {
  run: { kind: 'production' | 'assembly'; id: number };
  note: string;
  /** Kept when given (an imported file's); else the transaction's time. */
  createdAt?: string;
}

export function insertRunReversalRow(db: Database, row: NewRunReversalRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) =>
    t.run('INSERT INTO run_reversals (production_run_id, assembly_run_id, note, created_at) VALUES (?, ?, ?, ?)', [
      row.run.kind === 'production' ? row.run.id : null,
      row.run.kind === 'assembly' ? row.run.id : null,
      row.note,
      row.createdAt ?? t.now(),
    ]).lastInsertRowid,
  );
}
