import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildVtimezone, readIcs, sessionUid, writeIcs } from '../../../src/calendar/ics';
import { escapeText, foldLine } from '../../../src/calendar/ics/write-ics';
import type { IcsSession } from '../../../src/calendar/ics';

const GOLDEN = join(__dirname, '../../fixtures/golden/two-sessions.ics');
const HOSTILE_NAMES = (
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/feed/hostile-names.json'), 'utf8')) as {
    names: string[];
  }
).names;
const STAMP = Date.UTC(2027, 1, 20, 12, 0, 0);

const sessions: IcsSession[] = [
  {
    id: 's20270301-2',
    start: Date.UTC(2027, 2, 4, 17, 45),
    end: Date.UTC(2027, 2, 4, 18, 25),
    title: 'Strength · full body + core (40 min)',
    description:
      'Warm-up: 5 min easy jog\n1. Step-up — 3 × 8–10 each side, rest 75 s — Drive through the heel\n\nWhy this slot:\n- Thursday: same day as your tempo run, 10 h after it ends; Friday stays easy\n\nPlanned by Ironstride — strength that fits your running.',
    sequence: 2,
  },
  {
    id: 's20270301-1',
    // After the spring change in London: written as a 17:45 wall time at +01:00.
    start: Date.UTC(2027, 2, 30, 16, 45),
    end: Date.UTC(2027, 2, 30, 17, 25),
    title: 'Strength · lower body + core (40 min)',
    description: 'Romanian deadlift — 3 × 8–10, rest 90 s — Hips back, back flat',
  },
];

function render(): string {
  return writeIcs(sessions, {
    timezone: 'Europe/London',
    stamp: STAMP,
    name: 'Strength · Ironstride',
    defaultSequence: 7,
  });
}

describe('writeIcs', () => {
  it('matches the golden file byte for byte', () => {
    const text = render();
    if (!existsSync(GOLDEN) || process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('writes CRLF lines of at most 75 octets', () => {
    const text = render();
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  it('writes wall times in the runner zone with a VTIMEZONE and DTSTAMP in UTC', () => {
    const text = render();
    expect(text).toContain('DTSTART;TZID=Europe/London:20270304T174500');
    expect(text).toContain('DTSTART;TZID=Europe/London:20270330T174500');
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);
    expect(text.match(/^DTSTAMP:.*$/gm)).toEqual([
      'DTSTAMP:20270220T120000Z',
      'DTSTAMP:20270220T120000Z',
    ]);
    expect(text).toContain(`UID:${sessionUid('s20270301-1')}`);
    expect(text).toContain('SEQUENCE:2');
    expect(text).toContain('SEQUENCE:7');
  });

  it('does not depend on the process time zone', () => {
    const script = `import { writeIcs } from './src/calendar/ics/index.ts';
const sessions = ${JSON.stringify(sessions)};
process.stdout.write(writeIcs(sessions, { timezone: 'Europe/London', stamp: ${STAMP}, name: 'Strength · Ironstride', defaultSequence: 7 }));`;
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          env: { ...process.env, TZ: tz },
          encoding: 'utf8',
        },
      );
      expect(out).toBe(render());
    }
  });

  it('reads back through Ironstride’s reader with the same sessions', () => {
    const read = readIcs(render(), {
      timezone: 'America/New_York',
      range: { start: Date.UTC(2027, 0, 1), end: Date.UTC(2027, 11, 31) },
    });
    expect(read.skipped).toEqual([]);
    expect(
      read.events.map((e) => ({
        id: e.ironstrideSessionId,
        start: e.start,
        end: e.end,
        title: e.title,
        description: e.description,
      })),
    ).toEqual(
      [...sessions]
        .sort((a, b) => a.start - b.start)
        .map((s) => ({
          id: s.id,
          start: s.start,
          end: s.end,
          title: s.title,
          description: s.description,
        })),
    );
  });

  it('parses with a second, independent reader (ical.js directly)', () => {
    const component = new ICAL.Component(ICAL.parse(render()));
    const zone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone')!);
    const events = component.getAllSubcomponents('vevent').map((v) => {
      const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
      start.zone = zone;
      return { uid: v.getFirstPropertyValue('uid'), start: start.toUnixTime() * 1000 };
    });
    expect(events).toEqual([
      { uid: sessionUid('s20270301-2'), start: sessions[0]!.start },
      { uid: sessionUid('s20270301-1'), start: sessions[1]!.start },
    ]);
  });
});

// ical.js reads unknown properties raw; NAME (RFC 7986) and X-WR-CALNAME hold TEXT.
for (const property of ['name', 'x-wr-calname']) {
  ICAL.design.icalendar.property[property] = { defaultType: 'text' };
}

describe('writeIcs with hostile text', () => {
  /** What a calendar app shows for a name: line breaks kept, other control characters dropped. */
  const shown = (name: string) =>
    name
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      .replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ''));

  it.each(HOSTILE_NAMES.map((name) => [JSON.stringify(name).slice(0, 60), name]))(
    'keeps the name %s as text: one calendar, every event, in ical.js and Ironstride’s reader',
    (_label, name) => {
      const text = writeIcs(sessions, { timezone: 'Europe/London', stamp: STAMP, name });
      const calendar = new ICAL.Component(ICAL.parse(text));
      expect(calendar.name).toBe('vcalendar');
      expect(calendar.getAllSubcomponents('vevent')).toHaveLength(2);
      expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(shown(name));
      expect(calendar.getFirstPropertyValue('name')).toBe(shown(name));
      const read = readIcs(text, {
        timezone: 'Europe/London',
        range: { start: Date.UTC(2027, 0, 1), end: Date.UTC(2027, 11, 31) },
      });
      expect(read.events.map((e) => e.ironstrideSessionId).sort()).toEqual(
        sessions.map((s) => s.id).sort(),
      );
    },
  );

  it('keeps a session title and description that try to end the event as text', () => {
    const hostile = {
      ...sessions[0]!,
      title: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\u0000',
      description: `${'d'.repeat(62)}END:VCALENDAR\nBEGIN:VEVENT`,
    };
    const text = writeIcs([hostile], { timezone: 'Europe/London', stamp: STAMP });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('summary')).toBe('x\nEND:VEVENT\nBEGIN:VEVENT');
    expect(events[0]!.getFirstPropertyValue('description')).toBe(hostile.description);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\u0000g\u007f')).toBe('a\\\\b\\;c\\,d\\ne\\nfg');
  });
});

describe('foldLine', () => {
  it('folds at 74 octets without splitting a UTF-8 sequence', () => {
    const line = `SUMMARY:${'é'.repeat(50)}🏋️${'a'.repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toMatch(/\uFFFD/);
  });

  it('leaves a short line alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });
});

describe('buildVtimezone', () => {
  it('lists every offset change of the years asked for', () => {
    const text = buildVtimezone('Europe/London', 2027, 2027);
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100',
    );
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20271031T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000',
    );
  });

  it('writes one observance for a zone without changes', () => {
    const text = buildVtimezone('Asia/Kolkata', 2027, 2027);
    expect(text.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(text).toContain('TZOFFSETTO:+0530');
  });

  it('marks the southern-hemisphere summer as daylight time', () => {
    const text = buildVtimezone('Australia/Sydney', 2027, 2027);
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20271003T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100',
    );
  });
});
