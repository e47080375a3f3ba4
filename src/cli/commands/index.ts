/**
 * Every command of the tool, in the order help lists them. An area's commands
 * live in ./<area>.ts; adding an area is its file and one line here. Two
 * commands with one name are refused when the tool starts.
 */
import type { AnyCommand } from '../command';
import { bakeTrackerCommands } from './bake-tracker';
import { databaseCommands } from './database';
import { makingCommands } from './making';
import { pantryCommands } from './pantry';
import { planningCommands } from './planning';
import { sampleCommands } from './sample';
import { shoppingCommands } from './shopping';
import { snapshotCommands } from './snapshot';

export const COMMANDS: readonly AnyCommand[] = [
  ...databaseCommands,
  ...sampleCommands,
  ...bakeTrackerCommands,
  ...pantryCommands,
  ...planningCommands,
  ...makingCommands,
  ...shoppingCommands,
  ...snapshotCommands,
];
