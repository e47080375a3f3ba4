/** Whether the device says it is online. Offline is normal here: the app only shows a small marker. */
export class Connectivity {
  online = $state(navigator.onLine);

  constructor() {
    window.addEventListener('online', () => (this.online = true));
    window.addEventListener('offline', () => (this.online = false));
  }
}
