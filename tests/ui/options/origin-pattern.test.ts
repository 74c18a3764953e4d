import { describe, expect, it } from 'vitest';
import {
  originPatternFor,
  parseFeedUrl,
  patternsToRelease,
} from '../../../src/ui/options/origin-pattern';

describe('parseFeedUrl', () => {
  it.each([
    [
      'https://cal.example.com/plan.ics',
      'https://cal.example.com/plan.ics',
      'cal.example.com',
      'https://cal.example.com/*',
    ],
    [
      'http://127.0.0.1:8080/x.ics',
      'http://127.0.0.1:8080/x.ics',
      '127.0.0.1',
      'http://127.0.0.1/*',
    ],
    [
      'webcal://p.example.com/feed?id=1',
      'https://p.example.com/feed?id=1',
      'p.example.com',
      'https://p.example.com/*',
    ],
    [
      'WEBCAL://Cal.Example.COM:8443/a.ics',
      'https://cal.example.com:8443/a.ics',
      'cal.example.com',
      'https://cal.example.com/*',
    ],
    [
      '  https://cal.example.com/a.ics \n',
      'https://cal.example.com/a.ics',
      'cal.example.com',
      'https://cal.example.com/*',
    ],
    [
      'https://bücher.example/a.ics',
      'https://xn--bcher-kva.example/a.ics',
      'xn--bcher-kva.example',
      'https://xn--bcher-kva.example/*',
    ],
  ])('reads %j', (input, url, host, pattern) => {
    const result = parseFeedUrl(input);

    expect(result).toEqual({ ok: true, url, host, pattern });
  });

  it.each([
    ['', 'Enter the address'],
    ['   ', 'Enter the address'],
    ['cal.example.com/plan.ics', 'should start with'],
    ['ftp://cal.example.com/plan.ics', 'should start with'],
    ['file:///home/me/plan.ics', 'should start with'],
    ['javascript://alert(1)', 'should start with'],
    ['https://', 'not a web address'],
    ['https://exa mple.com/x', 'not a web address'],
  ])('rejects %j', (input, words) => {
    const result = parseFeedUrl(input);

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(words);
  });
});

describe('originPatternFor', () => {
  it('drops the port, path and query: match patterns have none', () => {
    expect(originPatternFor('http://127.0.0.1:8080/x.ics?token=abc')).toBe('http://127.0.0.1/*');
  });

  it('asks for https for a webcal feed', () => {
    expect(originPatternFor('webcal://feeds.example.org/u/1.ics')).toBe(
      'https://feeds.example.org/*',
    );
  });

  it('throws with the value for an address that is not a feed', () => {
    expect(() => originPatternFor('mailto:me@example.com')).toThrow('"mailto:me@example.com"');
  });
});

describe('patternsToRelease', () => {
  const feed = (url: string) => ({ kind: 'url', url });

  it('gives back the site when no other feed uses it', () => {
    const result = patternsToRelease(feed('https://a.example/1.ics'), [
      feed('https://b.example/2.ics'),
    ]);

    expect(result).toEqual(['https://a.example/*']);
  });

  it('keeps the site while another feed reads from it, whatever the port', () => {
    const result = patternsToRelease(feed('https://a.example/1.ics'), [
      feed('https://a.example:8443/2.ics'),
    ]);

    expect(result).toEqual([]);
  });

  it('gives nothing back for an uploaded file', () => {
    expect(patternsToRelease({ kind: 'file' }, [])).toEqual([]);
  });
});
