/** The periodic re-sync: feeds change (a coach moves a run), so they are re-read every hour. */
export const SYNC_ALARM = 'ironstride-sync';
export const SYNC_PERIOD_MINUTES = 60;

/** Creates the sync alarm unless it exists (alarms survive service-worker restarts). */
export interface AlarmsApi {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): unknown;
}

export async function ensureSyncAlarm(alarms: AlarmsApi): Promise<void> {
  const existing = await alarms.get(SYNC_ALARM);
  if (!existing)
    await alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: 1 });
}
