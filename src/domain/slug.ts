/**
 * URL-safe slugs derived from names. Slugs are the natural keys in export
 * files, so they are stable: derived once when a thing is created and made
 * unique with -2, -3... rather than by changing the name.
 */

const MAX_SLUG_LENGTH = 80;

/** "Crème Fraîche (Organic)" -> "creme-fraiche-organic"; never empty. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || 'item';
}

/** The first of `base`, `base-2`, `base-3`, ... that `taken` does not hold. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Whether a slug from a file is acceptable as-is (the schema's rule). */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9_-]+$/.test(slug);
}
