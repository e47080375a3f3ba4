/**
 * The typed RPC contract, derived from the worker's handler map: which
 * methods exist, what each takes and what it answers. Only types cross this
 * module into the UI; nothing here runs. It is the one module of src/rpc that
 * looks into src/worker, and nothing in src/worker imports it (the wire
 * messages are in ./wire.ts), so the two never form a cycle.
 */
import type { Handlers } from '../worker/handlers';

export type Method = keyof Handlers & string;
export type ParamsOf<M extends Method> = Parameters<Handlers[M]>[1];
export type ResultOf<M extends Method> = Awaited<ReturnType<Handlers[M]>>;
