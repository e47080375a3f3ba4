/**
 * The page's messages to a worker whose main code is still loading. The
 * worker's entry is small so that it starts the slow work at once (see
 * db.worker.ts) and loads the rest with a dynamic import; a message that
 * arrived meanwhile would find no listener and be lost. So the entry
 * listens from its first task, and this inbox keeps what came until the
 * main code takes over, then hands it everything in arrival order.
 */
export interface Inbox {
  /** From now on `handler` gets every message, the kept ones first. */
  deliverTo(handler: (message: unknown) => void): void;
}

export function holdMessages(scope: Pick<EventTarget, 'addEventListener'>): Inbox {
  const kept: unknown[] = [];
  let deliver: ((message: unknown) => void) | null = null;
  scope.addEventListener('message', (event) => {
    const { data } = event as MessageEvent;
    if (deliver) deliver(data);
    else kept.push(data);
  });
  return {
    deliverTo(handler) {
      deliver = handler;
      for (const message of kept.splice(0)) handler(message);
    },
  };
}
