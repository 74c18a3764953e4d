// First: zod must be jitless before any schema is built (src/extension/zod-jitless.ts).
import '../../src/extension/zod-jitless';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureSyncAlarm, SYNC_ALARM } from '../../src/extension/alarms';
import { createBackgroundService } from '../../src/extension/background-service';
import { setBadge } from '../../src/extension/badge';
import type { IdentityApi } from '../../src/extension/google/auth';
import { setUpGoogle } from '../../src/extension/google/setup';
import { memoryTokenStore, sessionTokenStore } from '../../src/extension/google/storage';
import { registerHandlers } from '../../src/extension/messaging';

export default defineBackground(() => {
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  const now = () => Date.now();
  const service = createBackgroundService({
    now,
    fetch: fetchFn,
    browserTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    browserLanguage: () => navigator.language,
    setBadge,
    newId: () => crypto.randomUUID(),
    google: setUpGoogle({
      env: {
        WXT_GOOGLE_CLIENT_ID: import.meta.env.WXT_GOOGLE_CLIENT_ID,
        WXT_GOOGLE_WEB_CLIENT_ID: import.meta.env.WXT_GOOGLE_WEB_CLIENT_ID,
        WXT_GOOGLE_API_ROOT: import.meta.env.WXT_GOOGLE_API_ROOT,
        WXT_GOOGLE_AUTH_URL: import.meta.env.WXT_GOOGLE_AUTH_URL,
        WXT_GOOGLE_REVOKE_URL: import.meta.env.WXT_GOOGLE_REVOKE_URL,
        WXT_GOOGLE_AUTH_FLOW: import.meta.env.WXT_GOOGLE_AUTH_FLOW,
      },
      traits: { firefox: import.meta.env.FIREFOX, userAgent: navigator.userAgent },
      // Undefined until the runner grants the optional permission (Connect Google).
      identity: () => browser.identity as IdentityApi | undefined,
      // storage.session keeps the token in memory only; Firefox before 115 has none.
      tokens: browser.storage.session ? sessionTokenStore : memoryTokenStore(),
      fetch: fetchFn,
      now,
      newState: () => crypto.randomUUID(),
    }),
  });
  registerHandlers(service.handlers);
  browser.runtime.onInstalled.addListener(() => void ensureSyncAlarm(browser.alarms));
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm(browser.alarms));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    void service.syncAll();
    void service.runGoogleWrites({ retry: true });
    void service.runFeedPublish({ retry: true });
  });
  // Every start of the worker: a write or a publish it was stopped before finishing carries on.
  void service.runGoogleWrites();
  void service.runFeedPublish();
});
