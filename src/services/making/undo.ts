/**
 * Undoing a run reverses exactly its ledger: every lot it drew gets back
 * what the ledger says was drawn from it, and its output lot goes. The
 * ledger itself is append-only, so the run and its rows stay; a
 * `run_reversals` row says it was undone. Refused (nothing changed) once
 * some of its output was used, naming the assemblies that used it.
 *
 * The output lot is deleted, unless an assembly that was itself undone
 * still names it in its ledger: then it is emptied (0 made, 0 left), since
 * a ledger row may not lose the lot it points at.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { optionalText, positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { insertRunReversalRow } from './reversal-rows';
import { getRun, type RunDetail } from './runs';
import { runUndoState, type RunKind } from './run-usage';

export interface UndoInput {
  kind: RunKind;
  id: number;
  /** Why, for the history. */
  note?: string;
}

/**
 * What a lot holds once a draw comes back: a lot that comes back (within
 * float noise) to what it started with holds exactly that again, and never
 * more.
 */
function refilled(remaining: number, drawn: number, initial: number): number {
  const sum = remaining + drawn;
  return sum >= initial * (1 - 1e-12) ? initial : sum;
}

function restoreIngredientLots(tx: Tx, runId: number): void {
  const rows = tx.all<{ lot_id: number; quantity: number; remaining: number; initial: number }>(
    `SELECT c.lot_id, c.quantity, l.quantity_remaining AS remaining, l.quantity_initial AS initial
     FROM production_consumptions c JOIN lots l ON l.id = c.lot_id WHERE c.production_run_id = ? ORDER BY c.id`,
    [runId],
  );
  for (const c of rows) tx.run('UPDATE lots SET quantity_remaining = ?, updated_at = ? WHERE id = ?', [refilled(c.remaining, c.quantity, c.initial), tx.now(), c.lot_id]);
}

function restoreAssemblyLots(tx: Tx, runId: number): void {
  const rows = tx.all<{ unit_lot: number | null; good_lot: number | null; material_lot: number | null; quantity: number }>(
    'SELECT finished_unit_lot_id AS unit_lot, finished_good_lot_id AS good_lot, material_lot_id AS material_lot, quantity FROM assembly_consumptions WHERE assembly_run_id = ? ORDER BY id',
    [runId],
  );
  for (const c of rows) {
    if (c.unit_lot !== null) tx.run('UPDATE finished_unit_lots SET count_remaining = count_remaining + ?, updated_at = ? WHERE id = ?', [c.quantity, tx.now(), c.unit_lot]);
    else if (c.good_lot !== null) tx.run('UPDATE finished_good_lots SET count_remaining = count_remaining + ?, updated_at = ? WHERE id = ?', [c.quantity, tx.now(), c.good_lot]);
    else {
      const lot = tx.get<{ remaining: number; initial: number }>('SELECT quantity_remaining AS remaining, quantity_initial AS initial FROM material_lots WHERE id = ?', [c.material_lot])!;
      tx.run('UPDATE material_lots SET quantity_remaining = ?, updated_at = ? WHERE id = ?', [refilled(lot.remaining, c.quantity, lot.initial), tx.now(), c.material_lot]);
    }
  }
}

function removeOutputLot(tx: Tx, kind: RunKind, lotId: number): void {
  const [table, column] = kind === 'production' ? ['finished_unit_lots', 'finished_unit_lot_id'] : ['finished_good_lots', 'finished_good_lot_id'];
  const named = tx.get(`SELECT 1 AS x FROM assembly_consumptions WHERE ${column} = ? LIMIT 1`, [lotId]);
  if (named) tx.run(`UPDATE ${table} SET count_initial = 0, count_remaining = 0, updated_at = ? WHERE id = ?`, [tx.now(), lotId]);
  else tx.run(`DELETE FROM ${table} WHERE id = ?`, [lotId]);
}

export function undoRun(db: Database, input: UndoInput, tx?: Tx): RunDetail {
  return withTransaction(db, tx, (t) => {
    if (input.kind !== 'production' && input.kind !== 'assembly') throw validationError('kind', 'Say whether a bake or an assembly is undone.', { value: input.kind });
    const run = { kind: input.kind, id: positiveId(input.id, 'id', input.kind === 'production' ? 'bake' : 'assembly') };
    const note = optionalText(input.note ?? '', 'note');
    const state = runUndoState(db, run, t);
    if (!state.canUndo) {
      throw new AppError(state.undone ? 'CONFLICT' : 'IN_USE', state.undoBlockedBy!, { run });
    }
    if (run.kind === 'production') restoreIngredientLots(t, run.id);
    else restoreAssemblyLots(t, run.id);
    if (state.output) removeOutputLot(t, run.kind, state.output.id);
    insertRunReversalRow(db, { run, note }, t);
    return getRun(db, run, t);
  });
}
