/** RPC handlers for app settings (currency, first-run setup done). */
import { getSettings, updateSettings, type SettingsUpdate } from '../../services/settings/settings';
import { defineHandlers } from './context';

export const settingsHandlers = defineHandlers({
  'settings.get': (ctx, _params: void) => getSettings(ctx.db),
  'settings.update': (ctx, params: SettingsUpdate) => updateSettings(ctx.db, params),
});
