/** How one row points at another in what services return: enough to link to it and name it. */
export interface NamedRef {
  id: number;
  slug: string;
  name: string;
  /** Archived things stay readable where they are used, and leave the pickers. */
  archived: boolean;
}

export const namedRef = (r: { id: number; slug: string; name: string; archived?: number | null }): NamedRef => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  archived: r.archived === 1,
});
