import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readIcs } from '../../src/calendar/ics';
import { classifyCalendar } from '../../src/core/classify-calendar';
import type { ClassifiedEvent } from '../../src/core/classify-calendar';
import { parsePreferences } from '../../src/core/prefs';
import type { Preferences } from '../../src/core/prefs';
import { addDays, startOfDayInstant } from '../../src/core/time';
import { fixturePath } from './shared';

export interface ScenarioExpect {
  week: string;
  weeks: number;
  note?: string;
  daysExactly?: string[];
  daysInclude?: string[];
  daysExclude?: string[];
  count?: number;
  perWeek?: [number, number][];
  light?: boolean;
  warnings?: boolean;
  unplacedAtLeast?: number;
  warningsNone?: boolean;
  phases?: string[];
  runKinds?: Record<string, string>;
  backToBack?: string[];
  reasonsInclude?: Record<string, string>;
  notHeavy?: boolean;
}

export interface Scenario {
  name: string;
  expect: ScenarioExpect;
  prefs: Preferences;
  events: ClassifiedEvent[];
}

export const SCENARIOS_DIR = fixturePath('scenarios');

export function scenarioNames(dir = SCENARIOS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'expect.json')))
    .map((d) => d.name)
    .sort();
}

/** Reads a scenario folder the way the CLI would: the calendar over the weeks plus margins. */
export function loadScenario(name: string, dir = SCENARIOS_DIR): Scenario {
  const folder = join(dir, name);
  const expect = JSON.parse(readFileSync(join(folder, 'expect.json'), 'utf8')) as ScenarioExpect;
  const prefs = parsePreferences(JSON.parse(readFileSync(join(folder, 'prefs.json'), 'utf8')), {
    defaultTimezone: 'UTC',
  });
  const tz = prefs.timezone;
  const read = readIcs(readFileSync(join(folder, 'calendar.ics')), {
    timezone: tz,
    range: {
      start: startOfDayInstant(addDays(expect.week, -8), tz),
      end: startOfDayInstant(addDays(expect.week, 7 * expect.weeks + 63), tz),
    },
    source: name,
  });
  return { name, expect, prefs, events: classifyCalendar(read.events) };
}
