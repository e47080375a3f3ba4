/**
 * The page side of the RPC: `call(method, params)` returns a promise of the
 * typed result; replies are matched by id; errors come back as AppError with
 * their code, message and details. Calls made before the worker is ready
 * simply wait in the worker. Binary values in params (a backup file) are
 * transferred to the worker, not copied; binary results come back the same
 * way. The client remembers the worker's last status and problem, so a
 * screen created later can still show them.
 */
import { AppError } from '../errors';
import type { Method, ParamsOf, ResultOf } from './contract';
import type { RpcRequest, WorkerMessage, WorkerNotice } from './wire';
import { transferablesOf } from './transfer';

export interface MessagePortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: AppError) => void };
type StatusNotice = Extract<WorkerNotice, { type: 'status' }>;
type ProblemNotice = Extract<WorkerNotice, { type: 'problem' }>;

export class RpcClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly noticeListeners = new Set<(notice: WorkerNotice) => void>();
  /** The worker's last 'status' notice (starting until it says otherwise). */
  lastStatus: StatusNotice = { type: 'status', role: 'starting' };
  /** The last 'problem' notice, if any. */
  lastProblem: ProblemNotice | null = null;

  constructor(private readonly port: MessagePortLike) {
    port.addEventListener('message', (event) => this.receive(event.data as WorkerMessage));
  }

  call<M extends Method>(method: M, ...args: ParamsOf<M> extends void ? [] : [ParamsOf<M>]): Promise<ResultOf<M>> {
    const id = this.nextId++;
    const request: RpcRequest = { kind: 'request', id, method, params: args[0] };
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.postMessage(request, transferablesOf(args[0]));
    });
  }

  onNotice(listener: (notice: WorkerNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'notice') {
      if (message.notice.type === 'status') this.lastStatus = message.notice;
      if (message.notice.type === 'problem') this.lastProblem = message.notice;
      for (const listener of this.noticeListeners) listener(message.notice);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(AppError.fromPayload(message.error));
  }
}
