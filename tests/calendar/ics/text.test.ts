import { describe, expect, it } from 'vitest';
import { read, starts, vcalendar, vevent } from './make-ics';

const EVENT = vcalendar(
  vevent('UID:e', 'DTSTART:20270104T070000Z', 'DTEND:20270104T080000Z', 'SUMMARY:Easy run'),
);

function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts)
    out.push(...(typeof part === 'string' ? new TextEncoder().encode(part) : part));
  return new Uint8Array(out);
}

describe('readIcs', () => {
  describe('text and bytes', () => {
    it.each([
      ['CRLF', EVENT],
      ['LF', EVENT.replaceAll('\r\n', '\n')],
      ['CR', EVENT.replaceAll('\r\n', '\r')],
      ['a BOM in a string', `\uFEFF${EVENT}`],
    ])('reads %s line endings alike', (_what, text) => {
      expect(read(text).events.map((e) => e.title)).toEqual(['Easy run']);
    });

    it('reads a UTF-8 BOM in bytes', () => {
      const result = read(bytes([0xef, 0xbb, 0xbf], EVENT));

      expect(result.events.map((e) => e.title)).toEqual(['Easy run']);
    });

    it('unfolds lines folded with a space, a TAB, and right after the property name (Sunbird)', () => {
      const text = [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'UID',
        ' :folded-uid',
        'DTSTART',
        ' ;VALUE=DATE',
        ' :20270104',
        'SUMMARY:Long run with the ',
        '\tclub, then brea',
        ' kfast',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');

      const [event] = read(text).events;

      expect(event).toMatchObject({
        uid: 'folded-uid',
        title: 'Long run with the club, then breakfast',
        startDate: '2027-01-04',
      });
    });

    it('decodes windows-1252 bytes when the input is not UTF-8', () => {
      // 0x92 is ’ and 0xE9 is é in windows-1252; neither is valid UTF-8 on its own.
      const input = bytes(vcalendar(vevent('UID:w', 'DTSTART:20270104T070000Z', 'SUMMARY:Zo')), []);
      const text = new TextDecoder().decode(input).replace('SUMMARY:Zo', 'SUMMARY:Zo\u0000');
      const [head = '', tail = ''] = text.split('\u0000');

      const result = read(bytes(head, [0xeb, 0x92, 0x73, 0x20, 0x63, 0x61, 0x66, 0xe9], tail));

      expect(result.events[0]?.title).toBe('Zoë’s café');
    });

    it('keeps mostly-UTF-8 text as UTF-8, replacing only the broken bytes', () => {
      const input = bytes(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:j\r\nDTSTART:20270104T070000Z\r\nSUMMARY:',
        '日本語のイベント',
        [0xe3, 0x3f],
        '\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      );

      expect(read(input).events[0]?.title).toBe('日本語のイベント\uFFFD?');
    });

    it('reads several VCALENDARs, blank lines between components, and bare components outside any VCALENDAR', () => {
      const text = [
        vcalendar(vevent('UID:a', 'DTSTART:20270104T070000Z', 'SUMMARY:a')),
        '',
        '',
        vcalendar(vevent('UID:b', 'DTSTART:20270105T070000Z', 'SUMMARY:b')),
        vevent('UID:c', 'DTSTART:20270106T070000Z', 'SUMMARY:c'),
      ].join('\r\n');

      const result = read(text);

      expect(result.events.map((e) => e.uid)).toEqual(['a', 'b', 'c']);
      expect(result.read).toBe(3);
    });

    it('keeps a raw newline inside a DESCRIPTION as a newline', () => {
      const text = vcalendar(
        vevent(
          'UID:n',
          'DTSTART:20270104T070000Z',
          'SUMMARY:n',
          'DESCRIPTION:First line',
          '&nbsp; second line',
        ),
      );

      expect(read(text).events[0]?.description).toBe('First line\n&nbsp; second line');
    });

    it('repairs a quoted TZID that swallowed the value (Exchange 2010)', () => {
      const text = vcalendar(
        vevent('UID:q', 'DTSTART;TZID="W. Europe Standard Time:20270104T090000"', 'SUMMARY:q'),
      );

      expect(starts(read(text))).toEqual(['2027-01-04T08:00:00.000Z']);
    });

    it('reads an unquoted TZID with spaces and commas', () => {
      const text = vcalendar(
        vevent('UID:k', 'DTSTART;TZID=Kuala Lumpur, Singapore:20270104T093000', 'SUMMARY:k'),
      );

      expect(starts(read(text))).toEqual(['2027-01-04T01:30:00.000Z']);
    });

    it('reads DTSTART;VALUE=DATE carrying a date-time as the date-time', () => {
      const text = vcalendar(
        vevent(
          'UID:v',
          'DTSTART;VALUE=DATE:20270104T200000',
          'DTEND;VALUE=DATE:20270104T220000',
          'SUMMARY:Concert',
        ),
      );

      const [event] = read(text).events;

      expect(event).toMatchObject({
        allDay: false,
        start: Date.UTC(2027, 0, 4, 20),
        end: Date.UTC(2027, 0, 4, 22),
      });
    });

    it('ignores parameters without a value and empty parameters', () => {
      const text = vcalendar(
        vevent(
          'UID:p',
          'DTSTART;X-FOO;;TZID=Europe/London:20270104T070000',
          'ORGANIZER;CN=:',
          'SUMMARY;LANGUAGE=en:p',
        ),
      );

      expect(starts(read(text))).toEqual(['2027-01-04T07:00:00.000Z']);
    });

    it('reads an Outlook all-day flag on a midnight DATE-TIME event as dates', () => {
      const text = vcalendar(
        vevent(
          'UID:o',
          'DTSTART;TZID=Pacific Standard Time:20270104T000000',
          'DTEND;TZID=Pacific Standard Time:20270105T000000',
          'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
          'SUMMARY:o',
        ),
      );

      expect(read(text).events[0]).toMatchObject({
        allDay: true,
        startDate: '2027-01-04',
        endDate: '2027-01-05',
      });
    });

    it('survives deep nesting and unbalanced END lines', () => {
      const text = [
        'BEGIN:VCALENDAR',
        ...Array.from({ length: 5000 }, () => 'BEGIN:X-NEST'),
        ...Array.from({ length: 5000 }, () => 'END:VTODO'),
        'END:VEVENT',
        vevent(
          'UID:after',
          'DTSTART:20270104T070000Z',
          'BEGIN:VALARM',
          'TRIGGER:-PT15M',
          'SUMMARY:alarm text',
          'END:VALARM',
          'SUMMARY:after',
        ),
        'END:VCALENDAR',
        'END:VCALENDAR',
      ].join('\r\n');

      const result = read(text);

      expect(result.events.map((e) => [e.uid, e.title])).toEqual([['after', 'after']]);
    });

    it('skips a VEVENT interrupted by the next BEGIN:VEVENT', () => {
      const text = vcalendar(
        ['BEGIN:VEVENT', 'UID:open', 'DTSTART:20270104T070000Z'].join('\r\n'),
        vevent('UID:next', 'DTSTART:20270105T070000Z', 'SUMMARY:next'),
      );

      const result = read(text);

      expect(result.events.map((e) => e.uid)).toEqual(['next']);
      expect(result.skipped.map((s) => s.uid)).toEqual(['open']);
    });
  });
});
