/**
 * When a writer tab left in the background gives up the database. A hidden
 * tab may be frozen by the browser at any moment, its worker with it, and
 * would then hold the writer lock while the tab the baker is using waits. So
 * once this tab has been hidden for HANDOVER_POLICY.hiddenMs and a tab that
 * is on screen asks it for something, it hands over (immediately if it has
 * been hidden long enough, else when it has). Shown again before that, it
 * keeps the lock.
 */
import { HANDOVER_POLICY } from '../persistence/policy';

export class BackgroundWatch {
  private hiddenSince: number | null = null;
  private claimed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly handOver: () => void,
    private readonly hiddenMs: number = HANDOVER_POLICY.hiddenMs,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** This tab's page was hidden or shown. */
  setHidden(hidden: boolean): void {
    if (hidden) {
      this.hiddenSince ??= this.now();
      return;
    }
    this.hiddenSince = null;
    this.claimed = false;
    this.stop();
  }

  /** A tab on screen sent this writer a request. */
  claim(): void {
    if (this.hiddenSince === null) return;
    this.claimed = true;
    const due = this.hiddenSince + this.hiddenMs - this.now();
    if (due <= 0) this.fire();
    else this.timer ??= setTimeout(() => this.fire(), due);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.stop();
    if (this.hiddenSince === null || !this.claimed) return;
    this.claimed = false;
    this.handOver();
  }
}
