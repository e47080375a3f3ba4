import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '../../../src/domain/dates';
import { ledgerAmount, roundTo } from '../../../src/domain/money';
import { summarizeStock } from '../../../src/domain/stock-summary';
import { packageSizeFromNotes } from '../../../src/domain/bake-tracker-records';

describe('money rounding for the ledger', () => {
  it('rounds to 4 decimals, half away from zero, despite binary noise', () => {
    expect(ledgerAmount(1.00005)).toBe(1.0001);
    expect(ledgerAmount(108.88000000000001)).toBe(108.88);
    expect(ledgerAmount(-2.34565)).toBe(-2.3457);
    expect(roundTo(2.675, 2)).toBe(2.68);
  });
});

describe('dates', () => {
  it('only real calendar dates pass: 2026-02-28 yes, 2026-02-30 and 26-2-1 no', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('26-2-1')).toBe(false);
  });

  it('agrees with the calendar on every day of a run of years, leap days and centuries included', () => {
    const viaDate = (text: string) => {
      const [y, m, d] = text.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (const year of [99, 100, 1900, 2000, 2023, 2024, 2025, 2026, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isIsoDate(text), text).toBe(viaDate(text));
        }
      }
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-01-07', -10)).toBe('2025-12-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('stock summary of one ingredient', () => {
  const LB = 453.59237;
  const flour = { ingredient: 'Flour', density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 4, weightUnit: 'oz' } } as const;

  it('a 25 lb bag with 4 lb left and a fresh 10 lb bag: 14 lb on hand worth 4 x 0.70 + 10 x 0.76', () => {
    const s = summarizeStock(
      [
        { id: 1, purchasedOn: '2026-01-01', dimension: 'weight', quantityInitial: 25 * LB, quantityRemaining: 4 * LB, unitCost: 0.7 / LB },
        { id: 2, purchasedOn: '2026-02-01', dimension: 'weight', quantityInitial: 10 * LB, quantityRemaining: 10 * LB, unitCost: 0.76 / LB },
      ],
      'lb',
      flour,
    );
    expect(s.total).toBeCloseTo(14, 12);
    expect(s.value).toBeCloseTo(4 * 0.7 + 10 * 0.76, 12);
    expect(s.lots[0]).toMatchObject({ unit: 'lb', low: true, empty: false });
    expect(s.lots[0]!.unitCost).toBeCloseTo(0.7, 12);
    expect(s.low).toBe(false);
  });

  it('1 lb left when the newest bag held 10 lb is low; nothing left is empty, not low', () => {
    const lot = (remaining: number) => ({ id: 1, purchasedOn: '2026-01-01', dimension: 'weight' as const, quantityInitial: 10 * LB, quantityRemaining: remaining, unitCost: null });
    expect(summarizeStock([lot(1 * LB)], 'lb', flour)).toMatchObject({ low: true, empty: false, valueComplete: false });
    expect(summarizeStock([lot(0)], 'lb', flour)).toMatchObject({ low: false, empty: true, valueComplete: true });
  });

  it('a volume lot of an ingredient with no density is listed in ml and left out of a total in lb', () => {
    const s = summarizeStock(
      [
        { id: 1, purchasedOn: '2026-01-01', dimension: 'weight', quantityInitial: LB, quantityRemaining: LB, unitCost: null },
        { id: 2, purchasedOn: '2026-01-02', dimension: 'volume', quantityInitial: 500, quantityRemaining: 500, unitCost: null },
      ],
      'lb',
      { ingredient: 'Honey' },
    );
    expect(s.total).toBeCloseTo(1, 12);
    expect(s.unconvertedLots).toBe(1);
    expect(s.lots[1]).toMatchObject({ unit: 'ml', quantityRemaining: 500, converted: false });
  });
});

describe('Bake Tracker material package sizes, read from notes', () => {
  it('"Pack of 25 boxes" is 25, "300 count liners" is 300, "Individual drum" is 1, "500 yard spool = 18000 inches" is 18000 in', () => {
    expect(packageSizeFromNotes('Pack of 25 boxes', 'each')).toBe(25);
    expect(packageSizeFromNotes('Bulk pack of 100 boxes', 'each')).toBe(100);
    expect(packageSizeFromNotes('300 count white standard cupcake liners', 'each')).toBe(300);
    expect(packageSizeFromNotes('Individual silver cake drum', 'each')).toBe(1);
    expect(packageSizeFromNotes('500 yard spool = 18000 inches, red', 'in')).toBe(18000);
    expect(packageSizeFromNotes('Pack of 12 rolls, 120 meters total (4724 inches)', 'in')).toBe(4724);
    expect(packageSizeFromNotes('Nice bags', 'each')).toBeNull();
  });
});
