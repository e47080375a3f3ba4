/**
 * What a command of the command-line tool is. Each area's commands live in
 * src/cli/commands/<area>.ts and are listed once in src/cli/commands/index.ts.
 * A command only computes: it returns what to print (a JSON document and the
 * same for a person, as lines) or throws an AppError. The runner
 * (./main.ts) opens and saves the database file, prints, and turns errors
 * into an exit code, so every command behaves the same way.
 */
import type { Database } from '../db/session';

/**
 * How a command uses its database file, always its first argument:
 * - 'read': it must exist; never written.
 * - 'write': it must exist; saved only when the command succeeds having written something.
 * - 'create': created when missing; saved only when the command succeeds.
 * - 'none': the command takes no database.
 */
export type DatabaseUse = 'read' | 'write' | 'create' | 'none';

export interface CommandInput {
  /** The arguments after the database path (after the command name for 'none'), options removed. */
  args: string[];
  /** Options given: `--dry-run` is true, `--out FILE` is 'FILE'. Only those the command declares. */
  options: Record<string, string | true>;
}

export interface DatabaseInput extends CommandInput {
  db: Database;
  /** Where the database file is. */
  path: string;
}

/** What a command prints: `json` with --json (keys become snake_case), else `text`, a line each. */
export interface CommandOutput {
  json: unknown;
  text: string[];
  /** A document printed as it is, in pieces, with or without --json (an export: its own keys and bytes, never re-cased). */
  raw?: readonly string[];
  /** False when a writing command changed nothing (a dry run): the database file is then not written, nor created. */
  changed?: boolean;
}

export interface Command<U extends DatabaseUse = DatabaseUse> {
  name: string;
  /** The arguments as help shows them, after the name: "<db> <ingredient> <qty> <unit>". */
  usage: string;
  /** What it does, in a line. */
  summary: string;
  database: U;
  /** How many arguments it needs at least (after <db>, when it has one). */
  minArgs?: number;
  /** The options it accepts besides --json: a flag (`'flag'`) or one that takes a value (`'value'`). */
  options?: Record<string, 'flag' | 'value'>;
  run(input: U extends 'none' ? CommandInput : DatabaseInput): CommandOutput | Promise<CommandOutput>;
}

export type AnyCommand = Command<'none'> | Command<'read'> | Command<'write'> | Command<'create'>;

export function defineCommand<U extends DatabaseUse>(command: Command<U>): Command<U> {
  return command;
}
