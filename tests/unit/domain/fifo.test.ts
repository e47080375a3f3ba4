import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFifo, fifoOrder, type FifoLot } from '../../../src/domain/fifo';
import { BASE_UNIT, conversionFactor, type Dimension } from '../../../src/domain/units';

const LB = 453.59237;
const flour = { ingredient: 'Flour', density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 4, weightUnit: 'oz' } } as const;
const gramsPerCup = (dim: Dimension) => conversionFactor('cup', BASE_UNIT[dim], flour);

const lot = (id: number, purchasedOn: string, pounds: number, pricePerLb: number | null): FifoLot => ({
  id,
  purchasedOn,
  dimension: 'weight',
  quantityRemaining: pounds * LB,
  unitCost: pricePerLb === null ? null : pricePerLb / LB,
});

describe('FIFO allocation (pure)', () => {
  it('the domain example: 48 cups of flour drain the 10 lb Jan 1 lot and take 2 lb of the 15 lb Jan 15 lot, costing 108.88', () => {
    const a = allocateFifo([lot(2, '2026-01-15', 15, 9.49), lot(1, '2026-01-01', 10, 8.99)], 48, gramsPerCup);
    expect(a.draws.map((d) => d.lotId)).toEqual([1, 2]);
    expect(a.draws[0]!.remainingAfter).toBe(0);
    expect(a.draws[0]!.needQuantity).toBeCloseTo(40, 10);
    expect(a.draws[1]!.needQuantity).toBeCloseTo(8, 10);
    expect(a.draws[1]!.remainingAfter / LB).toBeCloseTo(13, 10);
    expect(a.draws[0]!.cost).toBeCloseTo(89.9, 10);
    expect(a.draws[1]!.cost).toBeCloseTo(18.98, 10);
    expect(a.totalCost).toBeCloseTo(108.88, 10);
    expect(a.shortfall).toBe(0);
    expect(a.costComplete).toBe(true);
  });

  it('on the same purchase date the lot created first goes first', () => {
    // 6 cups = 1.5 lb: all of lot 3 (1 lb), then half of lot 7.
    const a = allocateFifo([lot(7, '2026-01-01', 1, 1), lot(3, '2026-01-01', 1, 2)], 6, gramsPerCup);
    expect(a.draws.map((d) => d.lotId)).toEqual([3, 7]);
  });

  it('an empty lot is skipped: it appears in no draw', () => {
    const a = allocateFifo([{ ...lot(1, '2026-01-01', 10, 8.99), quantityRemaining: 0 }, lot(2, '2026-01-15', 15, 9.49)], 4, gramsPerCup);
    expect(a.draws.map((d) => d.lotId)).toEqual([2]);
  });

  it('asking for 120 cups when 100 are on hand reports a shortfall of 20 cups and still never goes below zero', () => {
    const a = allocateFifo([lot(1, '2026-01-01', 10, 8.99), lot(2, '2026-01-15', 15, 9.49)], 120, gramsPerCup);
    expect(a.shortfall).toBeCloseTo(20, 10);
    expect(a.drawn).toBeCloseTo(100, 10);
    expect(a.draws.every((d) => d.remainingAfter === 0)).toBe(true);
  });

  it('a lot of unknown cost is drawn but leaves the cost incomplete', () => {
    const a = allocateFifo([lot(1, '2026-01-01', 1, null), lot(2, '2026-01-15', 15, 9.49)], 8, gramsPerCup);
    expect(a.draws[0]!.cost).toBeNull();
    expect(a.costComplete).toBe(false);
    expect(a.totalCost).toBeCloseTo(1 * 9.49, 10);
  });
});

