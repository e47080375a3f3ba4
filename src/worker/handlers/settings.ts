/** RPC handlers for app settings (currency, first-run setup done). */
import { getSettings, updateSettings, type SettingsUpdate } from '../../services/settings/settings';
import { defineHandlers, read, write } from './define';

export const settingsHandlers = defineHandlers({
  'settings.get': read(['settings'], (ctx, _params: void) => getSettings(ctx.db)),
  'settings.update': write((ctx, params: SettingsUpdate) => updateSettings(ctx.db, params)),
});
