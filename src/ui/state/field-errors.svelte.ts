/**
 * Errors of one form, by field. An AppError from the worker names the field
 * at fault in `details.field`; when that is a field the form shows, the
 * message goes next to it, otherwise it is shown once for the whole form.
 * Messages are the worker's own sentences: they already say how to fix it.
 */
import { AppError } from '../../errors';

export class FieldErrors {
  byField = $state<Record<string, string>>({});
  general = $state<string | null>(null);

  of(field: string): string | null {
    return this.byField[field] ?? null;
  }

  set(field: string, message: string): void {
    this.byField[field] = message;
  }

  clear(): void {
    this.byField = {};
    this.general = null;
  }

  get any(): boolean {
    return this.general !== null || Object.keys(this.byField).length > 0;
  }

  /**
   * Places an error. `fields` are the form's fields; `aliases` maps a worker
   * field name to the form's name for it (the new-product part of a purchase
   * calls its name field 'name', the form 'newProduct.name').
   */
  fromError(e: unknown, fields: readonly string[], aliases: Record<string, string> = {}): void {
    const message = e instanceof AppError ? e.message : `Something went wrong: ${(e as Error)?.message ?? String(e)}`;
    const raw = e instanceof AppError && typeof e.details.field === 'string' ? e.details.field : null;
    const field = raw === null ? null : (aliases[raw] ?? raw);
    if (field !== null && fields.includes(field)) this.byField[field] = message;
    else this.general = message;
  }
}
