/** The built-in sample pantry, loaded into a database file. */
import { readFileSync } from 'node:fs';
import { loadSample } from '../../services/sample/sample-pantry';
import { defineCommand } from '../command';

export const sampleCommands = [
  defineCommand({
    name: 'sample',
    usage: '<db>',
    summary: 'load the built-in sample pantry',
    database: 'create',
    run: ({ db }) => {
      const data = JSON.parse(readFileSync(new URL('../../services/sample/bake-tracker-sample.json', import.meta.url), 'utf8')) as unknown;
      const result = loadSample(db, data);
      return { json: result, text: [`${result.report.summary} ${result.purchasesRecorded} sample purchases recorded.`] };
    },
  }),
];
