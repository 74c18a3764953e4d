/**
 * Folds a calendar title or description into the one spelling the vocabulary is written
 * against: no accents, no emoji, one kind of dash, quote and multiplication sign.
 */

/** One field of an event, folded two ways. */
export interface NormalizedText {
  /** Accents, emoji and odd punctuation folded away; case kept (Daniels paces are capitals). */
  cased: string;
  /** `cased`, lower-cased: what almost every rule reads. */
  lower: string;
}

export const EMPTY_TEXT: NormalizedText = { cased: '', lower: '' };

// Most titles are plain ASCII; skipping Unicode normalisation for them keeps the classifier
// fast (NFKD is the most expensive step of the whole pipeline).
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Emoji carry no meaning for the rules (🏃 "Easy 8k" is the same run as "Easy 8k"); skin-tone
// modifiers, zero-width joiners and variation selectors are what glue multi-part emoji together.
// The sport emoji, though, say what the event is when the title is nothing else ("🏃‍♀️", "🏊").
const EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3/gu;
const SPORT_EMOJI = new Map<string, string>([
  ['\u{1F3C3}', ' run '],
  ['\u{1F3CB}', ' gym '],
  ['\u{1F4AA}', ' gym '],
  ['\u{1F6B4}', ' bike '],
  ['\u{1F6B5}', ' bike '],
  ['\u{1F3CA}', ' swim '],
  ['\u{1F9D8}', ' yoga '],
  ['\u{1F6B6}', ' walk '],
  ['\u{1F6A3}', ' row '],
  ['\u{1F634}', ' rest '],
  ['\u{1F4A4}', ' rest '],
  ['\u{1F6CC}', ' rest '],
]);
// One spelling for the multiplication sign, quotes and dashes; bullets separate a title's parts
// in Runna and TrainingPeaks exports ("Easy Run • 5km").
const PUNCTUATION = /[×✕✖⨯’‘′´″“”„«»‐‑‒–—−•·▪►ß]/g;
const FOLDED_PUNCTUATION = new Map<string, string>([
  ...[...'×✕✖⨯'].map((c) => [c, 'x'] as const),
  ...[...'’‘′´'].map((c) => [c, "'"] as const),
  ...[...'″“”„«»'].map((c) => [c, '"'] as const),
  ...[...'‐‑‒–—−'].map((c) => [c, '-'] as const),
  ...[...'•·▪►'].map((c) => [c, ' - '] as const),
  ['ß', 'ss'],
]);
const SPACES = /\s+/g;

/**
 * Folds one field of an event for matching.
 *
 * @param raw - A title or description as the calendar stored it.
 * @returns The folded text, with and without case.
 */
export function normalizeText(raw: string): NormalizedText {
  let s = raw;
  if (NON_ASCII.test(s)) {
    s = s
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .replace(EMOJI, (emoji) => SPORT_EMOJI.get(emoji) ?? ' ')
      .replace(PUNCTUATION, (c) => FOLDED_PUNCTUATION.get(c) ?? ' ');
  }
  const cased = s.replace(SPACES, ' ').trim();
  return { cased, lower: cased.toLowerCase() };
}
