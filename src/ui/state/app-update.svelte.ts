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
}
