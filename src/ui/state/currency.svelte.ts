/**
 * The currency money is shown in. It is a setting in the database (so it
 * travels with a backup); until the baker picks one, the device's locale
 * suggests it. Reloads when any tab changes the settings.
 */
import type { RpcClient } from '../../rpc/client';
import { LOCALE } from '../locale';
import { currencyForLocale } from '../locale-defaults';

export class Currency {
  code = $state(currencyForLocale(LOCALE));
  /** The baker (or a first-run choice) saved a currency; false while the locale's suggestion is shown. */
  chosen = $state(false);

  constructor(private readonly rpc: RpcClient) {
    void this.load();
    rpc.onNotice((notice) => {
      if (notice.type === 'changed' && (notice.reads === 'all' || notice.reads.includes('settings.get'))) void this.load();
    });
  }

  private async load(): Promise<void> {
    const settings = await this.rpc.call('settings.get');
    this.chosen = settings.currencyChosen;
    if (settings.currencyChosen) this.code = settings.currency;
  }

  /** Saves the locale's suggestion if the baker never chose, so every tab and backup agrees on it. */
  async settle(): Promise<void> {
    const settings = await this.rpc.call('settings.get');
    if (!settings.currencyChosen) await this.choose(currencyForLocale(LOCALE));
  }

  async choose(code: string): Promise<void> {
    const settings = await this.rpc.call('settings.update', { currency: code });
    this.code = settings.currency;
    this.chosen = settings.currencyChosen;
  }
}