describe('FIFO allocation: properties', () => {
  const lots = fc
    .array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        quantity: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e5, noNaN: true, noDefaultInfinity: true })),
        unitCost: fc.option(fc.double({ min: 0, max: 50, noNaN: true, noDefaultInfinity: true }), { nil: null }),
        dimension: fc.constantFrom<Dimension>('weight', 'volume'),
      }),
      { maxLength: 12 },
    )
    .map((rows) =>
      rows.map((r, i): FifoLot => ({
        id: i + 1,
        purchasedOn: `2026-01-${String(r.day).padStart(2, '0')}`,
        dimension: r.dimension,
        quantityRemaining: r.quantity,
        unitCost: r.unitCost,
      })),
    );
  const need = fc.double({ min: 1e-6, max: 2e3, noNaN: true, noDefaultInfinity: true });

  it('never leaves a lot below zero and conserves quantity: drawn + remaining = before (1e-9 relative)', () => {
    fc.assert(
      fc.property(lots, need, (ls, n) => {
        const a = allocateFifo(ls, n, gramsPerCup);
        for (const d of a.draws) {
          expect(d.remainingAfter).toBeGreaterThanOrEqual(0);
          expect(d.quantity).toBeGreaterThan(0);
          expect(Math.abs(d.quantity + d.remainingAfter - d.remainingBefore)).toBeLessThanOrEqual(1e-9 * d.remainingBefore);
        }
        // Summed over every lot: what was there before is what was drawn plus what is left.
        for (const dim of ['weight', 'volume'] as const) {
          const before = ls.filter((l) => l.dimension === dim).reduce((s, l) => s + l.quantityRemaining, 0);
          const left = ls
            .filter((l) => l.dimension === dim)
            .reduce((s, l) => s + (a.draws.find((d) => d.lotId === l.id)?.remainingAfter ?? l.quantityRemaining), 0);
          const drawn = a.draws.filter((d) => d.dimension === dim).reduce((s, d) => s + d.quantity, 0);
          expect(Math.abs(drawn + left - before)).toBeLessThanOrEqual(1e-9 * Math.max(before, 1e-300));
        }
        const available = ls.reduce((s, l) => s + l.quantityRemaining / gramsPerCup(l.dimension), 0);
        // What is drawn plus what is missing is what was asked for; and nothing more than exists is drawn.
        expect(Math.abs(a.drawn + a.shortfall - n)).toBeLessThanOrEqual(1e-9 * n);
        expect(a.drawn).toBeLessThanOrEqual(available * (1 + 1e-9) + 1e-12);
        expect(a.shortfall === 0).toBe(available >= n * (1 - 1e-12));
      }),
      { numRuns: 1000 },
    );
  });

  it('costs sum to the breakdown, and each draw costs its quantity at its lot unit cost', () => {
    fc.assert(
      fc.property(lots, need, (ls, n) => {
        const a = allocateFifo(ls, n, gramsPerCup);
        const sum = a.draws.reduce((s, d) => s + (d.cost ?? 0), 0);
        expect(Math.abs(a.totalCost - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum));
        for (const d of a.draws) expect(d.cost).toBe(d.unitCost === null ? null : d.quantity * d.unitCost);
        expect(a.costComplete).toBe(a.draws.every((d) => d.unitCost !== null));
      }),
      { numRuns: 1000 },
    );
  });

  it('draws follow FIFO order: no lot is touched while an older lot still has stock after the allocation', () => {
    fc.assert(
      fc.property(lots, need, (ls, n) => {
        const a = allocateFifo(ls, n, gramsPerCup);
        const drawn = a.draws;
        // No older lot with stock is passed over: every lot with stock up to the last one drawn from is drawn from.
        const last = drawn[drawn.length - 1];
        if (last) {
          const lastLot = ls.find((l) => l.id === last.lotId)!;
          const olderWithStock = ls.filter((l) => l.quantityRemaining > 0 && fifoOrder(l, lastLot) <= 0).map((l) => l.id);
          expect(drawn.map((d) => d.lotId).sort((x, y) => x - y)).toEqual(olderWithStock.sort((x, y) => x - y));
        }
        for (let i = 0; i < drawn.length - 1; i++) expect(drawn[i]!.remainingAfter).toBe(0);
        const order = drawn.map((d) => ls.find((l) => l.id === d.lotId)!);
        for (let i = 1; i < order.length; i++) {
          const prev = order[i - 1]!;
          const cur = order[i]!;
          expect(prev.purchasedOn < cur.purchasedOn || (prev.purchasedOn === cur.purchasedOn && prev.id < cur.id)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
