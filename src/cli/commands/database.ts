/** Commands about the database file itself: create it, and say what is in it. */
import { schemaVersion } from '../../db/migrate';
import { pantryOverview } from '../../services/pantry/stock';
import { defineCommand } from '../command';

export const databaseCommands = [
  defineCommand({
    name: 'init',
    usage: '<db>',
    summary: 'create an empty database file',
    database: 'create',
    run: ({ db, path }) => ({
      json: { path, schemaVersion: schemaVersion(db) },
      text: [`Created ${path} (schema ${schemaVersion(db)}).`],
    }),
  }),
  defineCommand({
    name: 'info',
    usage: '<db>',
    summary: 'schema version and what is in stock',
    database: 'read',
    run: ({ db }) => {
      const stocked = pantryOverview(db);
      const info = {
        schemaVersion: schemaVersion(db),
        driver: db.engine.driver,
        ingredientsWithLots: stocked.length,
        ingredientsInStock: stocked.filter((r) => !r.empty).length,
      };
      return {
        json: info,
        text: [`schema ${info.schemaVersion}, ${info.driver}`, `${info.ingredientsWithLots} ingredients with lots, ${info.ingredientsInStock} in stock`],
      };
    },
  }),
];
