/**
 * The page's view of browser storage for the Settings screen: whether the
 * browser promised to keep this site's data (persistent storage), how much
 * it uses and how much it may use. `navigator.storage.persist()` exists only
 * on the page (not in workers), so it is asked here. Safari may clear script
 * storage of a site not used for 7 days unless it is installed to the home
 * screen; `persisted: false` is the cue to say so.
 */

export interface StorageState {
  /** The browser supports the Storage API at all. */
  supported: boolean;
  /** The browser promised not to evict this site's data without asking. */
  persisted: boolean;
  /** Bytes this site uses, and may use, as the browser estimates them (null when unknown). */
  usage: number | null;
  quota: number | null;
}

/** Asks for persistent storage once; returns whether it is granted (asking again is harmless). */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

export async function storageState(): Promise<StorageState> {
  const storage = navigator.storage;
  if (!storage?.estimate) return { supported: false, persisted: false, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => false) : Promise.resolve(false),
    storage.estimate().catch(() => ({}) as StorageEstimate),
  ]);
  return { supported: true, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}
