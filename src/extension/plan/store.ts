/**
 * The runner's plan in storage, and the popup view made from it. Every change of what planning
 * reads (a calendar, a re-tag, the preferences) or of the runner's decisions goes through here,
 * so the view, the badge and the feed's automatic publish always follow the stored plan.
 */
import { checkSessions } from '../../core/plan/check-sessions';
import { planWeeks } from '../../core/plan';
import type { PlanResult } from '../../core/plan';
import type { Preferences } from '../../core/prefs';
import type { DateString } from '../../core/time';
import { buildView } from '../build-view';
import type { FeedPublisher } from '../feed/publisher';
import { shouldPublish } from '../feed/publisher';
import { withFeed } from '../feed/view';
import { flagReconnect, loadWriteJob } from '../google/storage';
import type { GoogleWriteJob } from '../google/storage';
import { withGoogle } from '../google/write-view';
import type { PrefsStore } from '../prefs/store';
import { activeSessions, mergeWeekPlan, pruneAlternatives, weekOf } from '../sessions';
import { eventsItem, logItem, planItem, sourcesItem, viewItem } from '../storage';
import type { StoredSession } from '../storage';
import type { PopupView } from '../view';
import type { ViewLines } from '../view-lines';
import { loadCalendar } from './calendar';
import { shownWeeks } from './weeks';

export interface PlanStoreDeps {
  now: () => number;
  prefs: PrefsStore;
  lines: ViewLines;
  /** The feed follows the accepted sessions: a rebuild that finds it behind schedules a publish. */
  publisher: Pick<FeedPublisher, 'schedule'>;
  setBadge: (badge: { text: string; title: string }) => Promise<void>;
}

export interface PlanStore {
  /** Plans `weeks` afresh (keeping accepted sessions where they are legal) and stores the result. */
  replanWeeks(
    prefs: Preferences,
    weeks: readonly DateString[],
    markPlanned: boolean,
  ): Promise<void>;
  /** After what planning reads changed: re-plans the planned weeks on screen, rebuilds the view. */
  inputsChanged(prefs: Preferences): Promise<PopupView>;
  /** Applies the runner's decision to the stored sessions and rebuilds the view. */
  updateSessions(update: (sessions: StoredSession[]) => StoredSession[]): Promise<PopupView>;
  /** Computes the popup's view from storage, caches it, and updates the badge and the feed. */
  rebuildView(prefs?: Preferences): Promise<PopupView>;
  /** A Google write ended: sessions the runner deleted in Google are skipped from now on. */
  writeFinished(job: GoogleWriteJob): Promise<void>;
}

