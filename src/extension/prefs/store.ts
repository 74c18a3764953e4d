/** The runner's preferences as the planner uses them: the stored input, validated, defaults filled. */
import { parsePreferences, PreferencesError, preferencesSchema } from '../../core/prefs';
import type { Preferences, PreferencesInput } from '../../core/prefs';
import { prefsItem } from '../storage';

export interface PrefsStore {
  /** The stored preferences, or the defaults when they no longer validate. */
  load: () => Promise<Preferences>;
  /** The stored input for the options page's form; nothing when it no longer validates. */
  stored: () => Promise<PreferencesInput>;
  /** The browser's IANA zone, used when the preferences name none. */
  browserTimeZone: () => string;
}

export function createPrefsStore(browserTimeZone: () => string): PrefsStore {
  return {
    browserTimeZone,
    async stored() {
      const raw = await prefsItem.getValue();
      // The same fallback as `load`: the form then shows the defaults the planner uses.
      return preferencesSchema.safeParse(raw).success ? raw : {};
    },
    async load() {
      const raw = await prefsItem.getValue();
      try {
        return parsePreferences(raw, { defaultTimezone: browserTimeZone() });
      } catch (error) {
        // Stored preferences were validated on save; if an older version left something odd,
        // plan with the defaults rather than not at all.
        if (error instanceof PreferencesError)
          return parsePreferences({}, { defaultTimezone: browserTimeZone() });
        throw error;
      }
    },
  };
}
