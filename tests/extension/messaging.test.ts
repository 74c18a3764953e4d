import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { createBackgroundService } from '../../src/extension/background-service';
import { registerHandlers, sendMessage } from '../../src/extension/messaging';
import { planItem } from '../../src/extension/storage';
import { NOW, PREFS, TWO_HARD_DAYS } from './runner-fixture';

function service() {
  return createBackgroundService({
    now: () => NOW,
    fetch: () => Promise.reject(new Error('no network in this test')),
    browserTimeZone: () => 'Europe/London',
    setBadge: async () => undefined,
    newId: () => 'src-1',
  });
}

/** Sends what no typed caller could: the page's side of the boundary, bypassed. */
function sendRaw(type: string, data: unknown): Promise<unknown> {
  return browser.runtime.sendMessage({ ironstride: 1, type, data });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('registerHandlers', () => {
  it('refuses a malformed request before its handler runs, naming the message and the field', async () => {
    const { handlers } = service();
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'file', name: 'plan.ics', text: TWO_HARD_DAYS });
    const stop = registerHandlers(handlers);
    try {
      const reply = await sendRaw('planWeek', { weekStart: 'next tuesday' });

      expect(reply).toEqual({
        ok: false,
        error: expect.stringMatching(/malformed "planWeek" message:[\s\S]*weekStart/),
      });
      expect((await planItem.getValue()).plannedWeeks).toEqual({});
    } finally {
      stop();
    }
  });

  it('answers an unknown message type with an error', async () => {
    const stop = registerHandlers(service().handlers);
    try {
      expect(await sendRaw('formatDisk', {})).toEqual({
        ok: false,
        error: 'Unknown message "formatDisk"',
      });
    } finally {
      stop();
    }
  });
});

describe('sendMessage', () => {
  it('refuses an answer that does not fit the protocol', async () => {
    const listener = () => Promise.resolve({ ok: true, result: { status: 'ready' } });
    browser.runtime.onMessage.addListener(listener);
    try {
      await expect(sendMessage('getView', {})).rejects.toThrow(
        /answer to "getView" does not fit the protocol/,
      );
    } finally {
      browser.runtime.onMessage.removeListener(listener);
    }
  });
});
