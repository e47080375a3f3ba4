/** How things are named on screen when a label is built from several fields. */

/** "King Arthur Unbleached All-Purpose Flour"; the brand is not repeated when the name already starts with it. */
export function productLabel(brand: string, name: string): string {
  return brand && !name.toLowerCase().startsWith(brand.toLowerCase()) ? `${brand} ${name}` : name;
}
