/**
 * Every command of the tool, in the order help lists them. An area's commands
 * live in ./<area>.ts; adding an area is its file and one line here. Two
 * commands with one name are refused when the tool starts.
 */
import type { AnyCommand } from '../command';
import { bakeTrackerCommands } from './bake-tracker';
import { databaseCommands } from './database';
import { pantryCommands } from './pantry';
import { sampleCommands } from './sample';

export const COMMANDS: readonly AnyCommand[] = [...databaseCommands, ...sampleCommands, ...bakeTrackerCommands, ...pantryCommands];
