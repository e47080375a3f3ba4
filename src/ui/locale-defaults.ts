/**
 * Defaults a device's locale suggests: the currency ("en-GB" -> GBP), used
 * until the baker picks one in Settings, and the weight unit a new product's
 * package is most likely sold in (lb in the US, kg elsewhere). Intl can format
 * any currency but cannot say which one a region uses, hence this short table
 * of regions; anywhere not listed falls back to USD, which Settings can change.
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

const FALLBACK_CURRENCY = 'USD';

function regionOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

export function currencyForLocale(locale: string): string {
  const region = regionOf(locale);
  return (region && REGION_CURRENCY[region]) || FALLBACK_CURRENCY;
}

/** Regions that still sell baking goods by the pound. */
const POUND_REGIONS = new Set(['US', 'LR', 'MM']);

export function packageWeightUnitForLocale(locale: string): 'lb' | 'kg' {
  return POUND_REGIONS.has(regionOf(locale) ?? '') ? 'lb' : 'kg';
}

/** Currencies offered first in Settings; any other ISO code can still be typed. */
export const COMMON_CURRENCIES = ['USD', 'CAD', 'EUR', 'GBP', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY', 'MXN', 'BRL', 'INR', 'ZAR'];
