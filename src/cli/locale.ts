/**
 * The runner's locale on the command line: the POSIX locale variables, as every other command
 * reads them. Unset, `C` or `POSIX` means no preference, and Ironstride's default style (24-hour
 * clock, day before month, kilograms) applies.
 */
import { defaultWeightUnitFor } from '../core/prefs';
import type { WeightUnit } from '../core/prefs';
import { DEFAULT_TEXT_STYLE, textStyleFor } from '../core/text-style';
import type { TextStyle } from '../core/text-style';

/** `en_US.UTF-8` → `en-US`; undefined when the environment names no locale. */
export function localeFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const raw = env.LC_ALL || env.LC_TIME || env.LANG || '';
  const name = raw.split(/[.@]/)[0] ?? '';
  if (name === '' || name === 'C' || name === 'POSIX') return undefined;
  const locale = name.replace('_', '-');
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/** How the CLI writes times and dates, and the weight unit it defaults to, for this locale. */
export function cliLocale(env: Readonly<Record<string, string | undefined>>): {
  text: TextStyle;
  weightUnit: WeightUnit;
} {
  const locale = localeFromEnv(env);
  return locale
    ? { text: textStyleFor(locale), weightUnit: defaultWeightUnitFor(locale) }
    : { text: DEFAULT_TEXT_STYLE, weightUnit: 'kg' };
}
