/**
 * The message handlers for the calendars the runner added by hand (feeds and .ics files): add,
 * rename or re-role, remove, and Sync now. Google's calendars are added in `google/handlers.ts`.
 */
import type { ServiceContext } from '../deps';
import { googleSyncItem, loadGoogleSyncStates } from '../google/storage';
import type { Handlers } from '../messaging';
import type { PlanStore } from '../plan/store';
import type { PrefsStore } from '../prefs/store';
import { eventsItem, sourcesItem } from '../storage';
import type { SourceEvents } from '../storage';
import { describeSourceError, newSource, summarizeSource } from './read-source';
import type { SourceSync } from './sync';

export interface SourceHandlerContext extends ServiceContext {
  prefs: PrefsStore;
  store: PlanStore;
  sources: SourceSync;
}

type SourceHandlers = Pick<Handlers, 'addSource' | 'updateSource' | 'removeSource' | 'syncNow'>;

/** `record` without the entry for `id`. */
function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== id));
}

export function createSourceHandlers(ctx: SourceHandlerContext): SourceHandlers {
  const { serial, prefs: prefsStore, store, sources } = ctx;

  return {
    addSource: (data) =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const source = newSource(data, ctx.newId(), ctx.now());
        let events: SourceEvents;
        try {
          events = await sources.readIcsSource(source, prefs);
        } catch (error) {
          throw new Error(`Could not add ${source.name}: ${describeSourceError(error)}`, {
            cause: error,
          });
        }
        await sourcesItem.setValue([...(await sourcesItem.getValue()), source]);
        await eventsItem.setValue({ ...(await eventsItem.getValue()), [source.id]: events });
        await store.inputsChanged(prefs);
        return summarizeSource(source, events);
      }),

    updateSource: (input) =>
      serial(async () => {
        const all = await sourcesItem.getValue();
        const source = all.find((s) => s.id === input.id);
        if (!source) throw new Error('That calendar was removed');
        const updated = {
          ...source,
          ...(input.name ? { name: input.name } : {}),
          ...(input.role ? { role: input.role } : {}),
        };
        await sourcesItem.setValue(all.map((s) => (s.id === input.id ? updated : s)));
        await store.inputsChanged(await prefsStore.load());
        return summarizeSource(updated, (await eventsItem.getValue())[updated.id]);
      }),

    removeSource: ({ id }) =>
      serial(async () => {
        await sourcesItem.setValue((await sourcesItem.getValue()).filter((s) => s.id !== id));
        await eventsItem.setValue(without(await eventsItem.getValue(), id));
        await googleSyncItem.setValue(without(await loadGoogleSyncStates(), id));
        await store.inputsChanged(await prefsStore.load());
      }),

    syncNow: () =>
      serial(async () => {
        const prefs = await prefsStore.load();
        await sources.sync(prefs);
        await store.rebuildView(prefs);
        return sources.summaries();
      }),
  };
}