export function createPlanStore(deps: PlanStoreDeps): PlanStore {
  const { now } = deps;

  async function replanWeeks(
    prefs: Preferences,
    weeks: readonly DateString[],
    markPlanned: boolean,
  ): Promise<void> {
    const { events } = await loadCalendar();
    const state = await planItem.getValue();
    let sessions = state.sessions;
    const plannedWeeks = { ...state.plannedWeeks };
    // A session deleted in Google keeps its id out of use, even once its week is re-planned.
    const retiredIds = [
      ...new Set([
        ...(state.retiredIds ?? []),
        ...sessions.filter((s) => s.deletedInGoogle).map((s) => s.id),
      ]),
    ];
    // The training log moves targets and blocks (SPEC §6b): every plan reads it.
    const log = await logItem.getValue();
    for (const week of weeks) {
      const accepted = sessions.filter((s) => s.status === 'accepted' && weekOf(s, prefs) === week);
      const result = planWeeks({
        events,
        prefs,
        firstWeek: week,
        weeks: 1,
        accepted,
        notBefore: now(),
        reservedIds: retiredIds,
        text: deps.prefs.text(),
        log,
      });
      sessions = mergeWeekPlan(sessions, result.sessions, week, prefs, now());
      if (markPlanned) plannedWeeks[week] = now();
    }
    await planItem.setValue({ plannedWeeks, sessions, retiredIds });
  }

  async function rebuildView(prefs?: Preferences): Promise<PopupView> {
    const p = prefs ?? (await deps.prefs.load());
    const { events, retagged, raceChoices } = await loadCalendar();
    const state = await planItem.getValue();
    const sources = await sourcesItem.getValue();
    const stored = await eventsItem.getValue();
    const sessions = pruneAlternatives(state.sessions, events, p, now());
    const active = activeSessions(sessions);
    const log = await logItem.getValue();
    const weekPlans: PlanResult[] = shownWeeks(p, now()).map((week) =>
      planWeeks({
        events,
        prefs: p,
        firstWeek: week,
        weeks: 1,
        accepted: active.filter((s) => weekOf(s, p) === week),
        notBefore: now(),
        text: deps.prefs.text(),
        log,
      }),
    );
    const accepted = sessions.filter((s) => s.status === 'accepted');
    const conflicts = checkSessions({
      events,
      prefs: p,
      sessions: accepted,
      notBefore: now(),
      text: deps.prefs.text(),
    }).flatMap((c) => (c.problem ? [{ sessionId: c.id, message: c.problem }] : []));
    const syncTimes = sources.map((s) => stored[s.id]?.syncedAt ?? 0).filter((t) => t > 0);
    const planned = buildView({
      log: log.entries,
      now: now(),
      prefs: p,
      events,
      retagged,
      raceChoices,
      text: deps.prefs.text(),
      weekPlans,
      plannedWeeks: state.plannedWeeks,
      sessions,
      conflicts,
      hasSources: sources.length > 0,
      ...(syncTimes.length > 0 ? { syncedAt: Math.min(...syncTimes) } : {}),
      sourceErrors: sources.map((s) => ({
        id: s.id,
        name: s.name,
        ...(stored[s.id]?.error ? { error: stored[s.id]?.error } : {}),
      })),
    });
    const feed = await deps.lines.feed(state.sessions, p.timezone);
    const google = await deps.lines.google(sessions, p.timezone, await loadWriteJob());
    const view = withFeed(withGoogle(planned, google), feed);
    await viewItem.setValue(view);
    // Every change of the accepted sessions passes through here: a feed that is now behind them
    // follows once the changes settle (feed/publisher.ts).
    if (feed.connection && shouldPublish(feed.publish, feed.desired.hash, 'auto'))
      deps.publisher.schedule();
    await deps.setBadge(
      conflicts.length > 0
        ? {
            text: '!',
            title: `Ironstride: ${conflicts.length} accepted session(s) no longer fit — open to re-plan`,
          }
        : { text: '', title: 'Ironstride' },
    );
    return view;
  }

  return {
    replanWeeks,
    rebuildView,

    async inputsChanged(prefs) {
      // Only weeks the runner planned are re-planned: the others show no suggestions yet.
      const { plannedWeeks } = await planItem.getValue();
      const weeks = shownWeeks(prefs, now()).filter((w) => w in plannedWeeks);
      await replanWeeks(prefs, weeks, false);
      return rebuildView(prefs);
    },

    async updateSessions(update) {
      const state = await planItem.getValue();
      await planItem.setValue({ ...state, sessions: update(state.sessions) });
      return rebuildView();
    },

    async writeFinished(job) {
      if (job.state === 'needs-auth')
        await flagReconnect(job.error ?? 'Google refused the access token');
      // A session the runner deleted in Google is skipped in the plan too, and never recreated.
      const deleted = new Set(
        Object.values(job.results)
          .filter((r) => r.status === 'skipped-deleted-by-you')
          .map((r) => r.sessionId),
      );
      if (deleted.size > 0) {
        const state = await planItem.getValue();
        await planItem.setValue({
          ...state,
          sessions: state.sessions.map((s) =>
            deleted.has(s.id) && s.status === 'accepted'
              ? { ...s, status: 'skipped', deletedInGoogle: true }
              : s,
          ),
        });
      }
      await rebuildView();
    },
  };
}
