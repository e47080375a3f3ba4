/** Importing a Bake Tracker backup file into a database file. */
import { FILE_KINDS } from '../../domain/file-limits';
import { AppError } from '../../errors';
import { importBakeTrackerText } from '../../services/import/bake-tracker/import';
import { defineCommand } from '../command';
import { readTextFile } from '../files';

export const bakeTrackerCommands = [
  defineCommand({
    name: 'import-bake-tracker',
    usage: '<db> <backup.json>',
    summary: 'import a Bake Tracker backup (all or nothing)',
    database: 'create',
    minArgs: 1,
    run: ({ db, args }) => {
      const report = importBakeTrackerText(db, readTextFile(args[0]!, FILE_KINDS.bakeTrackerBackup));
      if (!report.ok) {
        const problems = report.records.filter((r) => r.outcome === 'rejected').map((r) => ({ path: r.path, reason: r.reason ?? '' }));
        throw new AppError('IMPORT', report.summary, { problems, report });
      }
      return { json: report, text: [report.summary] };
    },
  }),
];
