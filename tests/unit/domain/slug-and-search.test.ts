import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, uniqueSlug } from '../../../src/domain/slug';
import { matchRank, rankByName } from '../../../src/domain/text-search';

describe('slugs', () => {
  it('are URL-safe and readable: "Crème Fraîche (Organic)" -> creme-fraiche-organic, "Salt & Pepper" -> salt-and-pepper', () => {
    expect(slugify('Crème Fraîche (Organic)')).toBe('creme-fraiche-organic');
    expect(slugify('Salt & Pepper')).toBe('salt-and-pepper');
    expect(slugify('NESTLÉ® TOLL HOUSE® Morsels')).toBe('nestle-toll-house-morsels');
    expect(slugify('!!!')).toBe('item');
    expect(isValidSlug(slugify('Anything at ALL, 100%'))).toBe(true);
  });

  it('a second "Brown sugar" gets brown-sugar-2, a third brown-sugar-3', () => {
    const taken = new Set(['brown-sugar', 'brown-sugar-2']);
    expect(uniqueSlug('brown-sugar', (s) => taken.has(s))).toBe('brown-sugar-3');
    expect(uniqueSlug('white-sugar', (s) => taken.has(s))).toBe('white-sugar');
  });
});

describe('name search ranking', () => {
  const names = ['Brown sugar', 'Sugar', 'Sugar, granulated', 'Powdered sugar', 'Sugarcane syrup', 'Flour', 'Crème fraîche'];

  it('"sugar": exact first, then names starting with it, then a word starting with it, then anywhere', () => {
    expect(rankByName(names, 'sugar', (n) => n)).toEqual(['Sugar', 'Sugar, granulated', 'Sugarcane syrup', 'Brown sugar', 'Powdered sugar']);
  });

  it('ignores case and accents: "CREME" finds Crème fraîche', () => {
    expect(rankByName(names, 'CREME', (n) => n)).toEqual(['Crème fraîche']);
  });

  it('ranks: 0 exact, 1 prefix, 2 word start, 3 inside a word, none when absent', () => {
    expect(matchRank('Sugar', 'sugar')).toBe(0);
    expect(matchRank('Sugarcane', 'sugar')).toBe(1);
    expect(matchRank('Brown sugar', 'sug')).toBe(2);
    expect(matchRank('Brown sugar', 'uga')).toBe(3);
    expect(matchRank('Flour', 'sugar')).toBeUndefined();
  });
});
