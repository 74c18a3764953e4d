/**
 * Content lines (RFC 5545 §3.1): unfolding and a tolerant `NAME;PARAM=V:value` splitter.
 *
 * Everything here is a single left-to-right scan with `indexOf`/char loops, never a regular
 * expression that can backtrack, so a 20 MB line or a 5 MB DESCRIPTION costs linear time.
 */

/** One unfolded content line, split into its parts. */
export interface ContentLine {
  /** Property name, upper-cased (names are case-insensitive, §3.1). */
  name: string;
  /** Parameters by upper-cased name; values unquoted, the first occurrence wins. */
  params: ReadonlyMap<string, string>;
  /** The raw value (still escaped), or `null` when the line has no `:` at all. */
  value: string | null;
}

// Most lines have no parameters: they share one empty map rather than allocate their own.
const NO_PARAMS: ReadonlyMap<string, string> = new Map();

/** Properties whose value is free text, so a stray unfolded line most likely belongs to them. */
const TEXT_PROPERTIES = new Set(['DESCRIPTION', 'SUMMARY', 'LOCATION', 'COMMENT']);

function isNameChar(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || // -
    c === 0x5f || // _ (not in RFC 5545 names, but seen in vendor X- names)
    c === 0x2e // . (vCard-style group prefix)
  );
}

/** Length of the property name at the start of `line` when it is followed by `;` or `:`, else 0. */
export function propertyNameLength(line: string): number {
  let i = 0;
  while (i < line.length && isNameChar(line.charCodeAt(i))) i++;
  if (i === 0 || i >= line.length) return 0;
  const c = line.charCodeAt(i);
  return c === 0x3a || c === 0x3b ? i : 0;
}

/**
 * Splits text into logical lines: CRLF, LF or lone CR endings; a line starting with a space or
 * TAB continues the previous one (§3.1, including Sunbird's fold right after the name, which
 * leaves lines like ` :value`); blank lines are dropped.
 *
 * A line that does not look like a content line at all (no `NAME:` or `NAME;`) is a raw
 * newline some producers leave inside a text value (the ics-parser fixture has one in a
 * DESCRIPTION). It is kept as a newline in the previous value when that value is text, and
 * dropped otherwise, so it cannot corrupt a DTSTART.
 */
export function unfoldLines(text: string): string[] {
  const physical = splitPhysicalLines(text);
  const out: string[] = [];
  let previousIsText = false;
  // The logical line being built: its first physical line, then continuations if any (most
  // lines have none, and this runs for every line of a large calendar).
  let head: string | null = null;
  let rest: string[] | null = null;
  const flush = (): void => {
    if (head === null) return;
    const line = rest === null ? head : head + rest.join('');
    head = null;
    rest = null;
    const nameLength = propertyNameLength(line);
    if (nameLength === 0) {
      if (previousIsText && out.length > 0) out[out.length - 1] += `\\n${line}`;
      return;
    }
    out.push(line);
    previousIsText = isTextProperty(line, nameLength);
  };
  for (let raw of physical) {
    // Concatenated exports can carry a byte-order mark at the start of every file.
    if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    if (raw.length === 0) {
      flush();
      continue;
    }
    const first = raw.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (head !== null) (rest ??= []).push(raw.slice(1));
      continue;
    }
    flush();
    head = raw;
  }
  flush();
  return out;
}

/**
 * CRLF, LF or lone CR line ends. Splitting on a string is several times faster than on the
 * regular expression, and nearly every file uses one kind of line end throughout.
 */
function splitPhysicalLines(text: string): string[] {
  if (!text.includes('\r')) return text.split('\n');
  if (!LONE_CR_OR_LF.test(text)) return text.split('\r\n');
  return text.split(/\r\n|\r|\n/);
}

const LONE_CR_OR_LF = /\r(?!\n)|(?<!\r)\n/;

