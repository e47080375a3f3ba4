/**
 * A long list from the worker, read a page at a time (a read that answers
 * with a Page: items, total, nextOffset). It shows the first page, adds the
 * next when `more()` is called (a "Show more" button, or the end of the list
 * scrolling into view), and stays fresh like a Query: when the parameters
 * change it starts again from the first page; when the worker says the
 * read's answer may have changed, it reads again as many rows as are shown,
 * so the list does not shrink under the baker's thumb. Create it during
 * component setup.
 *
 *   const list = new PagedQuery(changes, 'pantry.listPurchases', () => ({ query }), 50);
 */
import { untrack } from 'svelte';
import { AppError, toErrorPayload } from '../../errors';
import type { Method, ParamsOf, ResultOf } from '../../rpc/contract';
import type { Page } from '../../domain/paging';
import type { ChangeFeed } from './changes.svelte';

/** The reads that answer with a page and take an offset and a limit. */
type PagedMethod = {
  [M in Method]: ResultOf<M> extends Page<unknown> ? (ParamsOf<M> extends { offset?: number; limit?: number } | void ? M : never) : never;
}[Method];
type ItemOf<M extends PagedMethod> = ResultOf<M> extends Page<infer T> ? T : never;
type FilterOf<M extends PagedMethod> = Omit<Exclude<ParamsOf<M>, void>, 'offset' | 'limit'>;

export class PagedQuery<M extends PagedMethod> {
  items = $state<ItemOf<M>[]>([]);
  /** How many match in all; null until the first page arrives. */
  total = $state<number | null>(null);
  error = $state<AppError | null>(null);
  loading = $state(true);
  private nextOffset: number | null = null;
  private sequence = 0;
  /** The parameters last read with, and their JSON to tell a real change from a re-run. */
  private lastArgs: FilterOf<M> | null = null;
  private lastKey = '';

  constructor(
    private readonly changes: ChangeFeed,
    private readonly method: M,
    filter: () => FilterOf<M>,
    private readonly pageSize = 50,
  ) {
    $effect(() => {
      changes.versionOf(method);
      const args = filter();
      const key = JSON.stringify(args);
      const fresh = key !== this.lastKey;
      this.lastKey = key;
      this.lastArgs = args;
      // New parameters start again at the first page; a change notice re-reads as many rows as are shown.
      const rows = fresh ? pageSize : untrack(() => Math.max(pageSize, this.items.length));
      untrack(() => void this.read(args, rows));
    });
  }

  get hasMore(): boolean {
    return this.total !== null && this.items.length < this.total;
  }

  /** Shows the next page (does nothing while one is on its way or when all are shown). */
  more(): void {
    if (this.loading || this.nextOffset === null || !this.lastArgs) return;
    void this.read(this.lastArgs, this.pageSize, this.items);
  }

  /** Reads `rows` rows after `kept` (from the start when none are kept), a page at a time. */
  private async read(filter: FilterOf<M>, rows: number, kept: ItemOf<M>[] = []): Promise<void> {
    const mine = ++this.sequence;
    this.loading = true;
    const call = this.changes.rpc.call as (method: M, params: unknown) => Promise<Page<ItemOf<M>>>;
    try {
      const items = [...kept];
      let offset: number | null = kept.length;
      let total = 0;
      while (offset !== null && items.length < kept.length + rows) {
        const page: Page<ItemOf<M>> = await call.call(this.changes.rpc, this.method, { ...filter, offset, limit: this.pageSize });
        if (mine !== this.sequence) return;
        items.push(...page.items);
        total = page.total;
        offset = page.nextOffset;
      }
      this.items = items;
      this.total = total;
      this.nextOffset = offset;
      this.error = null;
    } catch (e) {
      if (mine !== this.sequence) return;
      this.error = e instanceof AppError ? e : AppError.fromPayload(toErrorPayload(e));
    } finally {
      if (mine === this.sequence) this.loading = false;
    }
  }
}
