/**
 * The messages page and worker exchange, and nothing else: requests,
 * responses, the notices the worker pushes and the page's visibility. The worker imports this
 * module; it never imports the contract (src/rpc/contract.ts), which is
 * derived from the worker's handler map. So the one crossing between rpc and
 * worker at the type level is the contract's `typeof handlers`, and there is
 * no cycle.
 */
import type { ErrorPayload } from '../errors';

export interface RpcRequest {
  kind: 'request';
  id: number;
  /** A handler's name (the contract's `Method`; plain text on the wire). */
  method: string;
  params: unknown;
}

export type RpcResponse =
  | { kind: 'response'; id: number; ok: true; result: unknown }
  | { kind: 'response'; id: number; ok: false; error: ErrorPayload };

export type WorkerRole = 'starting' | 'writer' | 'follower' | 'outdated';

/** Pushed by the worker without a request. */
export type WorkerNotice =
  /**
   * A commit landed durably; open screens refresh. `reads` names the reads whose
   * answers may have changed ('all': anything may have, after a restore or a
   * migration); a screen's Query reloads when its read is among them. `tables`
   * lists what was written (empty: unknown), for diagnostics; `seq` is the
   * commit's position in the log.
   */
  | { type: 'changed'; reads: string[] | 'all'; tables: string[]; seq?: number }
  /**
   * Where this tab's worker stands: starting, writing itself, forwarding to another tab's writer, or
   * outdated (another tab runs a newer version: this one must reload, and refuses every request).
   * `waiting`: a follower whose writer tab has not answered for a while (asleep in the background).
   */
  | { type: 'status'; role: WorkerRole; message?: string; waiting?: boolean }
  /** Something the user must hear about that no request asked for (recovery report, storage trouble). */
  | { type: 'problem'; error: ErrorPayload }
  /**
   * How far a long request (a large import) has got, sent while it runs; `key` is the one the
   * page gave the request, so its progress bar follows only its own.
   */
  | { type: 'progress'; key: string; phase: string; done: number; total: number };

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
