/**
 * The locale the screens format in, from what a browser reports: the first
 * language Intl can use, never "C" or a POSIX variant (WebKit under LANG=C
 * reports "C", and its Intl default then writes money as "$ 1691.86").
 */
import { describe, expect, test } from 'vitest';
import { usableLocale } from '../../../src/ui/locale';

const money = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(1691.86);

describe('a usable locale from what the browser reports', () => {
  test.each([
    [['en-GB', 'en'], 'en-GB'],
    [['de-DE'], 'de-DE'],
    [['fr'], 'fr'],
    [['pt-br'], 'pt-BR'],
    [['en_US.UTF-8'], 'en-US'],
    [['de_CH@euro'], 'de-CH'],
  ])('%j -> %s', (reported, expected) => {
    expect(usableLocale(reported, 'en-US')).toBe(expected);
  });

  test('"C" or "POSIX" is skipped for the next language the browser reports', () => {
    expect(usableLocale(['C', 'fr-FR'], 'en-US')).toBe('fr-FR');
    expect(usableLocale(['POSIX', 'C.UTF-8', 'nl-NL'], 'en-US')).toBe('nl-NL');
  });

  test('WebKit under LANG=C: "C" alone, Intl defaulting to en-US-u-va-posix: en-US, and money reads "$1,691.86"', () => {
    expect(money('en-US-u-va-posix')).toMatch(/^\$\s1691\.86$/);
    const locale = usableLocale(['C'], 'en-US-u-va-posix');
    expect(locale).toBe('en-US');
    expect(money(locale)).toBe('$1,691.86');
  });

  test('a POSIX variant reported by the browser itself is dropped', () => {
    expect(usableLocale(['en-US-u-va-posix'], 'en-US')).toBe('en-US');
  });

  test('nothing usable at all (no languages, or only broken ones, and a broken Intl default): en-US', () => {
    expect(usableLocale([], 'C')).toBe('en-US');
    expect(usableLocale(['', 'C', '12', 'not a tag'], 'POSIX')).toBe('en-US');
  });

  test('nothing reported: Intl’s own default, when it is usable', () => {
    expect(usableLocale([], 'de-AT')).toBe('de-AT');
  });
});
