/**
 * Migration 4: a purchase
 * entered by mistake can be deleted with its lot even when an adjustment of
 * that lot was undone. An adjustment and the correction that undoes it
 * changed nothing together, so they are not use (docs/design/domain-rules.md,
 * "Adjustments undone"), and they go with the lot they belong to.
 *
 * Adjustment rows stay append-only everywhere else: the trigger of migration 1
 * is replaced by one that lets a row go only while its lot holds exactly what
 * was bought and nothing of it went into production, which is when the
 * purchase service deletes a lot. Editing a row is still refused always.
 */
export const up = /* sql */ `
DROP TRIGGER lot_adjustments_no_delete;
CREATE TRIGGER lot_adjustments_no_delete BEFORE DELETE ON lot_adjustments
WHEN NOT EXISTS (
  SELECT 1 FROM lots l
  WHERE l.id = OLD.lot_id
    AND abs(l.quantity_remaining - l.quantity_initial) <= l.quantity_initial * 1e-12
    AND NOT EXISTS (SELECT 1 FROM production_consumptions c WHERE c.lot_id = l.id)
)
BEGIN SELECT RAISE(ABORT, 'lot_adjustments rows are append-only'); END;
`;
