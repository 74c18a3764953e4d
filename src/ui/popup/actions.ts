/**
 * Every action the popup sends, in one table: which button it busies, the message, what a
 * screen reader hears when it worked, and where focus goes if its button went away. A new
 * button (a race's A/B/C, Swap, a session log) is one more entry and one `run` call.
 *
 * One action runs at a time: the background applies them in order and each returns the new view.
 */
import { plural } from '../../core/plural';
import type { SendMessage } from './use-popup-view';
import { RETAG_CHOICES } from '../../extension/retag';
import type { RetagChoice } from '../../extension/retag';
import type { RaceChoice } from '../../core/classify-calendar';
import type { LogEntry } from '../../core/log';
import type {
  DayItem,
  DayView,
  PopupView,
  RaceView,
  SessionItem,
  WeekView,
} from '../../extension/view';
import { suggestedIn } from './WeekPanel';

/** Names for the action in progress, so a button can tell whether it is the one running. */
export type PendingAction =
  | { type: 'planWeek' | 'acceptWeek'; weekStart: string }
  | { type: 'accept' | 'skip' | 'reset' | 'move' | 'swap'; sessionId: string }
  | { type: 'log'; sessionId: string }
  | { type: 'retag' | 'race'; eventId: string }
  | { type: 'replan' | 'export' | 'google' | 'publish' };

/** What an action's success text and side effects may use. */
export interface ActionContext {
  /** The view when the action started. */
  before: PopupView | null;
  /** Shows a newer view (never an older one). */
  applyView: (view: PopupView) => void;
  download: (file: { filename: string; text: string }) => void;
}

export interface PopupAction<I, R> {
  pending: (input: I) => PendingAction;
  /** The message to the background. */
  request: (send: SendMessage, input: I) => Promise<R>;
  /** What a screen reader hears once it worked. */
  success: (result: R, input: I, context: ActionContext) => string;
  /** A selector to focus afterwards, when the element that had focus went away. */
  focus?: (input: I) => string;
}

/** An action answered with the new view, which is shown before its success is announced. */
function viewAction<I>(action: PopupAction<I, PopupView>): PopupAction<I, PopupView> {
  return {
    ...action,
    success: (next, input, context) => {
      context.applyView(next);
      return action.success(next, input, context);
    },
  };
}

export interface SessionRef {
  sessionId: string;
}

export interface LogInput {
  sessionId: string;
  /** "Strength · lower body + core (40 min)", for what a screen reader hears. */
  title: string;
  /** `null` forgets the session's log. */
  entry: LogEntry | null;
}

const LOGGED_WORDS = { done: 'done', partly: 'partly done', skipped: 'skipped' } as const;

export interface RetagInput {
  item: Exclude<DayItem, { type: 'session' }>;
  choice: RetagChoice | null;
  series: boolean;
}

function findSession(
  view: PopupView,
  sessionId: string,
): { day: DayView; session: SessionItem } | undefined {
  for (const week of view.weeks) {
    for (const day of week.days) {
      for (const item of day.items) {
        if (item.type === 'session' && item.id === sessionId) return { day, session: item };
      }
    }
  }
  return undefined;
}

function retagLabel(retag: RetagChoice | null): string {
  if (retag === null) return 'automatic';
  return (RETAG_CHOICES.find((choice) => choice.value === retag)?.label ?? retag).toLowerCase();
}

const weekFocus = (week: WeekView) => `[data-week-actions="${CSS.escape(week.start)}"] [data-plan]`;
const sessionFocus = ({ sessionId }: SessionRef) =>
  `[data-session-id="${CSS.escape(sessionId)}"] [data-primary]`;

