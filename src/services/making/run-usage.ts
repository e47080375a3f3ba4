/**
 * Whether a run can be undone, and if not, why (domain-rules.md: undo
 * reverses exactly a run's ledger while its output lot is untouched; else
 * it is refused, naming what consumed it). The history and the undo itself
 * ask here, so the screen's disabled button and the refusal say the same.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { nameList } from '../../domain/usage-text';
import { AppError } from '../../errors';

export type RunKind = 'production' | 'assembly';

export interface RunRef {
  kind: RunKind;
  id: number;
}

export interface OutputLot {
  id: number;
  countInitial: number;
  countRemaining: number;
}

export interface RunUndoState {
  /** When and why it was undone; null while it stands. */
  undone: { at: string; note: string } | null;
  /** The finished lot it made, while it exists. */
  output: OutputLot | null;
  canUndo: boolean;
  /** Why it cannot be undone, as the refusal says it; null when it can. */
  undoBlockedBy: string | null;
}

const RUN_TABLE = { production: 'production_runs', assembly: 'assembly_runs' } as const;
const LOT_TABLE = { production: 'finished_unit_lots', assembly: 'finished_good_lots' } as const;
const LOT_RUN = { production: 'production_run_id', assembly: 'assembly_run_id' } as const;
const CONSUMED_LOT = { production: 'finished_unit_lot_id', assembly: 'finished_good_lot_id' } as const;

/** Assemblies that stand (not undone) and drew from a finished lot, with how much each took. */
function standingConsumers(tx: Tx, kind: RunKind, lotId: number): { id: number; on: string; good: string; quantity: number; used: number }[] {
  return tx.all(
    `SELECT a.id, a.assembled_on AS "on", g.name AS good, a.quantity, SUM(c.quantity) AS used
     FROM assembly_consumptions c
     JOIN assembly_runs a ON a.id = c.assembly_run_id
     JOIN finished_goods g ON g.id = a.finished_good_id
     WHERE c.${CONSUMED_LOT[kind]} = ? AND NOT EXISTS (SELECT 1 FROM run_reversals r WHERE r.assembly_run_id = a.id)
     GROUP BY a.id ORDER BY a.id`,
    [lotId],
  );
}

export function runUndoState(db: Database, run: RunRef, tx?: Tx): RunUndoState {
  return withTransaction(db, tx, (t) => {
    const exists = t.get(`SELECT 1 AS x FROM ${RUN_TABLE[run.kind]} WHERE id = ?`, [run.id]);
    if (!exists) throw new AppError('NOT_FOUND', `That ${run.kind === 'production' ? 'bake' : 'assembly'} no longer exists.`, { run });
    const reversal = t.get<{ created_at: string; note: string }>(`SELECT created_at, note FROM run_reversals WHERE ${LOT_RUN[run.kind]} = ?`, [run.id]);
    const lot = t.get<{ id: number; count_initial: number; count_remaining: number }>(
      `SELECT id, count_initial, count_remaining FROM ${LOT_TABLE[run.kind]} WHERE ${LOT_RUN[run.kind]} = ?`,
      [run.id],
    );
    const output = lot && !reversal ? { id: lot.id, countInitial: lot.count_initial, countRemaining: lot.count_remaining } : null;
    const what = run.kind === 'production' ? 'bake' : 'assembly';
    let blockedBy: string | null = null;
    if (reversal) blockedBy = `This ${what} was already undone.`;
    else if (output && output.countRemaining < output.countInitial) {
      const consumers = standingConsumers(t, run.kind, output.id);
      const used = output.countInitial - output.countRemaining;
      const named = consumers.map((c) => `${c.quantity} ${c.good} (assembly ${c.id} on ${c.on})`);
      blockedBy =
        consumers.length === 0
          ? `${used} of the ${output.countInitial} it made have been used.`
          : `${used} of the ${output.countInitial} it made went into ${nameList(named, named.length)}: undo ${consumers.length === 1 ? 'that assembly' : `those ${consumers.length} assemblies`} first.`;
    }
    return { undone: reversal ? { at: reversal.created_at, note: reversal.note } : null, output, canUndo: blockedBy === null, undoBlockedBy: blockedBy };
  });
}
