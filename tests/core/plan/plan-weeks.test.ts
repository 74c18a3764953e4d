import { describe, expect, it } from 'vitest';
import { planWeeks } from '../../../src/core/plan';
import type { PlanWeeksOptions } from '../../../src/core/plan';
import { dateInZone, formatInstant, minutesInZone, formatClock } from '../../../src/core/time';
import { checkHardConstraints } from '../../helpers/check-plan';
import {
  makeBusy,
  makePrefs,
  makeRace,
  makeRest,
  makeRun,
  makeStrength,
} from '../../helpers/factories';

const WEEK = '2027-05-03'; // Monday

function plan(options: Omit<PlanWeeksOptions, 'firstWeek'> & { firstWeek?: string }) {
  const result = planWeeks({ firstWeek: WEEK, ...options });
  expect(checkHardConstraints(result.sessions, options.events, options.prefs)).toEqual([]);
  return result;
}

const days = (r: ReturnType<typeof planWeeks>) =>
  r.sessions.map((s) => dateInZone(s.start, r.timezone));
const clock = (instant: number, tz = 'Europe/London') => formatClock(minutesInZone(instant, tz));

describe('planWeeks', () => {
  it('puts sessions on hard-run days, hours after the run (hard days hard)', () => {
    const events = [
      makeRun('intervals', { date: '2027-05-04', at: '06:30' }),
      makeRun('easy', { date: '2027-05-05', at: '07:00' }),
      makeRun('tempo', { date: '2027-05-06', at: '12:00' }),
      makeRun('long', { date: '2027-05-09', at: '08:00', minutes: 120 }),
    ];
    const result = plan({ events, prefs: makePrefs() });
    expect(days(result)).toEqual(['2027-05-04', '2027-05-06']);
    // Tempo ends 13:00; 3–8 h later is 16:00–21:00, and the window opens 17:30.
    expect(clock(result.sessions[1]!.start)).toBe('17:30');
    expect(result.sessions[0]!.reasons[0]).toMatch(
      /^Tuesday: same day as your intervals, \d+ h( \d+ min)? after it ends/,
    );
  });

  it('never lifts before running the same day, even when only mornings are free', () => {
    const events = [makeRun('intervals', { date: '2027-05-04', at: '18:30' })];
    const prefs = makePrefs({
      availability: {
        tue: [['06:00', '08:00']],
        wed: [['06:00', '08:00']],
        thu: [['06:00', '08:00']],
      },
    });
    const result = plan({ events, prefs });
    expect(days(result)).not.toContain('2027-05-04');
  });

  it('waits minGapAfterHardRunHours after a hard run', () => {
    const events = [makeRun('tempo', { date: '2027-05-04', at: '16:00' })];
    const prefs = makePrefs({
      minGapAfterHardRunHours: 4,
      availability: { tue: [['17:00', '22:00']] },
      latestEnd: '22:00',
      sessionsPerWeek: 1,
    });
    const result = plan({ events, prefs });
    expect(result.sessions.map((s) => clock(s.start))).toEqual(['21:00']);
    expect(result.sessions[0]!.backToBack).toBeUndefined();
  });

  it('runs first and lifts right after when the full gap would run past latestEnd', () => {
    const events = [makeRun('intervals', { date: '2027-05-04', at: '18:00', minutes: 70 })];
    const prefs = makePrefs({
      availability: { tue: [['16:30', '23:00']] },
      sessionsPerWeek: 1,
    });
    const result = plan({ events, prefs });
    // 19:10 + 3 h = 22:10, past 21:30: right after, a buffer after the run, never at 22:15.
    expect(result.sessions.map((s) => clock(s.start))).toEqual(['19:30']);
    expect(result.sessions[0]!.backToBack).toBe(true);
    expect(result.sessions[0]!.reasons[0]).toMatch(/run first, lift right after/);
    expect(result.sessions[0]!.reasons[0]).toMatch(/would not be done by 21:30/);
  });

  it('finds a hard-day slot as long as the week’s session, not the usual length', () => {
    const events = [makeRun('intervals', { date: '2027-05-04', at: '06:30' })];
    const prefs = makePrefs({
      phase: 'build',
      sessionMinutes: 40,
      availability: { tue: [['17:30', '18:05']], wed: [['17:30', '21:00']] },
      sessionsPerWeek: 1,
    });
    const result = plan({ events, prefs });
    // Build's maintenance session is 30 minutes: the 35-minute window on the hard day holds it.
    expect(days(result)).toEqual(['2027-05-04']);
    expect(result.sessions[0]!.end - result.sessions[0]!.start).toBeLessThanOrEqual(35 * 60_000);
  });

  it('keeps a session in the 3 days before a B race short and bodyweight, and says why', () => {
    const events = [
      makeRun('intervals', { date: '2027-05-04', at: '06:30' }),
      makeRace({ date: '2027-05-09', at: '09:00', priority: 'B', title: 'Riverside 10K' }),
    ];
    const prefs = makePrefs({
      availability: { tue: [['17:30', '18:00']], fri: [['17:30', '21:00']] },
      sessionsPerWeek: 2,
    });
    const result = plan({ events, prefs });
    const friday = result.sessions.find((s) => s.date === '2027-05-07');

    expect(friday?.load).toBe('light');
    expect(friday?.content.exercises.every((p) => p.implement === undefined)).toBe(true);
    expect(friday?.reasons.join(' ')).toMatch(/2 days before Riverside 10K, a B race/);
    const tuesday = result.sessions.find((s) => s.date === '2027-05-04');
    expect(tuesday?.load).not.toBe('light');
  });

  it('names the window that closes first when it ends before latestEnd', () => {
    const events = [makeRun('intervals', { date: '2027-05-04', at: '18:00', minutes: 70 })];
    const prefs = makePrefs({
      availability: { tue: [['16:30', '21:00']] },
      sessionsPerWeek: 1,
    });
    const result = plan({ events, prefs });
    expect(result.sessions[0]!.backToBack).toBe(true);
    expect(result.sessions[0]!.reasons[0]).toMatch(/would not be done by 21:00/);
  });

  it('takes the full gap when it fits, even with back-to-back allowed', () => {
    const events = [makeRun('intervals', { date: '2027-05-04', at: '06:30' })];
    const result = plan({ events, prefs: makePrefs({ sessionsPerWeek: 1 }) });
    expect(result.sessions.map((s) => clock(s.start))).toEqual(['17:30']);
    expect(result.sessions[0]!.backToBack).toBeUndefined();
  });

  it('leaves the day when back-to-back is off and the full gap does not fit', () => {
    const events = [makeRun('intervals', { date: '2027-05-04', at: '18:00', minutes: 70 })];
    const prefs = makePrefs({
      availability: { tue: [['16:30', '23:00']] },
      allowBackToBack: false,
      sessionsPerWeek: 1,
    });
    const result = plan({ events, prefs });
    expect(result.sessions).toHaveLength(0);
    expect(result.unplaced[0]!.reason).toMatch(/Tue — no free 40 min after your intervals/);
  });

  it('keeps the buffer around busy events and skips transparent and all-day ones', () => {
    const events = [
      makeRun('intervals', { date: '2027-05-04', at: '06:30' }),
      makeBusy({ date: '2027-05-04', at: '17:00', minutes: 60, title: 'Late meeting' }),
      makeBusy({
        date: '2027-05-04',
        at: '18:15',
        minutes: 60,
        title: 'Maybe drinks',
        transparent: true,
      }),
      makeBusy({ date: '2027-05-04', title: 'Office closed' }),
    ];
    const prefs = makePrefs({ bufferMinutes: 20, sessionsPerWeek: 1 });
    const result = plan({ events, prefs });
    // The meeting ends 18:00; 20 min buffer then the next quarter hour.
    expect(
      result.sessions.map((s) => [dateInZone(s.start, 'Europe/London'), clock(s.start)]),
    ).toEqual([['2027-05-04', '18:30']]);
  });

  it('never places a session the day before a key run, across the week boundary too', () => {
    const events = [makeRun('long', { date: '2027-05-10', at: '08:00', minutes: 120 })];
    const prefs = makePrefs({ sessionsPerWeek: 2 });
    const result = plan({ events, prefs });
    expect(days(result)).not.toContain('2027-05-09');
    expect(result.sessions).toHaveLength(2);
  });

  it('keeps a day between sessions and counts strength already in the calendar', () => {
    const events = [makeStrength({ date: '2027-05-05', at: '18:00', title: 'CrossFit' })];
    const result = plan({ events, prefs: makePrefs() });
    expect(result.weeks[0]).toMatchObject({ existing: 1, target: 2 });
    expect(result.sessions).toHaveLength(1);
    expect(days(result)).not.toEqual(expect.arrayContaining(['2027-05-04']));
    expect(days(result)).not.toEqual(expect.arrayContaining(['2027-05-06']));
  });

  it('warns about strength the runner has the day before a key run', () => {
    const events = [
      makeStrength({ date: '2027-05-03', at: '18:00', title: 'Gym class' }),
      makeRun('intervals', { date: '2027-05-04', at: '06:30' }),
    ];
    const result = plan({ events, prefs: makePrefs() });
    expect(result.warnings.map((w) => w.code)).toContain('strength-before-key-run');
    expect(result.warnings[0]!.message).toMatch(
      /"Gym class" on Monday 3 May is the day before Tuesday's intervals/,
    );
  });

  it('places all-day runs at defaultRunStart for their parsed length', () => {
    const events = [makeRun('tempo', { date: '2027-05-04', parsedMinutes: 50 })];
    const prefs = makePrefs({
      defaultRunStart: '18:00',
      availability: { tue: [['17:00', '23:00']] },
      latestEnd: '23:00',
      sessionsPerWeek: 1,
    });
    const result = plan({ events, prefs });
    // 18:00 + 50 min + 3 h = 21:50 → the next quarter hour that leaves room for the session.
    expect(result.sessions.map((s) => clock(s.start))).toEqual(['22:00']);
    // The start was assumed, and the reason says so.
    expect(result.sessions[0]!.reasons[0]).toMatch(/assuming your run at 18:00/);
  });

  it('lifts on easy days under the easy-days policy', () => {
    const events = [
      makeRun('intervals', { date: '2027-05-04', at: '06:30' }),
      makeRun('easy', { date: '2027-05-05', at: '07:00' }),
      makeRun('tempo', { date: '2027-05-06', at: '06:30' }),
      makeRun('long', { date: '2027-05-09', at: '08:00', minutes: 120 }),
    ];
    const result = plan({ events, prefs: makePrefs({ policy: 'easy-days' }) });
    for (const d of days(result)) expect(['2027-05-04', '2027-05-06']).not.toContain(d);
    expect(result.sessions.length).toBeGreaterThan(0);
  });

  it('gives one light session in taper and none in the three days before an A race', () => {
    const prefs = makePrefs({
      races: [{ date: '2027-05-16', name: 'City Marathon', priority: 'A' }],
    });
    const taper = plan({ events: [], prefs });
    expect(taper.weeks[0]).toMatchObject({ phase: 'taper', target: 1 });
    expect(taper.sessions).toHaveLength(1);
    expect(taper.sessions[0]!.load).toBe('light');
    const raceWeek = plan({ events: [], prefs, firstWeek: '2027-05-10' });
    expect(raceWeek.weeks[0]!.phase).toBe('race-week');
    for (const d of days(raceWeek)) expect(d < '2027-05-13').toBe(true);
  });

  it('allows three sessions in the off-season when asked', () => {
    const result = plan({
      events: [],
      prefs: makePrefs({ phase: 'off-season', sessionsPerWeek: 3 }),
    });
    expect(result.sessions).toHaveLength(3);
    // Two heavy sessions and a lighter third, never three heavy ones (SPEC §6 ramp-in).
    expect(result.sessions.map((s) => s.load)).toEqual(['heavy', 'heavy', 'moderate']);
    expect(result.sessions[2]!.content.exercises.some((e) => e.doseClass === 'main')).toBe(false);
  });

  it('starts weeks on Sunday when asked', () => {
    const result = plan({
      events: [],
      prefs: makePrefs({ weekStartsOn: 0 }),
      firstWeek: '2027-05-05',
    });
    expect(result.weeks[0]!.start).toBe('2027-05-02');
    for (const d of days(result)) expect(d >= '2027-05-02' && d <= '2027-05-08').toBe(true);
  });

  it('keeps wall-clock times across the spring DST change', () => {
    const events = [makeRun('intervals', { date: '2027-03-29', at: '06:30' })];
    const result = plan({
      events,
      prefs: makePrefs({ sessionsPerWeek: 1 }),
      firstWeek: '2027-03-29',
    });
    expect(formatInstant(result.sessions[0]!.start, 'Europe/London')).toBe(
      '2027-03-29T17:30:00+01:00',
    );
  });

  it('says why each missing session could not be placed', () => {
    const events = [makeRun('intervals', { date: '2027-05-04', at: '06:30' })];
    const result = plan({
      events,
      prefs: makePrefs({ availability: { tue: [['06:00', '07:00']] } }),
    });
    expect(result.sessions).toHaveLength(0);
    expect(result.unplaced).toHaveLength(2);
    expect(result.unplaced[0]!.reason).toMatch(/Mon — the day before Tuesday's intervals/);
    expect(result.unplaced[0]!.reason).toMatch(/Wed — no free time set on Wednesdays/);
  });

  it('offers up to two other legal slots for each session', () => {
    const result = plan({ events: [], prefs: makePrefs() });
    for (const s of result.sessions) {
      expect(s.alternatives.length).toBeGreaterThan(0);
      expect(s.alternatives.length).toBeLessThanOrEqual(2);
    }
  });

  it('places nothing before notBefore and keeps sessions that already started', () => {
    const events = [
      makeRun('intervals', { date: '2027-05-04', at: '06:30' }),
      makeRun('tempo', { date: '2027-05-06', at: '06:30' }),
    ];
    const prefs = makePrefs();
    const wednesday = Date.UTC(2027, 4, 5, 12);
    const result = plan({ events, prefs, notBefore: wednesday });
    for (const s of result.sessions) expect(s.start).toBeGreaterThanOrEqual(wednesday);
    expect(result.unplaced.map((u) => u.reason).join(' ') + days(result).join(' ')).not.toMatch(
      /2027-05-0[34]/,
    );
    // An accepted session on Monday (now the day before a new key run) is history: it stays.
    const monday = {
      id: 'past',
      start: Date.UTC(2027, 4, 3, 17),
      end: Date.UTC(2027, 4, 3, 17, 40),
    };
    const again = planWeeks({
      events,
      prefs,
      firstWeek: WEEK,
      accepted: [monday],
      notBefore: wednesday,
    });
    expect(again.sessions.find((s) => s.id === 'past')).toMatchObject({
      start: monday.start,
      status: 'kept',
    });
  });

  it('never gives a new session a reserved id', () => {
    const first = plan({ events: [], prefs: makePrefs() });
    const retired = first.sessions[0]!.id;
    const again = plan({ events: [], prefs: makePrefs(), reservedIds: [retired] });
    expect(again.sessions).toHaveLength(first.sessions.length);
    expect(again.sessions.map((s) => s.id)).not.toContain(retired);
  });

  it('is deterministic', () => {
    const events = [
      makeRun('tempo', { date: '2027-05-06', at: '06:30' }),
      makeRest({ date: '2027-05-03' }),
    ];
    const prefs = makePrefs();
    expect(planWeeks({ events, prefs, firstWeek: WEEK, weeks: 3 })).toEqual(
      planWeeks({ events, prefs, firstWeek: WEEK, weeks: 3 }),
    );
  });

  it('follows the 4-week block from the calendar: same exercises, a deload, then a new block', () => {
    const result = plan({ events: [], prefs: makePrefs(), weeks: 4 });
    const weekSessions = (weekStart: string) =>
      result.sessions.filter((s) => s.weekStart === weekStart);
    const sets = (weekStart: string) =>
      weekSessions(weekStart)
        .flatMap((s) => s.content.exercises)
        .reduce((sum, e) => sum + e.sets, 0);
    const firstOf = (weekStart: string) =>
      weekSessions(weekStart)[0]!.content.exercises.map((e) => e.name);

    // With no races the blocks follow a fixed grid: 3 May 2027 is week 3.
    const blocks = result.weeks.map((w) => weekSessions(w.start)[0]!.content.block);
    expect(blocks.map((b) => `${b!.week}${b!.deload ? 'D' : ''}`)).toEqual(['3', '4D', '1', '2']);
    const [peak, deload] = result.weeks.map((w) => w.start);
    expect(sets(deload!)).toBeLessThan(sets(peak!));
    for (const w of result.weeks) expect(firstOf(w.start)).toEqual(firstOf(peak!));
    // A plan that starts a week later agrees on where each week sits.
    const later = plan({ events: [], prefs: makePrefs(), firstWeek: deload!, weeks: 1 });
    expect(later.sessions[0]!.content.block).toEqual(blocks[1]);
  });
});

describe('planWeeks re-planning', () => {
  const events = [
    makeRun('intervals', { date: '2027-05-04', at: '06:30' }),
    makeRun('tempo', { date: '2027-05-06', at: '06:30' }),
    makeRun('long', { date: '2027-05-09', at: '08:00', minutes: 120 }),
  ];

  it('keeps accepted sessions that are still legal, even off the ideal slot', () => {
    const prefs = makePrefs();
    const first = plan({ events, prefs });
    const accepted = first.sessions.map((s) => ({
      id: s.id,
      start: s.start + 30 * 60_000,
      end: s.end + 30 * 60_000,
    }));
    const again = plan({ events, prefs, accepted });
    expect(again.sessions.map((s) => [s.id, s.start, s.status])).toEqual(
      accepted.map((a) => [a.id, a.start, 'kept']),
    );
  });

  it('moves only the session a new run made illegal, and keeps its id', () => {
    const prefs = makePrefs();
    const week = events.slice(0, 2); // intervals Tuesday, tempo Thursday, nothing at the weekend
    const first = plan({ events: week, prefs });
    expect(days(first)).toEqual(['2027-05-04', '2027-05-06']);
    const accepted = first.sessions.map((s) => ({ id: s.id, start: s.start, end: s.end }));
    // A hill session lands on Wednesday: Tuesday's session is now the day before a key run.
    const again = plan({
      events: [...week, makeRun('hills', { date: '2027-05-05', at: '06:30' })],
      prefs,
      accepted,
    });
    const [tuesday, thursday] = first.sessions;
    const byId = new Map(again.sessions.map((s) => [s.id, s]));
    expect(byId.get(thursday!.id)).toMatchObject({ start: thursday!.start, status: 'kept' });
    expect(byId.get(tuesday!.id)).toMatchObject({ status: 'moved' });
    expect(['2027-05-08', '2027-05-09']).toContain(
      dateInZone(byId.get(tuesday!.id)!.start, 'Europe/London'),
    );
    expect(again.sessions).toHaveLength(2);
  });

  it('withdraws an accepted session that no longer fits anywhere and says why', () => {
    const prefs = makePrefs();
    const first = plan({ events, prefs });
    const accepted = first.sessions.map((s) => ({ id: s.id, start: s.start, end: s.end }));
    const again = plan({
      events: [...events, makeRun('hills', { date: '2027-05-05', at: '06:30' })],
      prefs,
      accepted,
    });
    expect(again.sessions).toHaveLength(1);
    expect(again.sessions[0]!.status).toBe('kept');
    expect(again.unplaced).toHaveLength(1);
  });

  it('treats sessions read back from the calendar as accepted, not as the runner’s strength', () => {
    const prefs = makePrefs();
    const first = plan({ events, prefs });
    const written = first.sessions.map((s) =>
      makeStrength({
        date: dateInZone(s.start, 'Europe/London'),
        at: clock(s.start),
        minutes: 40,
        title: s.title,
        ironstrideSessionId: s.id,
      }),
    );
    const again = plan({ events: [...events, ...written], prefs });
    expect(again.weeks[0]!.existing).toBe(0);
    expect(again.warnings).toEqual([]);
    expect(again.sessions.map((s) => [s.id, s.status])).toEqual(
      first.sessions.map((s) => [s.id, 'kept']),
    );
  });
});
