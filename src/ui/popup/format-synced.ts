import { textStyleFor } from '../../core/text-style';

/**
 * "Synced 14:05" (today) or "Synced Tue 14:05", in the runner's zone and their clock (the
 * browser's language: "Synced 2:05 PM" in en-US). `now` is a parameter so the caller decides
 * when the clock is read.
 */
export function formatSynced(
  syncedAt: number,
  timeZone: string,
  now: number,
  locale: string | undefined = globalThis.navigator?.language,
): string {
  const zone = safeZone(timeZone);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const sameDay = day.format(syncedAt) === day.format(now);
  const time = new Intl.DateTimeFormat(locale ?? 'en-GB', {
    timeZone: zone,
    hour: textStyleFor(locale).hour12 ? 'numeric' : '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { weekday: 'short' }),
  });
  return `Synced ${time.format(syncedAt)}`;
}

function safeZone(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}
