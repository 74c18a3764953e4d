/**
 * The training log's storage item and its migration path (log/migrations.ts): version 1 today,
 * and what the first change of shape will do, run through WXT's own migration machinery.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { fakeBrowser } from 'wxt/testing';
import {
  LOG_VERSION,
  logStorageMigrations,
  LogVersionError,
  upgradeLog,
} from '../../src/extension/log/migrations';
import type { LogUpgrade } from '../../src/extension/log/migrations';
import { logItem } from '../../src/extension/storage';

const V1 = {
  version: 1,
  entries: [
    {
      sessionId: 's20270302-1',
      date: '2027-03-02',
      status: 'done',
      rpe: 7,
      exercises: [{ name: 'Goblet squat', sets: [{ reps: 8, kg: 20 }] }],
    },
  ],
};

/**
 * A made-up version 2 for the test: each set's weight becomes `load: {value, unit}`. Not a plan,
 * only a shape different enough that a missed step would show.
 */
const TO_V2: LogUpgrade = (previous) => {
  const log = previous as typeof V1;
  return {
    version: 2,
    entries: log.entries.map((e) => ({
      ...e,
      exercises: e.exercises.map((x) => ({
        ...x,
        sets: x.sets.map(({ kg, ...set }) => ({ ...set, load: { value: kg, unit: 'kg' } })),
      })),
    })),
  };
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('upgradeLog', () => {
  it('leaves a current log as it is', () => {
    expect(LOG_VERSION).toBe(1);
    expect(upgradeLog(V1)).toBe(V1);
  });

  it('runs each step from the stored version up to the current one', () => {
    const upgraded = upgradeLog(V1, { 2: TO_V2 }, 2) as { version: number; entries: unknown[] };

    expect(upgraded.version).toBe(2);
    expect(upgraded.entries[0]).toMatchObject({
      exercises: [{ sets: [{ reps: 8, load: { value: 20, unit: 'kg' } }] }],
    });
  });

  it('refuses a log from a newer Ironstride, saying what to do', () => {
    expect(() => upgradeLog({ version: 3, entries: [] }, { 2: TO_V2 }, 2)).toThrow(
      new LogVersionError(
        'This log is version 3, newer than this Ironstride reads (version 2): update Ironstride, then import it again',
      ),
    );
  });

  it('refuses a version no step leads on from', () => {
    expect(() => upgradeLog(V1, {}, 2)).toThrow(/No way to read a version 1 log/);
  });

  it('hands a document without a version on to the schema, which names the field', () => {
    const raw = { entries: [] };
    expect(upgradeLog(raw)).toBe(raw);
  });
});

describe('the log storage item', () => {
  it('stores version 1 and falls back to an empty log', async () => {
    expect(await logItem.getValue()).toEqual({ version: 1, entries: [] });
    await logItem.setValue(V1 as never);
    expect(await fakeBrowser.storage.local.get('log')).toEqual({ log: V1 });
  });

  it('migrates a stored version 1 log when its item moves to version 2, through WXT', async () => {
    await fakeBrowser.storage.local.set({ log: V1, log$: { v: 1 } });
    // The same definition `logItem` has, one version later.
    const next = storage.defineItem<unknown>('local:log', {
      fallback: { version: 2, entries: [] },
      version: 2,
      migrations: logStorageMigrations({ 2: TO_V2 }),
    });

    await next.migrate();

    expect(await next.getValue()).toEqual(TO_V2(V1));
    expect(await fakeBrowser.storage.local.get('log$')).toEqual({ log$: { v: 2 } });
  });
});
