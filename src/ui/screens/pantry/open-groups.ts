/**
 * Which groups of the All-ingredients tree the baker has opened, kept in
 * sessionStorage so coming Back to the tree (or reloading it) shows it as it
 * was left rather than folded shut. Per tab, like the history it serves.
 */
const KEY = 'bake-planner.open-groups';

function read(): Set<number> {
  try {
    const ids: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : []);
  } catch {
    return new Set();
  }
}

const open = read();

export function isGroupOpen(id: number): boolean {
  return open.has(id);
}

export function setGroupOpen(id: number, isOpen: boolean): void {
  if (isOpen === open.has(id)) return;
  if (isOpen) open.add(id);
  else open.delete(id);
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...open]));
  } catch {
    // Private mode or a full quota: remembered for this page's life only.
  }
}
