/**
 * How fast the classifier reads titles. A calendar sync classifies every occurrence of a year
 * of events on each re-sync, so the classifier has to stay in the hundreds of thousands of
 * titles per second. The figure is printed next to a bare lower-case scan of the same titles in
 * the same process, so the ratio means something on any machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyEvent } from '../src/core/classify';
import type { ClassifyInput } from '../src/core/classify';
import { measure, ROUNDS } from './measure';

const TARGET_TITLES = 12_000;
const DEV_SET = fileURLToPath(new URL('../tests/fixtures/workout-titles.tsv', import.meta.url));

// Building blocks of the titles plans and apps write, mixed to make many distinct titles.
const PREFIXES = ['', 'Run: ', 'Run - ', '🏃 ', 'AM ', 'PM ', 'Double: ', 'Optional ', 'W3D2 '];
const WORKOUTS = [
  'Easy',
  'Easy run',
  'Recovery',
  'Long run',
  'LR',
  'Tempo',
  'Threshold',
  'Steady',
  'Progression run',
  'Medium-long run',
  'General aerobic',
  'Intervals',
  'Hill repeats',
  'Fartlek',
  'Track',
  'VO2max',
  'Cruise intervals',
  'Marathon pace',
  'Shakeout',
  'Z2',
  'Lockerer Dauerlauf',
  'Langer Lauf',
  'Sortie longue',
  'Footing',
  'Fractionné',
  'Rodaje',
  'Tirada larga',
  'Series',
  'Duurloop',
  'Tempoloop',
];
const AMOUNTS = [
  '',
  '5 mi',
  '8 km',
  '45 min',
  "30'",
  '1h30',
  '2:15',
  '16 mi',
  '6 x 800m @ 5K',
  '5 x 1 km',
  '3 x 2 mi @ T',
  'w/ last 3 @ MP',
  '+ 6 strides',
  '10 x 400 R',
  '• 22km',
  '2 x 15 min',
];
const OTHERS = [
  'Sprint planning',
  'Run payroll',
  'Tempo review',
  'Long lunch',
  'Marathon budget review',
  'Train to Manchester',
  'Core team sync',
  'Gym',
  'Strength training',
  'Yoga',
  'Swim 1500m',
  'Zwift ride',
  'Rest day',
  'Rest or cross-train',
  'Dentist',
  'Berlin Marathon',
  'parkrun (race!)',
  'Krafttraining',
  'Ruhetag',
  'Natación 45 min',
];

function devTitles(): ClassifyInput[] {
  if (!existsSync(DEV_SET)) return [];
  return readFileSync(DEV_SET, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [title = '', description = ''] = line.split('\t');
      return description ? { title, description } : { title };
    });
}

/** Deterministic: the same titles, in the same order, on every run. */
function buildInputs(): ClassifyInput[] {
  const inputs: ClassifyInput[] = devTitles();
  const generated: string[] = [];
  for (const prefix of PREFIXES) {
    for (const workout of WORKOUTS) {
      for (const amount of AMOUNTS) generated.push(`${prefix}${workout} ${amount}`.trim());
    }
  }
  const room = TARGET_TITLES - OTHERS.length * 10 - inputs.length;
  generated.slice(0, room).forEach((title, i) => {
    // Every third event is timed, as in a real calendar; the rest are all-day.
    inputs.push(i % 3 === 0 ? { title, eventMinutes: 30 + (i % 7) * 15 } : { title });
  });
  for (let copy = 0; inputs.length < TARGET_TITLES; copy += 1) {
    for (const title of OTHERS) inputs.push({ title: copy === 0 ? title : `${title} (${copy})` });
  }
  return inputs;
}

/** Items per second from a median round time. */
function rate(count: number, medianMs: number): number {
  return count / (medianMs / 1000);
}

/** Prints the classifier's throughput and its cost relative to a bare lower-case scan. */
export async function benchClassify(): Promise<void> {
  const inputs = buildInputs();
  const classifyRun = measure(() => {
    let keys = 0;
    for (const input of inputs) if (classifyEvent(input).key) keys += 1;
    return keys;
  });
  const bareRun = measure(() => {
    let hits = 0;
    for (const input of inputs) if (input.title.toLowerCase().includes('run')) hits += 1;
    return hits;
  });
  const classify = { rate: rate(inputs.length, classifyRun.medianMs), sink: classifyRun.sink };
  const bare = { rate: rate(inputs.length, bareRun.medianMs), sink: bareRun.sink };
  const total = inputs.length * ROUNDS;
  console.log(
    `titles: ${inputs.length} (the development set plus generated variants), ${total} classifications timed`,
  );
  console.log(
    `classify: ${Math.round(classify.rate).toLocaleString('en-US')} titles/s (median of ${ROUNDS} rounds)`,
  );
  console.log(
    `bare lowercase scan: ${Math.round(bare.rate).toLocaleString('en-US')} titles/s (median of ${ROUNDS} rounds)`,
  );
  console.log(
    `classify vs. bare lowercase scan: ×${(bare.rate / classify.rate).toFixed(1)} slower`,
  );
  // Printed so the work cannot be optimised away.
  console.log(`(checksum ${classify.sink + bare.sink})`);
}
