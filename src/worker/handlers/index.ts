/**
 * The RPC contract is this map: one handler module per area, merged here
 * (adding an area is one line). `mergeHandlers` refuses a method name two
 * areas both declare. The page imports only the *type* (src/rpc/contract.ts),
 * so request and result types are shared without the UI ever importing
 * worker code.
 */
import { catalogHandlers } from './catalog';
import { mergeHandlers } from './define';
import { importHandlers } from './import';
import { pantryHandlers } from './pantry';
import { sampleHandlers } from './sample';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';

export const handlers = mergeHandlers(
  systemHandlers,
  catalogHandlers,
  pantryHandlers,
  settingsHandlers,
  sampleHandlers,
  importHandlers,
);

export type Handlers = typeof handlers;
