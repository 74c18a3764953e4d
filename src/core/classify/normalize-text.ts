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
const EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3/gu;
// The sport emoji say what the event is when the title is nothing else ("🏃‍♀️", "🏊").
const SPORT_EMOJI: readonly (readonly [RegExp, string])[] = [
  [/\u{1F3C3}/gu, ' run '],
  [/[\u{1F3CB}\u{1F4AA}]/gu, ' gym '],
  [/[\u{1F6B4}\u{1F6B5}]/gu, ' bike '],
  [/\u{1F3CA}/gu, ' swim '],
  [/\u{1F9D8}/gu, ' yoga '],
  [/\u{1F6B6}/gu, ' walk '],
  [/\u{1F6A3}/gu, ' row '],
  [/[\u{1F634}\u{1F4A4}\u{1F6CC}]/gu, ' rest '],
];
const TIMES = /[×✕✖⨯]/g;
const APOSTROPHES = /[’‘′´`]/g;
const DOUBLE_QUOTES = /[″“”„«»]/g;
const DASHES = /[‐‑‒–—−]/g;
// Bullets separate a title's parts in Runna / TrainingPeaks exports ("Easy Run • 5km").
const SEPARATORS = /[•·▪►]/g;
const SHARP_S = /ß/g;
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
    s = s.normalize('NFKD').replace(COMBINING_MARKS, '');
    for (const [emoji, word] of SPORT_EMOJI) s = s.replace(emoji, word);
    s = s
      .replace(EMOJI, ' ')
      .replace(TIMES, 'x')
      .replace(APOSTROPHES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(DASHES, '-')
      .replace(SEPARATORS, ' - ')
      .replace(SHARP_S, 'ss');
  }
  const cased = s.replace(SPACES, ' ').trim();
  return { cased, lower: cased.toLowerCase() };
}
