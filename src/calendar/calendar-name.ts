/**
 * The name of Ironstride's own calendar wherever the runner meets it: the dedicated Google
 * calendar (SPEC §7), the downloaded .ics (X-WR-CALNAME), and the subscribable feed.
 */
export const CALENDAR_NAME = 'Strength · Ironstride';
