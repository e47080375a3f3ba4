/**
 * How an RPC handler is declared. Every handler is either
 *
 * - a `read(deps, fn)`: answers without changing anything, and names the
 *   topics (src/worker/topics.ts) its answer depends on. When a commit
 *   touches one of them, every tab's screens showing this read reload it; or
 * - a `write(fn)`: may change the database (or the worker's storage). Its
 *   commits tell the reads that depend on what it wrote.
 *
 * A handler stays a plain function `(ctx, params) => result`, so the RPC
 * contract (src/rpc/contract.ts) derives its types from it unchanged; the
 * declaration rides along as `kind` and `deps`. Handler maps are merged
 * with `mergeHandlers`, which refuses a name declared twice.
 */
import { AppError } from '../../errors';
import type { Topic } from '../topics';
import type { HandlerContext } from './context';

export type Handler<P, R> = (ctx: HandlerContext, params: P) => R | Promise<R>;

export type ReadHandler<P, R> = Handler<P, R> & {
  readonly kind: 'read';
  readonly deps: readonly Topic[];
  /** Whether this answer is remembered for the next cold start (src/worker/remembered-answers.ts). */
  readonly remember?: (params: P) => boolean;
};
export type WriteHandler<P, R> = Handler<P, R> & { readonly kind: 'write' };
export type AnyHandler = ReadHandler<never, unknown> | WriteHandler<never, unknown>;
export type HandlerMap = Record<string, AnyHandler>;

/**
 * A read whose answer depends on `deps`. An empty list means it changes only
 * with the whole database (a restore, a migration): the storage figures, the
 * recovery report.
 */
export function read<P, R>(deps: readonly Topic[], handler: Handler<P, R>): ReadHandler<P, R> {
  return Object.assign(handler, { kind: 'read' as const, deps });
}

/**
 * A read of a first screen (the pantry, the dashboard) whose answer is remembered for the next cold
 * start, where it is given before SQLite has even opened (src/worker/remembered-answers.ts). Only for
 * answers that follow from the data and the parameters alone: `when` says which parameters qualify
 * (a read that falls back on today's date does not, unless the date is given).
 */
export function rememberedRead<P, R>(
  deps: readonly Topic[],
  handler: Handler<P, R>,
  when: (params: P) => boolean = () => true,
): ReadHandler<P, R> {
  return Object.assign(handler, { kind: 'read' as const, deps, remember: when });
}

/** A request that may change the database. */
export function write<P, R>(handler: Handler<P, R>): WriteHandler<P, R> {
  return Object.assign(handler, { kind: 'write' as const });
}

/** Declares one area's handler map while keeping each handler's exact parameter and result types. */
export function defineHandlers<T extends HandlerMap>(handlers: T): T {
  return handlers;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** One map of every area's handlers; a name declared by two areas is an error, not a silent override. */
export function mergeHandlers<T extends readonly HandlerMap[]>(...maps: T): UnionToIntersection<T[number]> {
  const merged: HandlerMap = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (Object.hasOwn(merged, name)) {
        throw new AppError('INTERNAL', `The RPC method "${name}" is declared twice; each name belongs to one handler.`, { method: name });
      }
      merged[name] = handler;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

/** The reads whose answers a change to `topics` may alter ('all': every read). */
export function readsAffectedBy(handlers: HandlerMap, topics: readonly Topic[] | 'all'): string[] | 'all' {
  if (topics === 'all') return 'all';
  return Object.entries(handlers)
    .filter(([, h]) => h.kind === 'read' && h.deps.some((d) => topics.includes(d)))
    .map(([name]) => name)
    .sort();
}
