/**
 * The typed RPC contract shared by page and worker, derived from the worker's
 * handler map, plus the wire messages. Only types cross this module into the
 * UI; nothing here runs.
 */
import type { ErrorPayload } from '../errors';
import type { Handlers } from '../worker/handlers';

export type Method = keyof Handlers & string;
export type ParamsOf<M extends Method> = Parameters<Handlers[M]>[1];
export type ResultOf<M extends Method> = Awaited<ReturnType<Handlers[M]>>;

export interface RpcRequest {
  kind: 'request';
  id: number;
  method: Method;
  params: unknown;
}

export type RpcResponse =
  | { kind: 'response'; id: number; ok: true; result: unknown }
  | { kind: 'response'; id: number; ok: false; error: ErrorPayload };

export type WorkerRole = 'starting' | 'writer' | 'follower' | 'outdated';

/** Pushed by the worker without a request. */
export type WorkerNotice =
  /**
   * A commit landed durably; open screens refresh. `tables` lists what was written
   * (empty: anything may have changed); `seq` is the commit's position in the log.
   */
  | { type: 'changed'; tables: string[]; seq?: number }
  /**
   * Where this tab's worker stands: starting, writing itself, forwarding to another tab's writer, or
   * outdated (another tab runs a newer version: this one must reload, and refuses every request).
   * `waiting`: a follower whose writer tab has not answered for a while (asleep in the background).
   */
  | { type: 'status'; role: WorkerRole; message?: string; waiting?: boolean }
  /** Something the user must hear about that no request asked for (recovery report, storage trouble). */
  | { type: 'problem'; error: ErrorPayload };

export interface RpcNotice {
  kind: 'notice';
  notice: WorkerNotice;
}

export type WorkerMessage = RpcResponse | RpcNotice;

/** The page tells its worker when it is hidden or shown: a writer left in the background hands over. */
export interface VisibilityMessage {
  kind: 'visibility';
  hidden: boolean;
}

export type PageMessage = RpcRequest | VisibilityMessage;
