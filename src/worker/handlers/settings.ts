/** RPC handlers for app settings (currency, first-run setup done). */
import { getSettings, updateSettings, type SettingsUpdate } from '../../services/settings/settings';
import { defineHandlers, rememberedRead, write } from './define';

export const settingsHandlers = defineHandlers({
  // Asked by the app before it draws any screen: remembered, so a cold start need not wait for SQLite.
  'settings.get': rememberedRead(['settings'], (ctx, _params: void) => getSettings(ctx.db)),
  'settings.update': write((ctx, params: SettingsUpdate) => updateSettings(ctx.db, params)),
});
