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

  it('"sugar": exact first, then names starting with it, then a word starting with it', () => {
    expect(rankByName(names, 'sugar', (n) => n)).toEqual(['Sugar', 'Sugar, granulated', 'Sugarcane syrup', 'Brown sugar', 'Powdered sugar']);
  });

  it('ignores case and accents: "CREME" finds Crème fraîche', () => {
    expect(rankByName(names, 'CREME', (n) => n)).toEqual(['Crème fraîche']);
  });

  it('ranks: 0 exact, 1 prefix, 2 every word starts a word, 3 with a typo, none when a word matches nothing or only inside a word', () => {
    expect(matchRank('Sugar', 'sugar')).toBe(0);
    expect(matchRank('Sugar, brown light', 'sugar brown light')).toBe(0);
    expect(matchRank('Sugarcane', 'sugar')).toBe(1);
    expect(matchRank('Brown sugar', 'sug')).toBe(2);
    expect(matchRank('Sugar, brown light', 'brwn sugar')).toBe(3);
    expect(matchRank('Brown sugar', 'uga')).toBeUndefined();
    expect(matchRank('Flour', 'sugar')).toBeUndefined();
  });

  it('word order and punctuation do not matter: "brown sugar" and "sugar brown" find "Sugar, brown light"; "all purpose" finds "Flour, all-purpose"', () => {
    expect(matchRank('Sugar, brown light', 'brown sugar')).toBe(2);
    expect(matchRank('Sugar, brown light', 'sugar brown')).toBe(1);
    expect(matchRank('Sugar, brown light', 'light brown su')).toBe(2);
    expect(matchRank('Flour, all-purpose', 'all purpose')).toBe(2);
    expect(matchRank('Flour, all-purpose', 'all-purpose flour')).toBe(2);
    expect(matchRank("Wegman's Light Brown Sugar", 'wegmans')).toBe(1);
  });

  it('every query word must match: "brown flour" does not find "Sugar, brown light"', () => {
    expect(matchRank('Sugar, brown light', 'brown flour')).toBeUndefined();
  });

  it('one typo in a word of 4+ letters: "brwn", "suagr", "sugat" find brown sugar; "brn" (3 letters) and "brxwz" (two typos) do not', () => {
    for (const q of ['brwn sugar', 'brwn', 'suagr', 'sugat brown']) expect(matchRank('Sugar, brown light', q), q).toBe(3);
    expect(matchRank('Sugar, brown light', 'brn')).toBeUndefined();
    expect(matchRank('Sugar, brown light', 'brxwz')).toBeUndefined();
  });

  it('abbreviations: "ap flour" and "allpurpose" find "Flour, all-purpose"', () => {
    expect(matchRank('Flour, all-purpose', 'ap flour')).toBe(3);
    expect(matchRank('Flour, all-purpose', 'allpurpose')).toBe(3);
  });

  it('a group name can help (rank 4) but not match alone: "flour rye" finds Rye under Flours, "flours" alone does not', () => {
    expect(matchRank('Rye', 'flour rye', 'Baking Flours')).toBe(4);
    expect(matchRank('Rye', 'flours', 'Baking Flours')).toBeUndefined();
  });

  it('exact beats prefix beats word start beats typo: "brown sugar" lists Brown sugar, Brown sugar syrup, Sugar, brown light, then Sugar, bron dark', () => {
    const list = ['Sugar, bron dark', 'Sugar, brown light', 'Brown sugar syrup', 'Brown sugar'];
    expect(rankByName(list, 'brown sugar', (n) => n)).toEqual(['Brown sugar', 'Brown sugar syrup', 'Sugar, brown light', 'Sugar, bron dark']);
  });
});
