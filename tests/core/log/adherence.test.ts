import { describe, expect, it } from 'vitest';
import { loggedWeeks } from '../../../src/core/log';
import type { LogEntry } from '../../../src/core/log';

describe('loggedWeeks', () => {
  it('marks a week trained when any session was done or partly done, and nothing-done otherwise', () => {
    const entries: LogEntry[] = [
      { sessionId: 'a', date: '2027-03-02', status: 'skipped' },
      { sessionId: 'b', date: '2027-03-04', status: 'partly' },
      { sessionId: 'c', date: '2027-03-09', status: 'skipped' },
      { sessionId: 'd', date: '2027-03-11', status: 'skipped' },
    ];

    expect(Object.fromEntries(loggedWeeks(entries, 1))).toEqual({
      '2027-03-01': 'trained',
      '2027-03-08': 'nothing-done',
    });
  });
});
