/**
 * A read from the worker that stays fresh. It names the read (a method of
 * the RPC contract) and its parameters; it runs when created, again when any
 * reactive value the parameters use changes (a route id, a chosen unit), and
 * again when the worker says a commit may have changed that read's answer (in
 * any tab). Old results stay on screen while a reload runs, so nothing
 * flickers, and a slow reply never overwrites a newer one. Parameters of
 * `null` mean "nothing to read now" (no id yet): `data` is then null. Create
 * it during component setup: it lives as long as the component.
 *
 *   const detail = new Query(changes, 'catalog.getIngredient', () => ({ id }));
 */
import { AppError, toErrorPayload } from '../../errors';
import type { Method, ParamsOf, ResultOf } from '../../rpc/contract';
import type { ChangeFeed } from './changes.svelte';

export class Query<M extends Method> {
  data = $state<ResultOf<M> | null | undefined>(undefined);
  error = $state<AppError | null>(null);
  loading = $state(true);
  private sequence = 0;
  private again = $state(0);

  constructor(changes: ChangeFeed, method: M, params?: () => ParamsOf<M> | null) {
    $effect(() => {
      void this.again;
      changes.versionOf(method);
      const args = params ? params() : undefined;
      const mine = ++this.sequence;
      if (args === null) {
        this.data = null;
        this.error = null;
        this.loading = false;
        return;
      }
      this.loading = true;
      const call = changes.rpc.call as (method: M, ...rest: unknown[]) => Promise<ResultOf<M>>;
      call.call(changes.rpc, method, ...(args === undefined ? [] : [args])).then(
        (value) => {
          if (mine !== this.sequence) return;
          this.data = value;
          this.error = null;
          this.loading = false;
        },
        (e: unknown) => {
          if (mine !== this.sequence) return;
          this.error = e instanceof AppError ? e : AppError.fromPayload(toErrorPayload(e));
          this.loading = false;
        },
      );
    });
  }

  /** Reads again now: after an action the worker does not report as a change (discarding set-aside records). */
  refresh(): void {
    this.again++;
  }
}
