/** The periodic re-sync: feeds change (a coach moves a run), so they are re-read every hour. */
import type { Browser } from 'wxt/browser';

export const SYNC_ALARM = 'ironstride-sync';
export const SYNC_PERIOD_MINUTES = 60;

/** Creates the sync alarm unless it exists (alarms survive service-worker restarts). */
export async function ensureSyncAlarm(alarms: Pick<typeof Browser.alarms, 'get' | 'create'>): Promise<void> {
  const existing = await alarms.get(SYNC_ALARM);
  if (!existing) await alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: 1 });
}
