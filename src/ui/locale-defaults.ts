/**
 * The currency a device's locale suggests ("en-GB" -> GBP), used as the
 * default until the baker picks one in Settings. Intl can format any currency
 * but cannot say which one a region uses, hence this short table of regions;
 * anywhere not listed falls back to USD, which Settings lets the baker change.
 */
const EURO_REGIONS = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK AD MC SM VA ME XK'.split(' ');

const REGION_CURRENCY: Record<string, string> = {
  US: 'USD', CA: 'CAD', MX: 'MXN', BR: 'BRL', AR: 'ARS', CL: 'CLP', CO: 'COP', PE: 'PEN',
  GB: 'GBP', IE: 'EUR', CH: 'CHF', LI: 'CHF', NO: 'NOK', SE: 'SEK', DK: 'DKK', IS: 'ISK',
  PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', BG: 'BGN', RS: 'RSD', UA: 'UAH', TR: 'TRY', RU: 'RUB',
  AU: 'AUD', NZ: 'NZD', JP: 'JPY', CN: 'CNY', HK: 'HKD', TW: 'TWD', KR: 'KRW', SG: 'SGD',
  IN: 'INR', PK: 'PKR', ID: 'IDR', MY: 'MYR', TH: 'THB', PH: 'PHP', VN: 'VND',
  IL: 'ILS', AE: 'AED', SA: 'SAR', EG: 'EGP', ZA: 'ZAR', NG: 'NGN', KE: 'KES', MA: 'MAD',
  ...Object.fromEntries(EURO_REGIONS.map((r) => [r, 'EUR'])),
};

export const FALLBACK_CURRENCY = 'USD';

export function currencyForLocale(locale: string): string {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return (region && REGION_CURRENCY[region]) || FALLBACK_CURRENCY;
  } catch {
    return FALLBACK_CURRENCY;
  }
}

/** Currencies offered first in Settings; any other ISO code can still be typed. */
export const COMMON_CURRENCIES = ['USD', 'CAD', 'EUR', 'GBP', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY', 'MXN', 'BRL', 'INR', 'ZAR'];
