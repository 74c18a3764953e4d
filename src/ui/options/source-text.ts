/**
 * The words the calendar list shows for each source: what it is, when it was last read and how
 * much of it was understood.
 */
import { plural } from '../../core/plural';
import { MAX_FILE_CHARS } from '../../extension/protocol';
import type { SourceSummary } from '../../extension/protocol';
import type { SourceRole } from '../../extension/storage';

/** The role choices, with the one line that says what each does. */
export const ROLE_OPTIONS: readonly { value: SourceRole; label: string; explanation: string }[] = [
  {
    value: 'training',
    label: 'Training plan',
    explanation: 'Runs here are read for how hard they are; strength is planned around them.',
  },
  {
    value: 'busy',
    label: 'Busy only',
    explanation: 'Events here only block time (work, family); nothing is read as training.',
  },
];

/** The explanation of a role, for the line under its select. */
export function roleExplanation(role: SourceRole): string {
  return ROLE_OPTIONS.find((option) => option.value === role)?.explanation ?? '';
}

/** "Feed from cal.example.com", "Uploaded file" or "Google Calendar". */
export function describeKind(source: Pick<SourceSummary, 'kind' | 'url'>): string {
  if (source.kind === 'file') return 'Uploaded file';
  if (source.kind === 'google') return 'Google Calendar';
  if (source.url && URL.canParse(source.url)) return `Feed from ${new URL(source.url).host}`;
  return 'Feed';
}

/**
 * "124 events read, 3 skipped", or `undefined` before the first good read (the background keeps
 * `syncedAt: 0` for a calendar that has only ever failed).
 */
export function describeCounts(
  source: Pick<SourceSummary, 'read' | 'skipped' | 'syncedAt'>,
): string | undefined {
  if (source.read === undefined || !source.syncedAt) return undefined;
  return `${plural(source.read, 'event', 'events')} read, ${source.skipped ?? 0} skipped`;
}

/** Options of {@link describeSyncedAt}. */
export interface DescribeSyncedAtOptions {
  now: number;
  timeZone: string;
  locale?: string;
}

/**
 * When the calendar was last read: "just now", "12 minutes ago", "3 hours ago", then the date
 * ("Mon 4 May, 14:05"). `undefined` when it never was (`0`: only failed reads so far).
 */
export function describeSyncedAt(
  syncedAt: number | undefined,
  options: DescribeSyncedAtOptions,
): string | undefined {
  if (!syncedAt) return undefined;
  const minutes = Math.floor((options.now - syncedAt) / 60_000);
  if (minutes < 1 && minutes > -5) return 'just now';
  if (minutes >= 1 && minutes < 60) return `${plural(minutes, 'minute', 'minutes')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours >= 1 && hours < 24) return `${plural(hours, 'hour', 'hours')} ago`;
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
  }).format(syncedAt);
}

/** The largest .ics file the page reads: the background's limit (the text is kept in storage). */
export const MAX_ICS_BYTES = MAX_FILE_CHARS;

/** Why a file cannot be uploaded, or `undefined` when it can. */
export function checkIcsFile(file: { name: string; size: number }): string | undefined {
  if (file.size > MAX_ICS_BYTES) {
    const mb = (file.size / (1024 * 1024)).toFixed(1);
    return `${file.name} is ${mb} MB; Ironstride reads calendar files up to ${MAX_ICS_BYTES / (1024 * 1024)} MB. Export a shorter range (a year) and try again.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  return undefined;
}

/** The message after a calendar was added or synced: what was read, or why not. */
export function describeAddResult(source: SourceSummary): { ok: boolean; text: string } {
  if (source.error)
    return { ok: false, text: `Added “${source.name}”, but it could not be read: ${source.error}` };
  const counts = describeCounts(source);
  return {
    ok: true,
    text: counts ? `Added “${source.name}”: ${counts}.` : `Added “${source.name}”.`,
  };
}
