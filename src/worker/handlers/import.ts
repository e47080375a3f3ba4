/** RPC handlers for importing other apps' files: a Bake Tracker backup. */
import { importBakeTrackerText } from '../../services/import/bake-tracker/import';
import { defineHandlers, write } from './define';

export const importHandlers = defineHandlers({
  'import.bakeTracker': write((ctx, params: { text: string }) => importBakeTrackerText(ctx.db, params.text)),
});
