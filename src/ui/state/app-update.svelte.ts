/**
 * A new version of the app is waiting (the service worker has it). The app
 * offers it with a banner and never reloads by itself: the baker may be in
 * the middle of a purchase. `offer` is called by the platform's update hook
 * with the function that activates the new version and reloads.
 */
export class AppUpdate {
  available = $state(false);
  private activate: (() => void) | null = null;

  offer(activate: () => void): void {
    this.activate = activate;
    this.available = true;
  }

  apply(): void {
    this.activate?.();
  }

  postpone(): void {
    this.available = false;
  }

  /**
   * Reloads onto the newest version: through the waiting service worker if there is one (another tab
   * may have updated without it taking over this tab yet), otherwise a plain reload fetches it.
   */
  reload(): void {
    if (this.activate) this.activate();
    else window.location.reload();
  }
}
