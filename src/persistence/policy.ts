/**
 * Every timing and size that shapes persistence, in one place. A checkpoint
 * costs time proportional to the database (export, checksum, one big
 * IndexedDB write), while replaying the log on open costs roughly 0.3 ms per
 * logged commit; these numbers keep both small.
 */

/** Web Locks name: whoever holds it is the only worker that opens the database. */
export const WRITER_LOCK = 'bake-planner-writer';

/** BroadcastChannel on which follower tabs forward requests and the writer answers and announces changes. */
export const RPC_CHANNEL = 'bake-planner-rpc';

export const CHECKPOINT_POLICY = {
  /** Checkpoint once no request has arrived for this long… */
  idleMs: 1_000,
  /** …and at least this many commits or log bytes are waiting to be folded in. */
  idleMinCommits: 50,
  idleMinLogBytes: 256 * 1024,
  /** Past either of these, checkpoint at the next gap between requests even when busy. */
  forceCommits: 500,
  forceLogBytes: 4 * 1024 * 1024,
} as const;

export const HANDOVER_POLICY = {
  /**
   * A writer tab hidden this long hands over to a tab on screen that asks it for something: the
   * browser may freeze a background tab (its worker with it) at any moment, and other tabs would
   * then wait for it.
   */
  hiddenMs: 3_000,
  /**
   * A tab that gets the lock while requests it forwarded are unanswered waits this long at most for
   * the previous writer's last answers (a writer handing over sends them, then 'left', then releases
   * the lock; the lock can arrive first). A writer that vanished sends nothing: they are then retried.
   */
  lastWordMs: 500,
} as const;
