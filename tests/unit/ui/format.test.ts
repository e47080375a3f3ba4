/**
 * How numbers read on screen and how typed numbers are read back. Shown
 * quantities keep at most 3 decimals and always carry their unit; a keypad
 * that types "2,5" means 2.5, and "1,500" means what the baker's locale means
 * by it (1500 in the US, 1.5 in Germany).
 */
import { describe, expect, test } from 'vitest';
import { formatAmount, formatReadable, formatUnitPrice, inputNumber, isPastDate, parseDecimal, todayIso } from '../../../src/ui/format';
import { currencyForLocale, packageWeightUnitForLocale } from '../../../src/ui/locale-defaults';

describe('typed numbers', () => {
  test.each([
    ['2', 2],
    ['2.5', 2.5],
    ['2,5', 2.5],
    ['3,79', 3.79],
    [' 18.99 ', 18.99],
    ['.5', 0.5],
    ['1,234.50', 1234.5],
    ['1,500', 1500],
    ['1,500.25', 1500.25],
    ['12,345,678', 12345678],
    ['0,500', 0.5],
    ['1.234,56', 1234.56],
    ['0', 0],
  ])('in en-US "%s" reads as %d', (text, value) => {
    expect(parseDecimal(text, 'en-US')).toBe(value);
  });

  test.each([
    ['1,500', 1.5],
    ['2,5', 2.5],
    ['1.234,56', 1234.56],
    ['1.500', 1500],
    ['2.5', 2.5],
    ['1 500,5', 1500.5],
  ])('in de-DE "%s" reads as %d', (text, value) => {
    expect(parseDecimal(text, 'de-DE')).toBe(value);
  });

  test('a Swiss baker’s "1’234.50" reads as 1234.5', () => {
    expect(parseDecimal('1’234.50', 'de-CH')).toBe(1234.5);
  });

  test.each(['', '   ', 'abc', '2..5', '1,2,3', '$4', '1,23,456', '.', '-', '1.2.3,4'])(
    '"%s" is not a number',
    (text) => {
      expect(parseDecimal(text, 'en-US')).toBeNull();
      expect(parseDecimal(text, 'de-DE')).toBeNull();
    },
  );

  test('a lot of 11.339999999 lb goes into an input box as 11.34', () => {
    expect(inputNumber(11.339999999)).toBe('11.34');
    expect(inputNumber(25)).toBe('25');
  });
});

describe('quantities that read well', () => {
  test('1,073.176 ml of cream reads 1.073 l; 117.822 oz of flour reads 7.364 lb', () => {
    expect(formatReadable(1073.176, 'ml')).toBe('1.073 l');
    expect(formatReadable(117.822, 'oz')).toBe('7.364 lb');
  });

  test('what is left of a lot reads in the unit of what was bought: 473.176 ml of 1,073.176 ml is 0.473 l of 1.073 l', () => {
    expect(formatReadable(473.176, 'ml', 1073.176)).toBe('0.473 l');
  });

  test('a shortfall of things counted reads as bare numbers ("need 1,240, have 12"), anything measured as formatReadable does', () => {
    expect(formatAmount(1240, 'each')).toBe('1,240');
    expect(formatAmount(12, 'each', 1240)).toBe('12');
    expect(formatAmount(473.176, 'ml', 1073.176)).toBe('0.473 l');
  });

  test('a dozen eggs stay 12 each', () => {
    expect(formatReadable(12, 'each')).toBe('12 each');
  });
});

describe('prices per unit', () => {
  test('a price per weight reads "$4.99 / lb"; a counted thing reads "$0.259 each", never "/ each"', () => {
    expect(formatUnitPrice(4.99, 'USD', 'lb')).toBe('$4.99 / lb');
    expect(formatUnitPrice(0.259, 'USD', 'each', true)).toBe('$0.259 each');
    expect(formatUnitPrice(0.0899, 'USD', 'each', true)).toBe('$0.0899 each');
  });
});

describe('dates', () => {
  test('today is the device’s local calendar day', () => {
    expect(todayIso(new Date(2026, 0, 7, 23, 59))).toBe('2026-01-07');
  });

  test('an expiry date is past only from the next day on', () => {
    const jan7 = new Date(2026, 0, 7, 12, 0);
    expect(isPastDate('2026-01-06', jan7)).toBe(true);
    expect(isPastDate('2026-01-07', jan7)).toBe(false);
    expect(isPastDate(null, jan7)).toBe(false);
  });
});

describe('defaults from the device locale', () => {
  test.each([
    ['en-US', 'USD', 'lb'],
    ['en-GB', 'GBP', 'kg'],
    ['fr-CA', 'CAD', 'kg'],
    ['de-DE', 'EUR', 'kg'],
    ['fr', 'EUR', 'kg'],
    ['ja-JP', 'JPY', 'kg'],
  ])('%s: money in %s, new packages in %s', (locale, currency, unit) => {
    expect(currencyForLocale(locale)).toBe(currency);
    expect(packageWeightUnitForLocale(locale)).toBe(unit);
  });

  test('a locale that names no known region falls back to USD', () => {
    expect(currencyForLocale('not a locale')).toBe('USD');
  });
});
