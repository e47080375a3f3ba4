/**
 * What a tab says once a newer version of Bake Planner runs in another tab:
 * its page shows the status and offers a reload; each request it can no
 * longer serve is refused with the error (it changed nothing).
 */
import { AppError } from '../errors';

export const APP_UPDATED_STATUS = 'Bake Planner was updated in another tab — Reload';

export function appUpdatedError(): AppError {
  return new AppError(
    'APP_UPDATED',
    'Bake Planner was updated in another tab — Reload this tab to carry on. Nothing was changed.',
  );
}
