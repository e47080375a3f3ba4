/** Sentences about what uses what, for refusals and for the reasons screens show next to a disabled button. */

/** "1 production run", "3 production runs". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "Gift box", "Gift box and Cookie bag", "Gift box, Cookie bag, Tin and 2 more". */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  const shown = names.length > max ? [...names.slice(0, max), `${names.length - max} more`] : [...names];
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "a, b and c", for the reasons a thing is in use. */
export function reasonList(reasons: readonly string[]): string {
  return nameList(reasons, reasons.length);
}

/** Why a recipe may not be given a new finished unit (an archived one yields nothing new), or null. */
export function finishedUnitsRefusal(recipe: { name: string; archived: number }): string | null {
  return recipe.archived === 1 ? `${recipe.name} is archived: restore it before giving it a finished unit` : null;
}
