/**
 * Brief confirmations ("Purchase saved") shown at the bottom of the screen,
 * one at a time: a new one replaces the one showing, so they never stack up
 * over the screen. They announce themselves to screen readers through a
 * polite live region and go away on their own; one can carry a link to what
 * was just made, or an action (Undo), and then stays a little longer. While
 * a finger, the pointer or keyboard focus is on it, it stays put.
 */
const visibleMs = 4000;
const withActionMs = 6000;
/** After the pointer or focus leaves it, long enough to read the rest. */
const afterPauseMs = 2500;

export interface Toast {
  id: number;
  message: string;
  tone: 'ok' | 'error';
  link?: { href: string; label: string };
  action?: { label: string; run: () => void };
}

export class Toasts {
  current = $state<Toast | null>(null);
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | undefined;

  show(message: string, options: { tone?: Toast['tone']; link?: Toast['link']; action?: Toast['action'] } = {}): void {
    this.current = { id: this.nextId++, message, tone: options.tone ?? 'ok', link: options.link, action: options.action };
    this.hideIn(options.action ? withActionMs : visibleMs);
  }

  dismiss(id: number): void {
    if (this.current?.id !== id) return;
    clearTimeout(this.timer);
    this.current = null;
  }

  /** Holds the toast while it is being read or reached for. */
  pause(): void {
    clearTimeout(this.timer);
  }

  resume(): void {
    if (this.current) this.hideIn(afterPauseMs);
  }

  private hideIn(ms: number): void {
    clearTimeout(this.timer);
    const id = this.current!.id;
    this.timer = setTimeout(() => this.dismiss(id), ms);
  }
}
