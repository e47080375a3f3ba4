/** Handlers about the database itself: readiness, versions. */
import { schemaVersion } from '../../db/migrate';
import { defineHandlers } from './context';

export const systemHandlers = defineHandlers({
  'system.ping': (_ctx, _params: void) => 'pong' as const,
  'system.info': (ctx, _params: void) => ({
    schemaVersion: schemaVersion(ctx.db),
    driver: ctx.db.engine.driver,
  }),
});