/** Whether the line's property (`nameLength` long) holds free text: `TEXT_PROPERTIES` or `X-…`. */
function isTextProperty(line: string, nameLength: number): boolean {
  const c0 = line.charCodeAt(0) | 0x20;
  if (c0 === 0x78 /* x */ && line.charCodeAt(1) === 0x2d /* - */) return true;
  // Only the four text names are candidates: skip the upper-casing for every other line.
  if (nameLength < 7 || nameLength > 11) return false;
  return TEXT_PROPERTIES.has(line.slice(0, nameLength).toUpperCase());
}

function unquote(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1);
  }
  return trimmed.includes('"') ? trimmed.replaceAll('"', '') : trimmed;
}

/** RFC 6868 caret escapes in parameter values: `^n` newline, `^'` double quote, `^^` caret. */
function unescapeParam(value: string): string {
  if (!value.includes('^')) return value;
  return value.replace(/\^(['n^])/g, (_m, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}

/**
 * Splits one unfolded content line into name, parameters and value.
 *
 * Tolerates what ical.js rejects: unquoted parameter values with spaces and commas
 * (`TZID=Kuala Lumpur, Singapore`), parameters without `=` (`DTSTART;X-FOO:…`), empty
 * parameters (`;;`), and a quoted value that swallowed the value separator
 * (`DTSTART;TZID="W. Europe Standard Time:20200609T090000"`, from an Exchange 2010 export):
 * when no `:` is left outside quotes, the last quoted parameter is split at its last `:`.
 * Returns `null` when the line has no property name.
 */
export function parseContentLine(line: string): ContentLine | null {
  const nameLength = propertyNameLength(line);
  if (nameLength === 0) return null;
  const name = line.slice(0, nameLength).toUpperCase();
  let i = nameLength;
  if (line.charCodeAt(i) === 0x3a /* : */)
    return { name, params: NO_PARAMS, value: line.slice(i + 1) };
  const params = new Map<string, string>();
  const n = line.length;
  let lastQuoted: { key: string; value: string } | null = null;
  while (i < n && line.charCodeAt(i) === 0x3b /* ; */) {
    i++;
    const nameStart = i;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c === 0x3d /* = */ || c === 0x3b /* ; */ || c === 0x3a /* : */) break;
      i++;
    }
    const key = line.slice(nameStart, i).trim().toUpperCase();
    if (i >= n || line.charCodeAt(i) !== 0x3d) continue; // no value: ignore the parameter
    i++;
    const valueStart = i;
    let inQuote = false;
    let quoted = false;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c === 0x22 /* " */) {
        inQuote = !inQuote;
        quoted = true;
      } else if (!inQuote && (c === 0x3b || c === 0x3a)) {
        break;
      }
      i++;
    }
    const value = unescapeParam(unquote(line.slice(valueStart, i)));
    if (key.length > 0 && !params.has(key)) params.set(key, value);
    lastQuoted = quoted ? { key, value } : null;
  }
  if (i < n && line.charCodeAt(i) === 0x3a) {
    return { name, params, value: line.slice(i + 1) };
  }
  if (i >= n && lastQuoted !== null) {
    const colon = lastQuoted.value.lastIndexOf(':');
    if (colon !== -1) {
      params.set(lastQuoted.key, lastQuoted.value.slice(0, colon).trim());
      return { name, params, value: lastQuoted.value.slice(colon + 1) };
    }
  }
  return { name, params, value: null };
}

/** Unescapes a TEXT value (§3.3.11): `\\` `\;` `\,` `\n`/`\N`; any other `\x` keeps `x`. */
export function unescapeText(value: string): string {
  let from = value.indexOf('\\');
  if (from === -1) return value;
  const out: string[] = [];
  let last = 0;
  while (from !== -1 && from < value.length - 1) {
    out.push(value.slice(last, from));
    const c = value[from + 1];
    out.push(c === 'n' || c === 'N' ? '\n' : (c ?? ''));
    last = from + 2;
    from = value.indexOf('\\', last);
  }
  out.push(value.slice(last));
  return out.join('');
}
