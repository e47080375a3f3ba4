/**
 * RPC handlers for sample data and Bake Tracker imports. The sample file
 * (about 280 KB of JSON) is imported dynamically, only when asked for, so it
 * does not weigh on the worker's start-up.
 */
import { importBakeTrackerText } from '../../services/sample/bake-tracker-import';
import { loadSample } from '../../services/sample/sample-pantry';
import { defineHandlers } from './context';

export const sampleHandlers = defineHandlers({
  'sample.load': async (ctx, _params: void) => {
    const file = (await import('../../services/sample/bake-tracker-sample.json')).default as unknown;
    return loadSample(ctx.db, file);
  },
  'sample.importBakeTracker': (ctx, params: { text: string }) => importBakeTrackerText(ctx.db, params.text),
});
