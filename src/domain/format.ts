/**
 * Numbers as plain text, the same on every device: in error messages, on the
 * command line, in names made from sizes ("King Arthur Flour, 25 lb").
 * Quantities to at most 3 decimals with their unit. Screens write numbers the
 * baker's locale's way instead (src/ui/format.ts: formatQuantity, formatMoney).
 */

export function plainNumber(value: number, decimals = 3): string {
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function plainQuantity(value: number, unit: string): string {
  return `${plainNumber(value)} ${unit}`;
}

/**
 * A figure derived by unit conversion without its binary noise (3.7500000000000004 -> 3.75): twelve
 * significant digits, which keep a tiny price per centimetre whole. For numbers handed to another
 * program (--json, error details), where rounding to 3 decimals would lose real precision.
 */
export function withoutNoise(value: number): number {
  return Number(value.toPrecision(12));
}
