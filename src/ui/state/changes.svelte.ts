/**
 * What changed in the database, as reactive counters per table. The worker
 * sends a 'changed' notice after every durable commit; an open screen reads
 * `versionOf(tables)` inside its loader so it reloads when — and only when —
 * a table it shows was written, whichever tab wrote it.
 */
import type { RpcClient } from '../../rpc/client';

export class ChangeFeed {
  private counters = $state<Record<string, number>>({});
  /** Bumped for notices that do not say which tables changed. */
  private everything = $state(0);

  constructor(rpc: RpcClient) {
    rpc.onNotice((notice) => {
      if (notice.type !== 'changed') return;
      if (notice.tables.length === 0) this.everything++;
      for (const table of notice.tables) this.counters[table] = (this.counters[table] ?? 0) + 1;
    });
  }

  /** A number that changes whenever one of `tables` is written; read it to subscribe. */
  versionOf(tables: readonly string[]): number {
    let sum = this.everything;
    for (const table of tables) sum += this.counters[table] ?? 0;
    return sum;
  }
}
