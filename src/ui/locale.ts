/**
 * The one locale the screens format in. Browsers report the device's
 * languages, and not always usably: WebKit on a Linux machine set to LANG=C
 * reports "C", which is no language tag, and its Intl then defaults to the
 * POSIX variant of en-US, where money reads "$ 1691.86". So the first of the
 * browser's languages that Intl can format in is taken, a POSIX variant is
 * dropped, and with none usable it falls back to Intl's own default (also
 * without the POSIX variant), then to en-US.
 */

const POSIX_VARIANT = /-u-va-posix\b/i;
const FALLBACK = 'en-US';

/** A reported language as a tag Intl can read ("en_US.UTF-8" -> "en-US"), or null when it is none. */
function canonical(reported: string): string | null {
  const tag = reported.split(/[.@]/)[0]!.replace(/_/g, '-').replace(POSIX_VARIANT, '');
  if (/^(c|posix)$/i.test(tag)) return null;
  try {
    const [canonicalTag] = Intl.getCanonicalLocales(tag);
    if (!canonicalTag || Intl.NumberFormat.supportedLocalesOf(canonicalTag).length === 0) return null;
    return canonicalTag;
  } catch {
    return null;
  }
}

/** The first usable locale among `reported` (a browser's languages, best first), else a sensible default. */
export function usableLocale(reported: readonly string[], intlDefault: string = new Intl.NumberFormat().resolvedOptions().locale): string {
  for (const language of reported) {
    const tag = canonical(language);
    if (tag) return tag;
  }
  return canonical(intlDefault) ?? FALLBACK;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** This device's locale for every number, amount of money and date on screen. */
export const LOCALE: string = usableLocale(browserLanguages());
