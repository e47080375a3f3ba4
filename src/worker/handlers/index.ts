/**
 * The RPC contract is this map: one handler module per domain, merged here.
 * The page imports only the *type* (src/rpc/contract.ts), so request and
 * result types are shared without the UI ever importing worker code.
 */
import { catalogHandlers } from './catalog';
import { pantryHandlers } from './pantry';
import { sampleHandlers } from './sample';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';

export const handlers = {
  ...systemHandlers,
  ...catalogHandlers,
  ...pantryHandlers,
  ...settingsHandlers,
  ...sampleHandlers,
};

export type Handlers = typeof handlers;
