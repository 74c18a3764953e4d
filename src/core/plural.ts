/**
 * Counted nouns in the runner's language ("1 session", "3 sessions"), one rule for every
 * surface: the popup, Options, the background's status lines and the CLI.
 */

const rules = new Intl.PluralRules('en');

/**
 * `count` followed by the noun in the form English uses for that count (`Intl.PluralRules`).
 *
 * @example plural(1, 'session') // '1 session'
 * @example plural(0, 'calendar') // '0 calendars'
 * @example plural(2, 'child', 'children') // '2 children'
 */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${rules.select(count) === 'one' ? one : other}`;
}
