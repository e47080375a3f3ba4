/**
 * Money rounding. Quantities and unit costs are stored at full precision;
 * ledger amounts are rounded to 4 decimals when written so that sums of
 * ledger rows never drift; display rounding (2 decimals) is the UI's.
 */

export const LEDGER_DECIMALS = 4;

/** Rounds half away from zero to `decimals` places, robust to binary noise (1.00005 -> 1.0001). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / scale;
  return value < 0 ? -rounded : rounded;
}

export function ledgerAmount(value: number): number {
  return roundTo(value, LEDGER_DECIMALS);
}
