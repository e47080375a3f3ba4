/**
 * Typed application errors. Every error that can reach a user carries a stable
 * `code`, a sentence a baker can act on, and the structured `details` a screen
 * needs (which field, which ingredient, how much is missing). When the system's
 * own words help someone technical (a parser's "Unterminated string in JSON at
 * position 141710"), they go in `details.technical`, which a screen keeps
 * behind a disclosure and never leads with. Errors cross the
 * worker boundary as plain `ErrorPayload` values and are rebuilt on the page.
 */

export type ErrorCode =
  // input and lookups
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'DUPLICATE'
  | 'IN_USE'
  | 'CONFLICT'
  // units and stock
  | 'UNKNOWN_UNIT'
  | 'UNIT_MISMATCH'
  | 'MISSING_DENSITY'
  | 'INSUFFICIENT_STOCK'
  // plans: a step taken out of order, or a change the plan's state does not allow
  | 'PLAN_STATE'
  // transactions and storage
  | 'TX_ENDED'
  | 'TX_NESTED'
  | 'TX_ASYNC_BODY'
  | 'TX_FOREIGN'
  | 'SQL_NONDETERMINISTIC'
  | 'CONSTRAINT'
  | 'MIGRATION'
  | 'STORAGE_QUOTA'
  | 'STORAGE'
  | 'CORRUPT_RECORD'
  | 'WRITER_CHANGED'
  | 'APP_UPDATED'
  | 'NOT_READY'
  | 'IMPORT'
  | 'UNKNOWN_METHOD'
  // the command line: a command, argument or option it does not take
  | 'USAGE'
  | 'INTERNAL';

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(p: ErrorPayload): AppError {
    return new AppError(p.code, p.message, p.details ?? {});
  }
}

/** A field-level validation failure: `field` names the form field (or file path) at fault. */
export function validationError(field: string, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', message, { field, ...extra });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns anything thrown into a payload safe to show: never a stack trace, never "undefined". */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof AppError) return e.toPayload();
  const message = e instanceof Error && e.message ? e.message : String(e ?? 'Unknown error');
  return { code: 'INTERNAL', message: `Something went wrong: ${message}` };
}
