/**
 * The RPC contract is this map: one handler module per area, merged here
 * (adding an area is one line). `mergeHandlers` refuses a method name two
 * areas both declare. The page imports only the *type* (src/rpc/contract.ts),
 * so request and result types are shared without the UI ever importing
 * worker code.
 */
import { catalogHandlers } from './catalog';
import { mergeHandlers } from './define';
import { goodsHandlers } from './goods';
import { importHandlers } from './import';
import { makingHandlers } from './making';
import { pantryHandlers } from './pantry';
import { planningHandlers } from './planning';
import { materialsHandlers } from './materials';
import { recipesHandlers } from './recipes';
import { sampleHandlers } from './sample';
import { settingsHandlers } from './settings';
import { snapshotHandlers } from './snapshot';
import { systemHandlers } from './system';

export const handlers = mergeHandlers(
  systemHandlers,
  catalogHandlers,
  pantryHandlers,
  settingsHandlers,
  sampleHandlers,
  importHandlers,
  planningHandlers,
  makingHandlers,
  snapshotHandlers,
  materialsHandlers,
  recipesHandlers,
  goodsHandlers,
);

export type Handlers = typeof handlers;
