/** The runner's preferences as the planner uses them: the stored input, validated, defaults filled. */
import {
  defaultWeightUnitFor,
  parsePreferences,
  PreferencesError,
  preferencesSchema,
} from '../../core/prefs';
import type { Preferences, PreferencesInput } from '../../core/prefs';
import { DEFAULT_TEXT_STYLE, textStyleFor } from '../../core/text-style';
import type { TextStyle } from '../../core/text-style';
import { prefsItem } from '../storage';

export interface PrefsStore {
  /** The stored preferences, or the defaults when they no longer validate. */
  load: () => Promise<Preferences>;
  /** The stored input for the options page's form; nothing when it no longer validates. */
  stored: () => Promise<PreferencesInput>;
  /** The browser's IANA zone, used when the preferences name none. */
  browserTimeZone: () => string;
  /** Checks raw preferences as `load` reads them; throws {@link PreferencesError}. */
  parse: (raw: unknown) => Preferences;
  /** How times and dates read for this runner: the browser's language. */
  text: () => TextStyle;
}

export function createPrefsStore(
  browserTimeZone: () => string,
  browserLanguage: () => string | undefined = () => undefined,
): PrefsStore {
  const parse = (raw: unknown) =>
    parsePreferences(raw, {
      defaultTimezone: browserTimeZone(),
      defaultWeightUnit: defaultWeightUnitFor(browserLanguage()),
    });
  return {
    browserTimeZone,
    parse,
    text: () => {
      const language = browserLanguage();
      return language ? textStyleFor(language) : DEFAULT_TEXT_STYLE;
    },
    async stored() {
      const raw = await prefsItem.getValue();
      // The same fallback as `load`: the form then shows the defaults the planner uses.
      return preferencesSchema.safeParse(raw).success ? raw : {};
    },
    async load() {
      const raw = await prefsItem.getValue();
      try {
        return parse(raw);
      } catch (error) {
        // Stored preferences were validated on save; if an older version left something odd,
        // plan with the defaults rather than not at all.
        if (error instanceof PreferencesError) return parse({});
        throw error;
      }
    },
  };
}
