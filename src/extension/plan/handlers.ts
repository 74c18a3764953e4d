/**
 * The message handlers for the plan: the popup's view, Plan week, the runner's decisions about
 * each session, re-planning after a calendar change, re-tagging an event, and Download .ics.
 */
import { exportIcs } from '../../calendar/export-ics';
import { checkSessions } from '../../core/plan/check-sessions';
import { dateInZone, startOfWeek } from '../../core/time';
import type { ServiceContext } from '../deps';
import type { Handlers } from '../messaging';
import type { PrefsStore } from '../prefs/store';
import { retagFor } from '../retag';
import { moveToAlternative, swapExercise, weekOf } from '../sessions';
import type { SourceSync } from '../sources/sync';
import { planItem, raceChoicesItem, retagsItem } from '../storage';
import type { StoredSession } from '../storage';
import { loadCalendar } from './calendar';
import type { PlanStore } from './store';

export interface PlanHandlerContext extends Pick<ServiceContext, 'serial' | 'now'> {
  prefs: PrefsStore;
  store: PlanStore;
  sources: SourceSync;
}

type PlanHandlers = Pick<
  Handlers,
  | 'getView'
  | 'planWeek'
  | 'acceptSession'
  | 'skipSession'
  | 'resetSession'
  | 'acceptWeek'
  | 'moveSession'
  | 'swapExercise'
  | 'replan'
  | 'retagEvent'
  | 'setRaceChoice'
  | 'exportIcs'
>;

/** Sets one session's status; back to a suggestion also forgets a re-plan's move and Google's deletion. */
function setStatus(sessionId: string, status: StoredSession['status']) {
  return (sessions: StoredSession[]) => {
    if (!sessions.some((s) => s.id === sessionId))
      throw new Error(`No session "${sessionId}": plan the week again`);
    return sessions.map((s) => {
      if (s.id !== sessionId) return s;
      const { deletedInGoogle: _deleted, ...rest } = s;
      return status === 'suggested' ? { ...rest, status, moved: false } : { ...s, status };
    });
  };
}

export function createPlanHandlers(ctx: PlanHandlerContext): PlanHandlers {
  const { serial, now, prefs: prefsStore, store, sources } = ctx;

  return {
    getView: ({ refresh }) =>
      serial(async () => {
        const prefs = await prefsStore.load();
        if (refresh && (await sources.isStale(prefs))) {
          await sources.sync(prefs);
          return store.inputsChanged(prefs);
        }
        return store.rebuildView(prefs);
      }),

    planWeek: ({ weekStart }) =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const week = startOfWeek(weekStart, prefs.weekStartsOn);
        if (await sources.isStale(prefs)) await sources.sync(prefs);
        await store.replanWeeks(prefs, [week], true);
        return store.rebuildView(prefs);
      }),

    acceptSession: ({ sessionId }) =>
      serial(() => store.updateSessions(setStatus(sessionId, 'accepted'))),
    skipSession: ({ sessionId }) =>
      serial(() => store.updateSessions(setStatus(sessionId, 'skipped'))),
    resetSession: ({ sessionId }) =>
      serial(() => store.updateSessions(setStatus(sessionId, 'suggested'))),

    acceptWeek: ({ weekStart }) =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const week = startOfWeek(weekStart, prefs.weekStartsOn);
        return store.updateSessions((sessions) =>
          sessions.map((s) =>
            s.status === 'suggested' && weekOf(s, prefs) === week
              ? { ...s, status: 'accepted' }
              : s,
          ),
        );
      }),

    moveSession: ({ sessionId, alternative }) =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const { events } = await loadCalendar();
        return store.updateSessions((sessions) =>
          moveToAlternative(sessions, sessionId, alternative, events, prefs, now()),
        );
      }),

    swapExercise: ({ sessionId, from, to }) =>
      serial(() =>
        store.updateSessions((sessions) => swapExercise(sessions, sessionId, { from, to })),
      ),

    replan: () =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const { events } = await loadCalendar();
        const state = await planItem.getValue();
        const accepted = state.sessions.filter((s) => s.status === 'accepted');
        const broken = checkSessions({
          events,
          prefs,
          sessions: accepted,
          notBefore: now(),
        }).filter((c) => c.problem);
        const weeks = [
          ...new Set(
            broken.map((c) => weekOf(accepted.find((s) => s.id === c.id) ?? { start: 0 }, prefs)),
          ),
        ];
        await store.replanWeeks(prefs, weeks, false);
        return store.rebuildView(prefs);
      }),

    retagEvent: (input) =>
      serial(async () => {
        // Stored ids carry their calendar's prefix; series re-tags key on the UID.
        const key = input.series ? input.uid : input.eventId;
        const cleared = new Set(input.retag === null ? [key, input.eventId] : [key]);
        const retags = Object.fromEntries(
          Object.entries(await retagsItem.getValue()).filter(([k]) => !cleared.has(k)),
        );
        if (input.retag !== null) retags[key] = retagFor(input.retag);
        await retagsItem.setValue(retags);
        return store.inputsChanged(await prefsStore.load());
      }),

    setRaceChoice: ({ eventId, choice }) =>
      serial(async () => {
        const { [eventId]: _old, ...choices } = await raceChoicesItem.getValue();
        await raceChoicesItem.setValue(
          choice === null ? choices : { ...choices, [eventId]: choice },
        );
        return store.inputsChanged(await prefsStore.load());
      }),

    exportIcs: () =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const { sessions } = await planItem.getValue();
        const accepted = sessions.filter((s) => s.status === 'accepted');
        const at = now();
        return {
          filename: `ironstride-strength-${dateInZone(at, prefs.timezone)}.ics`,
          text: exportIcs(accepted, { timezone: prefs.timezone, now: at }),
          count: accepted.length,
        };
      }),
  };
}
