/**
 * The reader bounds ical.js's RRULE engine by shadowing an internal of `RecurIterator`
 * (`check_contracting_rules`, see src/calendar/ics/rule-steps.ts). These tests pin what that
 * relies on, so an ical.js upgrade that renames the method or stops calling it per candidate
 * fails here instead of silently letting `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` hang a sync.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { countSteps, StepLimitError } from '../../../src/calendar/ics/rule-steps';

function iteratorFor(rule: string, start: string): ICAL.RecurIterator {
  return ICAL.Recur.fromString(rule).iterator(ICAL.Time.fromDateTimeString(start));
}

describe('countSteps', () => {
  it('finds check_contracting_rules on the iterator prototype, as the patch expects', () => {
    const proto = ICAL.RecurIterator.prototype as unknown as Record<string, unknown>;

    expect(typeof proto.check_contracting_rules).toBe('function');
    expect(ICAL.RecurIterator.prototype.next.toString()).toContain(
      'this.check_contracting_rules()',
    );
  });

  it('sees one step per candidate day of a DAILY rule filtered by BYMONTH', () => {
    let steps = 0;
    const iterator = countSteps(iteratorFor('FREQ=DAILY;BYMONTH=2', '2027-01-01T07:00:00'), () => {
      steps++;
    });

    // next() hands back one Time it keeps changing: read it before the next call.
    const first = iterator.next()?.toString();
    const afterFirst = steps;
    const second = iterator.next()?.toString();

    // DTSTART (1 January) is yielded without a check; 2 January … 1 February are 31 candidates.
    expect(first).toBe('2027-01-01T07:00:00');
    expect(afterFirst).toBe(0);
    expect(second).toBe('2027-02-01T07:00:00');
    expect(steps).toBe(31);
  });

  it('sees one step per instance of an expanding rule', () => {
    let steps = 0;
    const iterator = countSteps(
      iteratorFor('FREQ=WEEKLY;BYDAY=MO,WE,FR', '2027-01-04T07:00:00'),
      () => {
        steps++;
      },
    );

    const days = Array.from({ length: 6 }, () => iterator.next()?.toString());

    expect(days).toEqual([
      '2027-01-04T07:00:00',
      '2027-01-06T07:00:00',
      '2027-01-08T07:00:00',
      '2027-01-11T07:00:00',
      '2027-01-13T07:00:00',
      '2027-01-15T07:00:00',
    ]);
    expect(steps).toBe(5);
  });

  it('stops a rule that never matches when the hook throws', () => {
    let steps = 0;
    const iterator = countSteps(
      iteratorFor('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', '2027-03-01T07:00:00'),
      () => {
        if (++steps > 1000) throw new StepLimitError('test');
      },
    );

    iterator.next();

    expect(() => iterator.next()).toThrow(StepLimitError);
    expect(steps).toBe(1001);
  });

  it('leaves other iterators unpatched', () => {
    let steps = 0;
    countSteps(iteratorFor('FREQ=DAILY', '2027-01-01T07:00:00'), () => {
      steps++;
    });
    const other = iteratorFor('FREQ=DAILY', '2027-01-01T07:00:00');

    other.next();
    other.next();

    expect(steps).toBe(0);
  });
});
