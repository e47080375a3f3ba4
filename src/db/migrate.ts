/**
 * Runs pending migrations on open, each in its own transaction with its
 * `PRAGMA user_version` bump, so a failed migration leaves the previous
 * version intact. A database newer than this app is refused rather than
 * guessed at.
 */
import { AppError } from '../errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { transaction, type Database } from './session';

export function schemaVersion(db: Database): number {
  const row = db.engine.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** Applies every migration above the current version; returns the ones applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'MIGRATION',
      `This database was written by a newer version of Bake Planner (schema ${current}, this app knows ${latest}). Update the app to open it.`,
      { current, latest },
    );
  }
  const applied: Migration[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    try {
      transaction(db, (tx) => {
        tx.exec(m.up);
        tx.exec(`PRAGMA user_version = ${m.version}`);
        const broken = tx.all<Record<string, unknown>>('PRAGMA foreign_key_check');
        if (broken.length > 0) throw new AppError('MIGRATION', `Migration ${m.version} left broken references.`, { broken });
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'MIGRATION') throw e;
      throw new AppError('MIGRATION', `Migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, {
        version: m.version,
      });
    }
    applied.push(m);
  }
  return applied;
}

export { SCHEMA_VERSION };
