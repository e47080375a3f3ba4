/**
 * Brief confirmations ("Purchase saved") shown at the bottom of the screen.
 * They announce themselves to screen readers through a polite live region
 * and go away on their own; one can carry a link to what was just made, or
 * an action (Undo) it then stays long enough to reach.
 */
const visibleMs = 4000;
const withActionMs = 10_000;

interface Toast {
  id: number;
  message: string;
  tone: 'ok' | 'error';
  link?: { href: string; label: string };
  action?: { label: string; run: () => void };
}

export class Toasts {
  items = $state<Toast[]>([]);
  private nextId = 1;

  show(message: string, options: { tone?: Toast['tone']; link?: Toast['link']; action?: Toast['action'] } = {}): void {
    const toast: Toast = { id: this.nextId++, message, tone: options.tone ?? 'ok', link: options.link, action: options.action };
    this.items = [...this.items.slice(-2), toast];
    setTimeout(() => this.dismiss(toast.id), toast.action ? withActionMs : visibleMs);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}
