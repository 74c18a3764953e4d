/** The message handlers for the options page's settings and the runner's preferences. */
import { PreferencesError, preferencesSchema } from '../../core/prefs';
import type { ServiceContext } from '../deps';
import type { Handlers } from '../messaging';
import type { PlanStore } from '../plan/store';
import type { SourceSync } from '../sources/sync';
import { prefsItem } from '../storage';
import type { PrefsStore } from './store';

export interface PrefsHandlerContext extends Pick<ServiceContext, 'serial'> {
  prefs: PrefsStore;
  store: PlanStore;
  sources: SourceSync;
}

type PrefsHandlers = Pick<Handlers, 'getSettings' | 'savePrefs'>;

export function createPrefsHandlers(ctx: PrefsHandlerContext): PrefsHandlers {
  const { serial, prefs: prefsStore, store, sources } = ctx;

  return {
    getSettings: () =>
      serial(async () => ({
        sources: await sources.summaries(),
        prefs: await prefsStore.stored(),
        browserTimeZone: prefsStore.browserTimeZone(),
      })),

    savePrefs: (data) =>
      serial(async () => {
        try {
          prefsStore.parse(data);
        } catch (error) {
          if (error instanceof PreferencesError)
            return { ok: false as const, issues: [...error.issues] };
          throw error;
        }
        const before = await prefsStore.load();
        await prefsItem.setValue(preferencesSchema.parse(data));
        const prefs = await prefsStore.load();
        // A new zone or week start moves the range the calendars must cover.
        if (prefs.timezone !== before.timezone || prefs.weekStartsOn !== before.weekStartsOn)
          await sources.sync(prefs);
        await store.inputsChanged(prefs);
        return { ok: true as const };
      }),
  };
}
