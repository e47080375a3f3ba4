/**
 * bake-planner: the command-line tool. It runs the very services the app's
 * worker runs, on a SQLite file, for scripting, backups and quick looks.
 *
 *   npm run cli -- help
 */
import { readFileSync } from 'node:fs';
import { schemaVersion } from '../db/migrate';
import type { Database } from '../db/session';
import { formatQuantity } from '../domain/format';
import { AppError, toErrorPayload } from '../errors';
import { findIngredientBySlug } from '../services/catalog/ingredient-rows';
import { searchIngredients } from '../services/catalog/ingredient-search';
import { planFifo } from '../services/pantry/fifo';
import { pantryOverview } from '../services/pantry/stock';
import { importBakeTrackerText } from '../services/sample/bake-tracker-import';
import { loadSample } from '../services/sample/sample-pantry';
import { openDatabaseFile, saveDatabaseFile } from './database-file';

const HELP = `bake-planner <command> <database.sqlite> [arguments]

  init <db>                              create an empty database file
  info <db>                              schema version and what is in stock
  sample <db>                            load the built-in sample pantry
  import-bake-tracker <db> <backup.json> import a Bake Tracker backup (all or nothing)
  pantry <db> [search]                   what is on hand, per ingredient
  fifo <db> <ingredient> <qty> <unit>    dry run: which lots a draw would use, and its cost
`;

type Out = (line: string) => void;

function findIngredient(db: Database, text: string): { id: number } {
  const bySlug = findIngredientBySlug(db, text);
  if (bySlug) return bySlug;
  const matches = searchIngredients(db, { query: text, leavesOnly: true, limit: 5 });
  const exact = matches.find((m) => m.slug === text || m.name.toLowerCase() === text.toLowerCase());
  const found = exact ?? (matches.length === 1 ? matches[0] : undefined);
  if (!found) {
    const hint = matches.length ? ` Did you mean: ${matches.map((m) => m.slug).join(', ')}?` : '';
    throw new AppError('NOT_FOUND', `No ingredient "${text}".${hint}`, { ingredient: text });
  }
  return found;
}

function need(args: string[], n: number, usage: string): void {
  if (args.length < n) throw new AppError('VALIDATION', `Usage: ${usage}`);
}

export async function runCli(argv: string[], out: Out): Promise<number> {
  const [command, path, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    out(HELP);
    return 0;
  }
  try {
    need(path ? [path] : [], 1, HELP.split('\n').find((l) => l.trim().startsWith(command)) ?? HELP);
    const db = await openDatabaseFile(path!, command === 'init' || command === 'sample' || command === 'import-bake-tracker');
    switch (command) {
      case 'init':
        saveDatabaseFile(db, path!);
        out(`Created ${path} (schema ${schemaVersion(db)}).`);
        return 0;
      case 'info': {
        const stocked = pantryOverview(db);
        out(`schema ${schemaVersion(db)}, ${db.engine.driver}`);
        out(`${stocked.length} ingredients with lots, ${stocked.filter((r) => !r.empty).length} in stock`);
        return 0;
      }
      case 'sample': {
        const data = JSON.parse(readFileSync(new URL('../services/sample/bake-tracker-sample.json', import.meta.url), 'utf8')) as unknown;
        const result = loadSample(db, data);
        saveDatabaseFile(db, path!);
        out(`${result.report.summary} ${result.purchasesRecorded} sample purchases recorded.`);
        return 0;
      }
      case 'import-bake-tracker': {
        need(rest, 1, 'import-bake-tracker <db> <backup.json>');
        const report = importBakeTrackerText(db, readFileSync(rest[0]!, 'utf8'));
        for (const r of report.records.filter((x) => x.outcome === 'rejected')) out(`rejected ${r.path}: ${r.reason ?? ''}`);
        out(report.summary);
        if (!report.ok) return 1;
        saveDatabaseFile(db, path!);
        return 0;
      }
      case 'pantry': {
        for (const row of pantryOverview(db, { query: rest.join(' ') })) {
          const flags = row.empty ? ' (empty)' : row.low ? ' (low)' : '';
          out(`${row.ingredient.name.padEnd(40)} ${formatQuantity(row.total, row.unit).padStart(14)}  ${row.lotsWithStock} lot(s)${flags}`);
        }
        return 0;
      }
      case 'fifo': {
        need(rest, 3, 'fifo <db> <ingredient> <qty> <unit>');
        const ingredient = findIngredient(db, rest[0]!);
        const plan = planFifo(db, { ingredientId: ingredient.id, quantity: Number(rest[1]), unit: rest[2]! });
        for (const d of plan.draws) {
          const cost = d.cost === null ? 'cost unknown' : d.cost.toFixed(2);
          out(`lot ${d.lotId} ${d.purchasedOn} ${d.productName}: ${formatQuantity(d.quantity, d.unit)}, ${cost}, leaves ${formatQuantity(d.remainingAfter, d.unit)}`);
        }
        out(plan.enough ? `total cost ${plan.totalCost.toFixed(2)}${plan.costComplete ? '' : ' (some lots have no cost)'}` : `short ${formatQuantity(plan.shortfall, plan.unit)}`);
        return plan.enough ? 0 : 1;
      }
      default:
        out(`Unknown command "${command}".\n${HELP}`);
        return 2;
    }
  } catch (e) {
    out(`error: ${toErrorPayload(e).message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2), (line) => console.log(line)).then((code) => process.exit(code));
}
