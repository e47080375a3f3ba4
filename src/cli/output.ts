/**
 * How the command-line tool prints. With --json, stdout gets exactly one JSON
 * document, with snake_case keys (values are left alone: a slug stays as it
 * is); without, lines for a person. An error goes to stderr as
 * "error: <message>" (plus one line per problem in `details.problems`, and
 * the technical detail in `details.technical` on a line of its own), and
 * with --json stdout also gets `{"error":{"code","message","details"}}`.
 */
import { AppError, toErrorPayload } from '../errors';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const camelHump = /([a-z0-9])([A-Z])/g;

/** A key in snake_case: `lotUnitCost` -> `lot_unit_cost`, and a key in words (an import report's `material product`) -> `material_product`. */
export function snakeKey(key: string): string {
  return key.replace(camelHump, '$1_$2').replace(/\s+/g, '_').toLowerCase();
}

/** Every key in snake_case, deep; maps and arrays keep their shape. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, v]) => [snakeKey(key), snakeKeys(v)]));
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(snakeKeys(value), null, 2)}\n`);
}

export function printLines(io: Io, lines: readonly string[]): void {
  if (lines.length > 0) io.out(`${lines.join('\n')}\n`);
}

interface Problem {
  path?: unknown;
  reason?: unknown;
  message?: unknown;
}

/** Prints an error the tool's way; returns the exit code (1). */
export function printError(io: Io, e: unknown, json: boolean): number {
  const payload = toErrorPayload(e);
  const problems = Array.isArray(payload.details?.problems) ? (payload.details.problems as Problem[]) : [];
  const lines = [`error: ${payload.message}`, ...problems.map((p) => `  ${String(p.path ?? '')}: ${String(p.reason ?? p.message ?? '')}`)];
  if (typeof payload.details?.technical === 'string') lines.push(`  detail: ${payload.details.technical}`);
  io.err(`${lines.join('\n')}\n`);
  if (json) printJson(io, { error: { code: payload.code, message: payload.message, details: payload.details ?? {} } });
  return 1;
}

export function usageError(message: string, usage: string): AppError {
  return new AppError('USAGE', `${message} Usage: bake-planner ${usage}`, { usage });
}