export const POPUP_ACTIONS = {
  planWeek: viewAction<WeekView>({
    pending: (week) => ({ type: 'planWeek', weekStart: week.start }),
    request: (send, week) => send('planWeek', { weekStart: week.start }),
    success: (next, week) => {
      const planned = next.weeks.find((w) => w.start === week.start);
      const n = suggestedIn(planned);
      if (n > 0) return `${week.label} planned: ${plural(n, 'session')} suggested`;
      return planned && planned.unplaced.length > 0
        ? `${week.label} planned: no session fits, see why above the days`
        : `${week.label} planned: nothing new to suggest`;
    },
    focus: weekFocus,
  }),
  acceptWeek: viewAction<WeekView>({
    pending: (week) => ({ type: 'acceptWeek', weekStart: week.start }),
    request: (send, week) => send('acceptWeek', { weekStart: week.start }),
    success: (_next, week) => `All suggestions for ${week.label.toLowerCase()} accepted`,
    focus: weekFocus,
  }),
  accept: viewAction<SessionRef>({
    pending: ({ sessionId }) => ({ type: 'accept', sessionId }),
    request: (send, { sessionId }) => send('acceptSession', { sessionId }),
    success: () => 'Session accepted',
    focus: sessionFocus,
  }),
  skip: viewAction<SessionRef>({
    pending: ({ sessionId }) => ({ type: 'skip', sessionId }),
    request: (send, { sessionId }) => send('skipSession', { sessionId }),
    success: () => 'Session skipped',
    focus: sessionFocus,
  }),
  reset: viewAction<SessionRef>({
    pending: ({ sessionId }) => ({ type: 'reset', sessionId }),
    request: (send, { sessionId }) => send('resetSession', { sessionId }),
    success: () => 'Session is a suggestion again',
    focus: sessionFocus,
  }),
  move: viewAction<SessionRef & { alternative: number }>({
    pending: ({ sessionId }) => ({ type: 'move', sessionId }),
    request: (send, input) => send('moveSession', input),
    success: (next, { sessionId }) => {
      const moved = findSession(next, sessionId);
      return moved ? `Session moved to ${moved.day.label}, ${moved.session.time}` : 'Session moved';
    },
    focus: sessionFocus,
  }),
  swap: viewAction<SessionRef & { from: string; to: string }>({
    pending: ({ sessionId }) => ({ type: 'swap', sessionId }),
    request: (send, input) => send('swapExercise', input),
    success: (_next, { from, to }) => `${to} instead of ${from}`,
    focus: ({ sessionId }) => `[data-session-id="${CSS.escape(sessionId)}"] [data-swap-toggle]`,
  }),
  replan: viewAction<undefined>({
    pending: () => ({ type: 'replan' }),
    request: (send) => send('replan', {}),
    success: (next, _input, { before }) => {
      const left = next.conflicts.length;
      return left === 0
        ? `Re-planned: ${plural(before?.conflicts.length ?? 0, 'session')} moved`
        : `Re-planned, but ${plural(left, 'session')} still ${left === 1 ? "doesn't" : "don't"} fit`;
    },
    focus: () => '[role="tab"][aria-selected="true"]',
  }),
  retag: viewAction<RetagInput>({
    pending: ({ item }) => ({ type: 'retag', eventId: item.eventId }),
    request: (send, { item, choice, series }) =>
      send('retagEvent', { eventId: item.eventId, uid: item.uid, series, retag: choice }),
    success: (_next, { item, choice, series }) =>
      `${item.title}${series ? ' and its series' : ''} set to ${retagLabel(choice)}; week re-planned`,
    focus: ({ item }) => `[data-event-id="${CSS.escape(item.eventId)}"] [data-retag-toggle]`,
  }),
  race: viewAction<{ race: RaceView; choice: RaceChoice | null }>({
    pending: ({ race }) => ({ type: 'race', eventId: race.eventId }),
    request: (send, { race, choice }) => send('setRaceChoice', { eventId: race.eventId, choice }),
    success: (_next, { race, choice }) =>
      choice === 'not-a-race'
        ? `${race.title} is not a race; weeks re-planned`
        : `${race.title} is ${choice === null ? 'guessed again' : `a ${choice} race`}; weeks re-planned`,
    focus: ({ race }) =>
      `[data-race-id="${CSS.escape(race.eventId)}"] [data-race-change], [data-race-id="${CSS.escape(race.eventId)}"] [data-race-choice]`,
  }),
  log: viewAction<LogInput>({
    pending: ({ sessionId }) => ({ type: 'log', sessionId }),
    request: (send, { sessionId, entry }) => send('logSession', { sessionId, entry }),
    success: (_next, { title, entry }) =>
      entry
        ? `Logged ${title} as ${LOGGED_WORDS[entry.status]}${entry.exercises ? `, with ${plural(entry.exercises.length, 'exercise')}` : ''}`
        : `Log of ${title} removed`,
    focus: ({ sessionId }) =>
      `[data-log-session="${CSS.escape(sessionId)}"] [data-log-focus], [data-log-session="${CSS.escape(sessionId)}"] select`,
  }),
  export: {
    pending: () => ({ type: 'export' }),
    request: (send) => send('exportIcs', {}),
    success: (file, _input, { download }) => {
      download(file);
      return `Downloaded ${file.filename} with ${plural(file.count, 'session')}`;
    },
  } satisfies PopupAction<undefined, { filename: string; text: string; count: number }>,
  addToCalendar: viewAction<undefined>({
    pending: () => ({ type: 'google' }),
    request: (send) => send('addToCalendar', {}),
    // The background answers at once; progress and the outcome follow in the cached view.
    success: (next) => next.google?.status?.text ?? 'Writing to Google Calendar…',
  }),
  publish: viewAction<undefined>({
    pending: () => ({ type: 'publish' }),
    request: (send) => send('publishFeed', {}),
    // The outcome, published or why not, is the feed's line.
    success: (next) => next.feed?.status.text ?? 'Published',
  }),
};
