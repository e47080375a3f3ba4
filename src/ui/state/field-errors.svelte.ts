/**
 * Errors of one form, by field. An AppError from the worker names the field
 * at fault in `details.field`, and every wrong field at once in
 * `details.fields` ({field: message}); each message goes next to its field
 * when the form shows it, otherwise it is shown once for the whole form.
 * Messages are the worker's own sentences: they already say how to fix it.
 */
import { AppError } from '../../errors';

export class FieldErrors {
  byField = $state<Record<string, string>>({});
  general = $state<string | null>(null);
  /** The worker's error as a whole, for a form that offers a way out of it (its code and details). */
  cause = $state<AppError | null>(null);

  of(field: string): string | null {
    return this.byField[field] ?? null;
  }

  set(field: string, message: string): void {
    this.byField[field] = message;
  }

  clear(): void {
    this.byField = {};
    this.general = null;
    this.cause = null;
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
    if (!(e instanceof AppError)) {
      this.general = `Something went wrong: ${(e as Error)?.message ?? String(e)}`;
      return;
    }
    this.cause = e;
    const listed = e.details.fields;
    const byRaw: Record<string, unknown> =
      typeof listed === 'object' && listed !== null && Object.keys(listed).length > 0
        ? (listed as Record<string, unknown>)
        : typeof e.details.field === 'string'
          ? { [e.details.field]: e.message }
          : {};
    const unplaced: string[] = [];
    for (const [raw, message] of Object.entries(byRaw)) {
      if (typeof message !== 'string') continue;
      const field = aliases[raw] ?? raw;
      if (fields.includes(field)) this.byField[field] ??= message;
      else unplaced.push(message);
    }
    if (unplaced.length > 0 || Object.keys(byRaw).length === 0) this.general = unplaced.length > 0 ? unplaced.join(' ') : e.message;
  }
}
