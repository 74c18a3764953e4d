/**
 * A deterministic generator of large, realistic calendars for the ICS reader's tests and bench:
 * weekly series with EXDATEs and RECURRENCE-ID overrides (some moved, some cancelled, some
 * written before their master as Google does), single timed and all-day events, and times in
 * an IANA zone, a Windows zone name, a file-only VTIMEZONE, UTC and floating. Same options, same
 * bytes: a seeded PRNG drives every choice.
 */

export interface GenerateCalendarOptions {
  /** About how many VEVENTs to write (masters + overrides + singles). */
  vevents: number;
  /** PRNG seed. */
  seed?: number;
  /** First day events are spread from, `YYYY-MM-DD` (they cover the next 52 weeks). */
  firstDay?: string;
}

export interface GeneratedCalendar {
  text: string;
  /** VEVENTs written. */
  vevents: number;
  /** Recurring masters written. */
  series: number;
}

/** mulberry32: a small seeded PRNG, so generated calendars are identical on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  'Easy run 45 min',
  'Intervals 6 x 800m',
  'Tempo 20 min',
  'Long run 28 km',
  'Work',
  'Team sync',
  'Sprint planning',
  'Dentist',
  'Lockerer Dauerlauf',
  'Sortie longue',
  'Hill repeats 8 x 60s',
  'Recovery jog',
  'Yoga',
  'Gym',
  'Café with Zoë, résumé review',
];

const VTIMEZONES = `BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:Customized Time Zone
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE`;

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `20270104` or `20270104T073000` for a wall time encoded as UTC ms. */
function basic(wall: number, withTime: boolean): string {
  const d = new Date(wall);
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  return withTime ? `${date}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00` : date;
}

function utf8Length(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  if (line.length <= 25) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

type ZoneStyle = 'iana' | 'windows' | 'custom' | 'utc' | 'floating';

function dtProp(name: string, wall: number, style: ZoneStyle): string {
  switch (style) {
    case 'iana':
      return `${name};TZID=Europe/London:${basic(wall, true)}`;
    case 'windows':
      return `${name};TZID=W. Europe Standard Time:${basic(wall, true)}`;
    case 'custom':
      return `${name};TZID="Customized Time Zone":${basic(wall, true)}`;
    case 'utc':
      return `${name}:${basic(wall, true)}Z`;
    case 'floating':
      return `${name}:${basic(wall, true)}`;
  }
}

/**
 * Writes a calendar of about `vevents` VEVENTs. Roughly 40% of them belong to weekly series
 * (a master with two EXDATEs, one moved override and one cancelled override every third
 * series), the rest are single events, a quarter of them all-day.
 */
export function generateCalendar(options: GenerateCalendarOptions): GeneratedCalendar {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const first = Date.parse(`${options.firstDay ?? '2027-01-04'}T00:00:00Z`);
  const styles: ZoneStyle[] = ['iana', 'iana', 'windows', 'custom', 'utc', 'floating'];
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ironstride//generate-calendar//EN',
    'X-WR-TIMEZONE:Europe/London',
    ...VTIMEZONES.split('\n'),
  ];
  let vevents = 0;
  let series = 0;
  const stamp = 'DTSTAMP:20260101T000000Z';
  const event = (body: string[]): void => {
    lines.push('BEGIN:VEVENT', ...body.map(fold), 'END:VEVENT');
    vevents++;
  };

  while (vevents < options.vevents) {
    const n = vevents;
    const day = first + Math.floor(random() * 364) * DAY_MS;
    const wall =
      day + (6 + Math.floor(random() * 14)) * 3_600_000 + (random() < 0.5 ? 0 : 30 * 60_000);
    const minutes = 30 + 15 * Math.floor(random() * 8);
    const style = pick(styles);
    const title = pick(TITLES);
    const description = `Generated event ${n}\\nwith an escaped\\, comma and a long line ${'·'.repeat(40)}`;
    if (random() < 0.4 && options.vevents - vevents >= 4) {
      series++;
      const uid = `series-${n}@generate.test`;
      const weekday = WEEKDAYS[new Date(wall).getUTCDay()] ?? 'MO';
      const count = 8 + Math.floor(random() * 60);
      const master = [
        `UID:${uid}`,
        stamp,
        dtProp('DTSTART', wall, style),
        dtProp('DTEND', wall + minutes * 60_000, style),
        random() < 0.5
          ? `RRULE:FREQ=WEEKLY;BYDAY=${weekday};COUNT=${count}`
          : `RRULE:FREQ=WEEKLY;BYDAY=${weekday}`,
        dtProp('EXDATE', wall + 7 * DAY_MS, style),
        dtProp('EXDATE', wall + 21 * DAY_MS, style),
        `SUMMARY:${title}`,
        `DESCRIPTION:${description}`,
        random() < 0.2 ? 'TRANSP:TRANSPARENT' : 'TRANSP:OPAQUE',
      ];
      const moved = [
        `UID:${uid}`,
        stamp,
        dtProp('RECURRENCE-ID', wall + 14 * DAY_MS, style),
        dtProp('DTSTART', wall + 14 * DAY_MS + 3_600_000, style),
        dtProp('DTEND', wall + 14 * DAY_MS + 3_600_000 + minutes * 60_000, style),
        'SEQUENCE:1',
        `SUMMARY:${title} (moved)`,
      ];
      // Google writes overrides before their master half of the time.
      if (random() < 0.5) {
        event(moved);
        event(master);
      } else {
        event(master);
        event(moved);
      }
      if (series % 3 === 0) {
        event([
          `UID:${uid}`,
          stamp,
          dtProp('RECURRENCE-ID', wall + 28 * DAY_MS, style),
          dtProp('DTSTART', wall + 28 * DAY_MS, style),
          'STATUS:CANCELLED',
          `SUMMARY:${title}`,
        ]);
      }
    } else if (random() < 0.25) {
      const days = 1 + Math.floor(random() * 3);
      event([
        `UID:allday-${n}@generate.test`,
        stamp,
        `DTSTART;VALUE=DATE:${basic(day, false)}`,
        `DTEND;VALUE=DATE:${basic(day + days * DAY_MS, false)}`,
        `SUMMARY:${title}`,
        'TRANSP:TRANSPARENT',
      ]);
    } else {
      event([
        `UID:single-${n}@generate.test`,
        stamp,
        dtProp('DTSTART', wall, style),
        random() < 0.5 ? dtProp('DTEND', wall + minutes * 60_000, style) : `DURATION:PT${minutes}M`,
        `SUMMARY:${title}`,
        `DESCRIPTION:${description}`,
        `LOCATION:Track ${n % 7}`,
      ]);
    }
  }
  lines.push('END:VCALENDAR');
  return { text: `${lines.join('\r\n')}\r\n`, vevents, series };
}
