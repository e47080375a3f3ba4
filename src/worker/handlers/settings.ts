/** RPC handlers for app settings (currency). */
import { getSettings, updateSettings, type SettingsUpdate } from '../../services/settings/settings';
import { defineHandlers } from './context';

export const settingsHandlers = defineHandlers({
  'settings.get': (ctx, _params: void) => getSettings(ctx.db),
  'settings.update': (ctx, params: SettingsUpdate) => updateSettings(ctx.db, params),
});
