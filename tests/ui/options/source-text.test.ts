import { describe, expect, it } from 'vitest';
import {
  checkIcsFile,
  describeAddResult,
  describeCounts,
  describeKind,
  describeSyncedAt,
  MAX_ICS_BYTES,
} from '../../../src/ui/options/source-text';

describe('describeKind', () => {
  it('names the site of a feed', () => {
    expect(describeKind({ kind: 'url', url: 'https://cal.example.com:8443/a.ics' })).toBe(
      'Feed from cal.example.com:8443',
    );
  });

  it('names an uploaded file', () => {
    expect(describeKind({ kind: 'file' })).toBe('Uploaded file');
  });
});

describe('describeCounts', () => {
  it('says how many events were read and skipped', () => {
    expect(describeCounts({ read: 1, skipped: 2, syncedAt: 1 })).toBe('1 event read, 2 skipped');
  });

  it('says nothing before the first read', () => {
    expect(describeCounts({})).toBeUndefined();
  });

  it('says nothing for a calendar that has only failed', () => {
    expect(describeCounts({ read: 0, skipped: 0, syncedAt: 0 })).toBeUndefined();
  });
});

describe('describeSyncedAt', () => {
  const now = Date.UTC(2027, 4, 4, 14, 5);
  const options = { now, timeZone: 'Europe/London' };

  it.each([
    [now - 20_000, 'just now'],
    [now - 60_000, '1 minute ago'],
    [now - 12 * 60_000, '12 minutes ago'],
    [now - 3 * 3_600_000, '3 hours ago'],
  ])('describes %d as %j', (syncedAt, text) => {
    expect(describeSyncedAt(syncedAt, options)).toBe(text);
  });

  it('says nothing for a calendar never read', () => {
    expect(describeSyncedAt(0, options)).toBeUndefined();
  });

  it('gives the date and local time after a day', () => {
    expect(describeSyncedAt(Date.UTC(2027, 4, 1, 13, 0), options)).toBe('Sat 1 May, 14:00');
  });
});

describe('checkIcsFile', () => {
  it('accepts a file up to 5 MB', () => {
    expect(checkIcsFile({ name: 'plan.ics', size: MAX_ICS_BYTES })).toBeUndefined();
  });

  it('rejects a larger file with its size', () => {
    expect(checkIcsFile({ name: 'all.ics', size: 6 * 1024 * 1024 })).toContain('all.ics is 6.0 MB');
  });

  it('rejects an empty file', () => {
    expect(checkIcsFile({ name: 'x.ics', size: 0 })).toBe('x.ics is empty.');
  });
});

describe('describeAddResult', () => {
  it('reports what was read', () => {
    const result = describeAddResult({
      id: 's1',
      kind: 'url',
      name: 'Coach',
      role: 'training',
      read: 12,
      skipped: 0,
      syncedAt: 1,
    });

    expect(result).toEqual({ ok: true, text: 'Added “Coach”: 12 events read, 0 skipped.' });
  });

  it('reports a read that failed', () => {
    const result = describeAddResult({
      id: 's1',
      kind: 'url',
      name: 'Coach',
      role: 'training',
      error: 'HTTP 404',
    });

    expect(result).toEqual({
      ok: false,
      text: 'Added “Coach”, but it could not be read: HTTP 404',
    });
  });
});
