/**
 * What every RPC handler receives. Handlers are thin: they validate nothing
 * themselves and call services, which own the rules and the transactions.
 */
import type { Database } from '../../db/session';

export interface HandlerContext {
  db: Database;
}

export type Handler<P, R> = (ctx: HandlerContext, params: P) => R | Promise<R>;

/** Declares a handler map while keeping each handler's exact parameter and result types. */
export function defineHandlers<T extends Record<string, Handler<never, unknown>>>(handlers: T): T {
  return handlers;
}
