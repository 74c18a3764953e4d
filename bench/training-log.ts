/**
 * Twelve weeks of a runner's training log (SPEC §6b), for the benches that open pages with a log
 * stored: two sessions a week, the main lift and four accessories, three sets each, the load
 * creeping up as double progression says.
 */
import type { TrainingLog } from '../src/core/log';
import { addDays, dateInZone, startOfWeek } from '../src/core/time';

const EXERCISES = [
  'Goblet squat',
  'Romanian deadlift',
  'Split squat',
  'Standing calf raise',
  'Dead bug',
] as const;

/** The 12 weeks before `now`'s week, Monday weeks in `timeZone`. */
export function twelveWeeksOfLog(now: number, timeZone: string): TrainingLog {
  const thisWeek = startOfWeek(dateInZone(now, timeZone), 1);
  const entries: TrainingLog['entries'] = [];
  for (let w = 12; w >= 1; w -= 1) {
    const week = addDays(thisWeek, -7 * w);
    for (const [n, day] of [1, 3].entries()) {
      const step = 12 - w;
      entries.push({
        sessionId: `s${week.replaceAll('-', '')}-${n + 1}`,
        date: addDays(week, day),
        status: step % 5 === 4 && n === 1 ? 'partly' : 'done',
        rpe: 7 + (step % 2),
        exercises: EXERCISES.map((name, i) => ({
          name,
          sets: [0, 1, 2].map(() =>
            i < 2 ? { reps: 6 + (step % 3), kg: 16 + 2.5 * Math.floor(step / 3) } : { reps: 10 },
          ),
        })),
      });
    }
  }
  return { version: 1, entries };
}
