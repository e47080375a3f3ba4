/**
 * bake-planner: the command-line tool. It runs the very services the app's
 * worker runs, on a SQLite file, for scripting, backups and quick looks.
 *
 *   npx bake-planner help          (src/cli/bin.mjs runs this file through tsx)
 *   npm run cli -- help
 *
 * The runner does what every command shares: it reads the arguments and
 * options, opens the database file, runs the command, saves the file when a
 * writing command succeeded (never when it failed), and prints the result or
 * the error (see ./output.ts). Exit code 0 on success, 1 on any error.
 */
import type { Database } from '../db/session';
import { AppError } from '../errors';
import type { AnyCommand, CommandInput, CommandOutput } from './command';
import { COMMANDS } from './commands';
import { openDatabaseFile, saveDatabaseFile } from './files';
import { printError, printJson, printLines, usageError, type Io } from './output';

function byName(commands: readonly AnyCommand[]): Map<string, AnyCommand> {
  const map = new Map<string, AnyCommand>();
  for (const command of commands) {
    if (map.has(command.name)) throw new AppError('INTERNAL', `Two commands are called "${command.name}".`);
    map.set(command.name, command);
  }
  return map;
}

/** Each command's usage, then what it does on the line below: one long usage (make's) would otherwise push every summary off a phone-width terminal. */
function helpText(commands: readonly AnyCommand[]): string[] {
  return [
    'bake-planner <command> <database.sqlite> [arguments] [--json]',
    '',
    ...commands.flatMap((c) => [`  ${c.name} ${c.usage}`, `      ${c.summary}`]),
    '',
    '  --json',
    '      print one JSON document (snake_case keys); on an error, {"error": {code, message, details}}',
  ];
}

/** Splits options from arguments: `--json`, the command's flags, and `--name value` / `--name=value`. */
function readOptions(command: AnyCommand, argv: string[]): CommandInput {
  const args: string[] = [];
  const options: Record<string, string | true> = {};
  const usage = `${command.name} ${command.usage}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      args.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === 'json') continue;
    const kind = command.options?.[name];
    if (!kind) throw usageError(`${command.name} has no option --${name}.`, usage);
    if (kind === 'flag') {
      if (inline !== undefined) throw usageError(`--${name} takes no value.`, usage);
      options[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw usageError(`--${name} needs a value.`, usage);
      options[name] = value;
    }
  }
  return { args, options };
}

function totalChanges(db: Database): number {
  return db.engine.get<{ n: number }>('SELECT total_changes() AS n')?.n ?? 0;
}

async function run(command: AnyCommand, argv: string[]): Promise<CommandOutput> {
  const input = readOptions(command, argv);
  const usage = `${command.name} ${command.usage}`;
  if (command.database === 'none') {
    if (input.args.length < (command.minArgs ?? 0)) throw usageError('Missing arguments.', usage);
    return command.run(input);
  }
  const [path, ...args] = input.args;
  if (!path) throw usageError('Say which database file.', usage);
  if (args.length < (command.minArgs ?? 0)) throw usageError('Missing arguments.', usage);
  const db: Database = await openDatabaseFile(path, command.database === 'create');
  // A writing command that wrote nothing this time (`plan` without --save, a dry run) leaves the file
  // untouched. Counted by SQLite, not by a commit listener: a listener would make every transaction keep
  // its statements (src/db/session.ts), which a 50 MB import cannot afford.
  const changesBefore = totalChanges(db);
  try {
    // `run` is typed per database use; each branch here has the input its command expects.
    const output = await (command as AnyCommand & { run: (i: unknown) => CommandOutput | Promise<CommandOutput> }).run({ ...input, args, db, path });
    // A 'create' command makes its file even when the new database is empty, unless it says it changed nothing (a dry run).
    const save = output.changed !== false && (command.database === 'create' || (command.database === 'write' && totalChanges(db) > changesBefore));
    if (save) saveDatabaseFile(db, path);
    return output;
  } finally {
    db.close();
  }
}

/** Runs one command line; returns the exit code. */
export async function runCli(argv: readonly string[], io: Io, commands: readonly AnyCommand[] = COMMANDS): Promise<number> {
  const json = argv.includes('--json');
  const [name, ...rest] = argv.filter((a, i) => !(a === '--json' && i === 0));
  try {
    const known = byName(commands);
    if (!name || name === 'help' || name === '--help' || name === '--json') {
      if (json) printJson(io, { commands: commands.map((c) => ({ name: c.name, usage: `${c.name} ${c.usage}`, summary: c.summary })) });
      else printLines(io, helpText(commands));
      return 0;
    }
    const command = known.get(name);
    if (!command) throw new AppError('USAGE', `Unknown command "${name}". Run "bake-planner help" for the list.`, { command: name });
    const output = await run(command, rest);
    if (output.raw !== undefined) for (const piece of output.raw) io.out(piece);
    else if (json) printJson(io, output.json);
    else printLines(io, output.text);
    return 0;
  } catch (e) {
    return printError(io, e, json);
  }
}

/** The process entry point (src/cli/bin.mjs): real stdout and stderr, and the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  });
}
