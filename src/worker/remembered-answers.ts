/**
 * Remembered answers: the first screens' reads (the pantry's ingredient
 * tree, the dashboard's reads: handlers declared with `rememberedRead`) are
 * kept in IndexedDB with the seq of the state they were read at. On the
 * next cold start the writer gives such a read its remembered answer as
 * soon as the log has been read, before the checkpoint's image is read,
 * checked and opened in SQLite, which at 10 MB is most of the cold start.
 *
 * An answer is given only when it is exactly what SQLite would answer:
 * - the same read with the same parameters, by the same build of the app
 *   (two builds of one version may answer differently: BUILD_ID);
 * - the stored state ends at the seq it was read at: the log after the
 *   newest checkpoint is whole (contiguous, every record intact) and ends
 *   there. Seqs only grow and every change is a new seq (a restore too), so
 *   the same seq is the same state; a repair that takes records out of the
 *   log forgets every answer first (Writer.load), since later seqs are then
 *   given again;
 * - no write was asked for before it in this opening (it would be answered
 *   after that write, so the write must come first).
 * If the opening then ends anywhere else (a record that fails to replay, a
 * migration), every screen is told to read again.
 */
import { BUILD_ID } from '../rpc/app-version';
import { markStartup } from '../rpc/startup-marks';
import type { RpcRequest, RpcResponse } from '../rpc/wire';
import type { RememberedAtOpening } from '../persistence/first-reads';
import type { RememberedAnswer } from '../persistence/records';
import { handlers } from './handlers';
import type { AnyHandler, HandlerMap } from './handlers/define';

/** The read and its parameters: what a remembered answer is kept under. */
export function answerKey(request: Pick<RpcRequest, 'method' | 'params'>): string {
  return `${answerFamily(request.method)}${JSON.stringify(request.params ?? null)}`;
}

/** The start of every key of one read's answers: one is kept per read (the latest parameters). */
export function answerFamily(method: string): string {
  return `${method} `;
}

function handlerOf(method: string, map: HandlerMap): AnyHandler | undefined {
  return Object.hasOwn(map, method) ? map[method] : undefined;
}

/** Whether this request's answer is kept for the next cold start. */
export function isRemembered(request: Pick<RpcRequest, 'method' | 'params'>, map: HandlerMap = handlers): boolean {
  const handler = handlerOf(request.method, map);
  if (handler?.kind !== 'read' || !handler.remember) return false;
  try {
    return handler.remember(request.params as never);
  } catch {
    return false;
  }
}

/**
 * What an opening answers from memory, request by request in arrival order, until it has opened
 * (`close`). `answer` gives the response, or null: the request is then served the usual way.
 */
export class OpeningAnswers {
  private writeAsked = false;
  private open = true;
  /** Settles when the opening is done: a read still waiting for the remembered answers then gets none. */
  private readonly closed: Promise<null>;
  private settleClosed!: () => void;
  /** The seq the remembered answers given were read at; null while none was given. */
  servedAt: number | null = null;

  constructor(
    private readonly remembered: Promise<RememberedAtOpening | null>,
    private readonly build: string = BUILD_ID,
    private readonly map: HandlerMap = handlers,
  ) {
    remembered.catch(() => undefined);
    this.closed = new Promise<void>((resolve) => (this.settleClosed = resolve)).then(() => null);
  }

  /**
   * Every request goes through here, in arrival order, even one that may not be answered from memory
   * (a retried or older tab's request): a write among them must still stop the reads after it.
   */
  answer(request: RpcRequest): Promise<RpcResponse | null> | null {
    if (!this.open || this.writeAsked) return null;
    const handler = handlerOf(request.method, this.map);
    if (handler?.kind !== 'read') {
      // A write (or what may be one) comes first: no read after it is answered from memory.
      this.writeAsked = true;
      return null;
    }
    if (!isRemembered(request, this.map)) return null;
    const key = answerKey(request);
    const lookup = this.remembered.then(
      (at) => {
        if (!this.open || !at || at.seq === null) return null;
        const found = at.answers.find((a) => a.key === key && a.build === this.build && a.seq === at.seq);
        if (!found) return null;
        this.servedAt = found.seq;
        markStartup('answer-remembered');
        return { kind: 'response', id: request.id, ok: true, result: found.result } satisfies RpcResponse;
      },
      () => null,
    );
    // Never longer than the opening: if the answers' read never settled, SQLite answers once open.
    return Promise.race([lookup, this.closed]);
  }

  /** The opening is done (or failed): from now on SQLite answers everything. */
  close(): void {
    this.open = false;
    this.settleClosed();
  }

  /** The answers this opening found, to remember only what changed. */
  async found(): Promise<RememberedAnswer[]> {
    return (await this.remembered.catch(() => null))?.answers ?? [];
  }
}
