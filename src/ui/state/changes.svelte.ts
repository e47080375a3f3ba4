/**
 * What changed in the database, as a reactive counter per read. The worker
 * sends a 'changed' notice after every durable commit, naming the reads whose
 * answers may differ now (each read declares what it depends on next to its
 * handler, in src/worker/handlers). An open screen's Query reads
 * `versionOf(method)` so it reloads when, and only when, its read is named,
 * whichever tab wrote.
 */
import type { Method } from '../../rpc/contract';
import type { RpcClient } from '../../rpc/client';

export class ChangeFeed {
  private counters = $state<Record<string, number>>({});
  /** Bumped for notices that say anything may have changed (a restore, a migration). */
  private everything = $state(0);

  constructor(readonly rpc: RpcClient) {
    rpc.onNotice((notice) => {
      if (notice.type !== 'changed') return;
      if (notice.reads === 'all') this.everything++;
      else for (const read of notice.reads) this.counters[read] = (this.counters[read] ?? 0) + 1;
    });
  }

  /** A number that changes whenever `read`'s answer may have changed; read it to subscribe. */
  versionOf(read: Method): number {
    return this.everything + (this.counters[read] ?? 0);
  }
}
