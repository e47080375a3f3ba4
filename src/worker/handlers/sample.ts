/**
 * RPC handlers for the built-in sample. The sample file (about 280 KB of
 * JSON) is imported dynamically, only when asked for, so it does not weigh on
 * the worker's start-up.
 */
import { loadSample } from '../../services/sample/sample-pantry';
import { defineHandlers, write } from './define';

export const sampleHandlers = defineHandlers({
  'sample.load': write(async (ctx, _params: void) => {
    const file = (await import('../../services/sample/bake-tracker-sample.json')).default as unknown;
    return loadSample(ctx.db, file);
  }),
});
