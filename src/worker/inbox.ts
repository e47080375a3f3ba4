/**
 * The page's messages to a worker whose main code is still loading. The
 * worker's entry is kept tiny so it can start slow work at once (see
 * db.worker.ts) and loads the rest with a dynamic import; a message that
 * arrived meanwhile would find no listener and be lost, so the entry listens
 * from its first line and this inbox keeps what came until the main code
 * takes over, then hands it everything in arrival order.
 */
export interface Inbox {
  /** From now on `handler` gets every message, those kept first. */
  deliverTo(handler: (message: unknown) => void): void;
}

export function holdMessages(scope: DedicatedWorkerGlobalScope): Inbox {
  const kept: unknown[] = [];
  let deliver: ((message: unknown) => void) | null = null;
  scope.addEventListener('message', (event: MessageEvent) => {
    if (deliver) deliver(event.data);
    else kept.push(event.data);
  });
  return {
    deliverTo(handler) {
      deliver = handler;
      for (const message of kept.splice(0)) handler(message);
    },
  };
}
