/**
 * The one event model every source is normalised into (ICS files and URLs, Google Calendar),
 * so the planner cannot tell the sources apart.
 */
import type { DateString } from './time';

/** One occurrence of a calendar event, with recurrences already expanded. */
export interface CalendarEvent {
  /**
   * Unique per occurrence: the UID for a single event, the UID plus the occurrence's original
   * start for a member of a series (so an override keeps the id of the slot it replaces).
   */
  id: string;
  /** The iCalendar UID (or Google event id) the occurrence belongs to. */
  uid: string;
  title: string;
  description: string;
  location?: string;
  /** Start instant, epoch ms. For all-day events: midnight of `startDate` in the runner's zone. */
  start: number;
  /** End instant, epoch ms (exclusive). For all-day events: midnight of `endDate`. */
  end: number;
  /** A date-only event. Its days are `startDate`…`endDate` and are never shifted by a zone. */
  allDay: boolean;
  /** All-day events only: first day. */
  startDate?: DateString;
  /** All-day events only: the day after the last day (exclusive, as DTEND;VALUE=DATE). */
  endDate?: DateString;
  /** `TRANSP:TRANSPARENT` or Google's "free": does not block time. */
  transparent: boolean;
  /** Which calendar it was read from (a file name, URL or Google calendar id). */
  source?: string;
  /**
   * Set when Ironstride wrote this event itself (its session id, from `X-IRONSTRIDE-SESSION` in
   * ICS or a private extended property in Google): such events are accepted sessions, not the
   * runner's own strength training.
   */
  ironstrideSessionId?: string;
  /**
   * Set on the stand-in for a recurring series the reader could not expand within its limits
   * (e.g. an event repeating every minute): one event covering the series' whole stretch of the
   * range. It is plain busy time (never a run, whatever its title says), so time the series may
   * occupy is never offered as free; the reader also reports the series as skipped.
   */
  unexpanded?: boolean;
}

/** A VEVENT (or API item) that could not be read, and why. */
export interface SkippedEvent {
  uid: string | null;
  reason: string;
  source?: string;
}

/** What a calendar reader returns: every occurrence in range, and an account of the rest. */
export interface ReadCalendarResult {
  events: CalendarEvent[];
  /** How many VEVENTs (or API items) were read successfully, before expansion. */
  read: number;
  skipped: SkippedEvent[];
}

/** A time range of instants, `start` inclusive, `end` exclusive. */
export interface InstantRange {
  start: number;
  end: number;
}
