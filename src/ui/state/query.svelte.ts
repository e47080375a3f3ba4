/**
 * A read from the worker that stays fresh: it runs when created, again when
 * any reactive value its loader reads changes (a route id, a chosen unit),
 * and again when the worker reports a commit to one of its tables. Old
 * results stay on screen while a reload runs, so nothing flickers, and a slow
 * reply never overwrites a newer one. Create it during component setup: it
 * lives as long as the component.
 */
import { AppError, toErrorPayload } from '../../errors';
import type { ChangeFeed } from './changes.svelte';

export class Query<T> {
  data = $state<T | undefined>(undefined);
  error = $state<AppError | null>(null);
  loading = $state(true);
  private sequence = 0;

  constructor(changes: ChangeFeed, tables: readonly string[], load: () => Promise<T>) {
    $effect(() => {
      changes.versionOf(tables);
      const mine = ++this.sequence;
      this.loading = true;
      load().then(
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
}
