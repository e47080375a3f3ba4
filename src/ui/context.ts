/**
 * The app-wide pieces every screen may need, created once in App.svelte and
 * handed down through Svelte context: the one RPC client, the router, the
 * change feed, confirmations, connectivity, worker status, the update offer
 * and the baker's currency. Screens call `app()` during setup to get them.
 */
import { createContext } from 'svelte';
import type { RpcClient } from '../rpc/client';
import type { AppUpdate } from './state/app-update.svelte';
import type { ChangeFeed } from './state/changes.svelte';
import type { Connectivity } from './state/connectivity.svelte';
import type { Currency } from './state/currency.svelte';
import type { Router } from './state/router.svelte';
import type { Toasts } from './state/toasts.svelte';
import type { WorkerStatus } from './state/worker-status.svelte';

interface AppContext {
  rpc: RpcClient;
  router: Router;
  changes: ChangeFeed;
  toasts: Toasts;
  connectivity: Connectivity;
  status: WorkerStatus;
  update: AppUpdate;
  currency: Currency;
}

export const [app, provideApp] = createContext<AppContext>();
