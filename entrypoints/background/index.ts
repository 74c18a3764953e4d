import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureSyncAlarm, SYNC_ALARM } from '../../src/extension/alarms';
import { createBackgroundService } from '../../src/extension/background-service';
import { setBadge } from '../../src/extension/badge';
import { registerHandlers } from '../../src/extension/messaging';

export default defineBackground(() => {
  const service = createBackgroundService({
    now: () => Date.now(),
    fetch: (input, init) => fetch(input, init),
    browserTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    setBadge,
    newId: () => crypto.randomUUID(),
  });
  registerHandlers(service.handlers);
  browser.runtime.onInstalled.addListener(() => void ensureSyncAlarm(browser.alarms));
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm(browser.alarms));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.syncAll();
  });
});
