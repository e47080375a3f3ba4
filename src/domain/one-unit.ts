/**
 * One unit per ingredient (docs/design/domain-rules.md): an ingredient's
 * lines, from any recipes, added up in the unit its lots use, else in the
 * recipe's unit (the first line's) when every line converts to that. Pure:
 * the service finds the lots' unit; production, the plan and the shopping
 * list all add lines up through here.
 */
import { UnitConversionError, conversionFactor, type ConversionContext, type Unit } from './units';

export interface QuantityInUnit {
  quantity: number;
  unit: Unit;
}

export type OneUnitSum =
  /** `passedOver`: why the lots' unit was not used, when the recipe's was. */
  | { ok: true; quantity: number; unit: Unit; passedOver: UnitConversionError | null }
  | { ok: false; problem: UnitConversionError };

/** The lines added up in one unit, or the conversion that stops them (its message says what to set). */
export function sumInOneUnit(lines: readonly QuantityInUnit[], lotsUnit: Unit | null, ctx: ConversionContext): OneUnitSum {
  const candidates = [...new Set([lotsUnit, lines[0]?.unit].filter((u): u is Unit => u != null))];
  let first: UnitConversionError | null = null;
  for (const unit of candidates) {
    try {
      const quantity = lines.reduce((sum, l) => sum + l.quantity * conversionFactor(l.unit, unit, ctx), 0);
      return { ok: true, quantity, unit, passedOver: first };
    } catch (e) {
      if (!(e instanceof UnitConversionError)) throw e;
      first ??= e;
    }
  }
  return { ok: false, problem: first! };
}
