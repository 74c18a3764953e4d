import { describe, expect, it } from 'vitest';
import { classifyEvent, KEY_KINDS } from '../../../src/core/classify';
import type { Activity, ClassifyInput, Intensity, RunKind } from '../../../src/core/classify';

/** A title and what it is: activity, run kind, intensity. */
type Row = [title: string, activity: Activity, kind: RunKind | null, intensity: Intensity | null];

/** As {@link Row}, with a description. */
type DescribedRow = [
  title: string,
  description: string,
  activity: Activity,
  kind: RunKind | null,
  intensity: Intensity | null,
];

function expectClassification(
  title: string,
  activity: Activity,
  kind: RunKind | null,
  intensity: Intensity | null,
  description?: string,
): void {
  const input: ClassifyInput = description === undefined ? { title } : { title, description };

  const result = classifyEvent(input);

  expect({ activity: result.activity, kind: result.kind, intensity: result.intensity }).toEqual({
    activity,
    kind,
    intensity,
  });
  expect(result.key).toBe(kind !== null && KEY_KINDS.includes(kind));
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  expect(result.reasons.length).toBeGreaterThan(0);
}

describe('classifyEvent', () => {
  describe('intervals: repeats at 5K/3K/mile pace, track, VO2max, speed, R/I paces, fartlek, ladders, on/off', () => {
    it.each<Row>([
      ['WU 2mi + 5x1k @ 10K + CD', 'run', 'intervals', 'hard'],
      ['6 x 800 @ 5K', 'run', 'intervals', 'hard'],
      ['5 x 1000m @ 3K pace', 'run', 'intervals', 'hard'],
      ['12 x 400 @ mile pace', 'run', 'intervals', 'hard'],
      ['Track: 4 x 1200', 'run', 'intervals', 'hard'],
      ['Track night', 'run', 'intervals', 'hard'],
      ['Track Wednesday', 'run', 'intervals', 'hard'],
      ["VO2max 5 x 3'", 'run', 'intervals', 'hard'],
      ['VO2max 8 mi w/ 5 x 1000 m @ 5K', 'run', 'intervals', 'hard'],
      ['Speedwork', 'run', 'intervals', 'hard'],
      ['Speed Thursday', 'run', 'intervals', 'hard'],
      ['2E + 6 x 400 R + 2E', 'run', 'intervals', 'hard'],
      ['2 x (4 x 400 @ R)', 'run', 'intervals', 'hard'],
      ["Fartlek 10 x 1' on / 1' off", 'run', 'intervals', 'hard'],
      ['Fartlek • 40min', 'run', 'intervals', 'hard'],
      ['Ladder 200-400-600-800', 'run', 'intervals', 'hard'],
      ['8 x 1 min fast / 1 min easy', 'run', 'intervals', 'hard'],
      ['30/30s x 10', 'run', 'intervals', 'hard'],
      ['10 x 400m', 'run', 'intervals', 'hard'],
      ['6 x 1 km', 'run', 'intervals', 'hard'],
      ['5 x 1 mile', 'run', 'intervals', 'hard'],
      ['12 x 400s', 'run', 'intervals', 'hard'],
      ['Intervals', 'run', 'intervals', 'hard'],
      ['Interval Run • 6 x 800m', 'run', 'intervals', 'hard'],
      ['Long intervals 4 x 2 km', 'run', 'intervals', 'hard'],
      ['Short intervals 20 x 200m', 'run', 'intervals', 'hard'],
      ['Quality: 5 x 1 km @ 5K', 'run', 'intervals', 'hard'],
      ['Session: 400s', 'run', 'intervals', 'hard'],
      ['🔥 Intervals 🔥', 'run', 'intervals', 'hard'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('tempo: threshold, LT, T pace, cruise intervals, sweet spot, marathon pace, Higdon pace, Hansons strength', () => {
    it.each<Row>([
      ['Cruise intervals 3 x 1 mi @ T', 'run', 'tempo', 'hard'],
      ['2 x 3 mi @ M', 'run', 'tempo', 'hard'],
      ['Tempo 3 x 10 min', 'run', 'tempo', 'hard'],
      ['Tempo 4 mi', 'run', 'tempo', 'hard'],
      ["Tempo 20'", 'run', 'tempo', 'hard'],
      ['Tempo Run • 30min', 'run', 'tempo', 'hard'],
      ['Tempo Tuesday', 'run', 'tempo', 'hard'],
      ["Threshold 2 x 20'", 'run', 'tempo', 'hard'],
      ['Threshold Run • 45min', 'run', 'tempo', 'hard'],
      ['Threshold intervals 4 x 8 min', 'run', 'tempo', 'hard'],
      ['Tempo intervals 3 x 2 km', 'run', 'tempo', 'hard'],
      ['Long tempo 8 mi', 'run', 'tempo', 'hard'],
      ['LT run 40 min', 'run', 'tempo', 'hard'],
      ['Lactate threshold 10 mi w/ 5 @ 15K pace', 'run', 'tempo', 'hard'],
      ['Sweet spot 3 x 12 min', 'run', 'tempo', 'hard'],
      ['T pace 20 min', 'run', 'tempo', 'hard'],
      ['1E + 3 x 1 mi T + 1E', 'run', 'tempo', 'hard'],
      ['Marathon pace run 8 mi', 'run', 'tempo', 'hard'],
      ['HM pace 6 mi', 'run', 'tempo', 'hard'],
      ['Race pace 3 x 2 mi', 'run', 'tempo', 'hard'],
      ['Race Pace Run • 10km', 'run', 'tempo', 'hard'],
      ['Key workout: 3 x 2 mi @ HMP', 'run', 'tempo', 'hard'],
      ['Workout: tempo 25 min', 'run', 'tempo', 'hard'],
      ['3 m pace', 'run', 'tempo', 'hard'],
      ['5 mile tempo', 'run', 'tempo', 'hard'],
      ['20 minute tempo', 'run', 'tempo', 'hard'],
      ['Strength 3 x 2 mi', 'run', 'tempo', 'hard'],
      ['Hansons Strength 6 x 1.5 mi', 'run', 'tempo', 'hard'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('hills', () => {
    it.each<Row>([
      ['Hill repeats', 'run', 'hills', 'hard'],
      ['Hills', 'run', 'hills', 'hard'],
      ['Hill Tuesday', 'run', 'hills', 'hard'],
      ['Hill workout 10 x 45s', 'run', 'hills', 'hard'],
      ['Hill sprints 8 x 10s', 'run', 'hills', 'hard'],
      ['Uphill repeats 8 x 1 min', 'run', 'hills', 'hard'],
      ['Hill Repeats • 8 x 60s', 'run', 'hills', 'hard'],
      ['Long hill repeats 6 x 3 min', 'run', 'hills', 'hard'],
      ['Hills 6 x 2 min', 'run', 'hills', 'hard'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('long runs, hard when they carry marathon-pace or fast-finish segments', () => {
    it.each<Row>([
      ['LR 18 w/ last 4 @ MP', 'run', 'long', 'hard'],
      ['Sunday long run', 'run', 'long', 'moderate'],
      ['Long Sunday', 'run', 'long', 'moderate'],
      ['Long run', 'run', 'long', 'moderate'],
      ['Long run 30 km', 'run', 'long', 'moderate'],
      ['LR 20', 'run', 'long', 'moderate'],
      ['LR 2:15', 'run', 'long', 'moderate'],
      ['Long run 90 min', 'run', 'long', 'moderate'],
      ['Long run (2:30)', 'run', 'long', 'moderate'],
      ['Long run 2 hrs', 'run', 'long', 'moderate'],
      ['Long run 2 hours', 'run', 'long', 'moderate'],
      ['Long slow distance 2h30', 'run', 'long', 'moderate'],
      ['Long Run • 1h 45m', 'run', 'long', 'moderate'],
      ['Long Run • 2h', 'run', 'long', 'moderate'],
      ['🏃 Long Run 🏃', 'run', 'long', 'moderate'],
      ['Long run 16 mi easy', 'run', 'long', 'moderate'],
      ['Long run 20 mi w/ 12 @ MP', 'run', 'long', 'hard'],
      ['Long run 22 km w/ last 5 km @ HMP', 'run', 'long', 'hard'],
      ['Long run progression to MP 16 mi', 'run', 'long', 'hard'],
      ['Progression long run 14 mi', 'run', 'long', 'hard'],
      ['Progression run 12 mi', 'run', 'long', 'hard'],
      ['Fast finish 15 mi', 'run', 'long', 'hard'],
      ['Long run 14 mi with 4 x 1 mi @ MP', 'run', 'long', 'hard'],
      ['Long run w/ surges', 'run', 'long', 'hard'],
      ['Marathon-paced long run 18 mi', 'run', 'long', 'hard'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('steady: medium-long, progression, moderate', () => {
    it.each<Row>([
      ['Progression run 8 mi', 'run', 'steady', 'moderate'],
      ['Medium long run 13 mi', 'run', 'steady', 'moderate'],
      ['Medium-long 15 mi', 'run', 'steady', 'moderate'],
      ['MLR 12', 'run', 'steady', 'moderate'],
      ['Steady state 40 min', 'run', 'steady', 'moderate'],
      ['Moderate 6 mi', 'run', 'steady', 'moderate'],
      ["Moderate 45'", 'run', 'steady', 'moderate'],
      ['Steady run 10 km', 'run', 'steady', 'moderate'],
      ['Steady 10k', 'run', 'steady', 'moderate'],
      ['Negative split run 8 mi', 'run', 'steady', 'moderate'],
      ['parkrun', 'run', 'steady', 'moderate'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('easy and recovery runs, and plain runs', () => {
    it.each<Row>([
      ['Morning Run', 'run', 'easy', 'easy'],
      ['PM run', 'run', 'easy', 'easy'],
      ['AM run 6 mi', 'run', 'easy', 'easy'],
      ['Run 35 min', 'run', 'easy', 'easy'],
      ['Run', 'run', 'easy', 'easy'],
      ['Easy', 'run', 'easy', 'easy'],
      ["Easy 30'", 'run', 'easy', 'easy'],
      ['Easy 45min', 'run', 'easy', 'easy'],
      ['Easy run 5 mi', 'run', 'easy', 'easy'],
      ['Easy run 8 km', 'run', 'easy', 'easy'],
      ['Easy Monday', 'run', 'easy', 'easy'],
      ['Easy Run • 45min', 'run', 'easy', 'easy'],
      ['Easy Run (Z2)', 'run', 'easy', 'easy'],
      ['Run - 5 km - Easy', 'run', 'easy', 'easy'],
      ["Run: 45' Z2", 'run', 'easy', 'easy'],
      ['Z2 run 50 min', 'run', 'easy', 'easy'],
      ['Zone 2 run', 'run', 'easy', 'easy'],
      ['Aerobic run 8 mi', 'run', 'easy', 'easy'],
      ['Base 6 mi', 'run', 'easy', 'easy'],
      ['Jog 30 min', 'run', 'easy', 'easy'],
      ['Easy jog', 'run', 'easy', 'easy'],
      ['Easy jog 20 min + drills', 'run', 'easy', 'easy'],
      ['Cool down jog', 'run', 'easy', 'easy'],
      ['Run/walk intervals 30 min', 'run', 'easy', 'easy'],
      ['Trail run', 'run', 'easy', 'easy'],
      ['Treadmill run', 'run', 'easy', 'easy'],
      ['Treadmill 5 mi', 'run', 'easy', 'easy'],
      ['Zwift run 30 min', 'run', 'easy', 'easy'],
      ['Lunch run', 'run', 'easy', 'easy'],
      ['Group run', 'run', 'easy', 'easy'],
      ['Run club', 'run', 'easy', 'easy'],
      ['Run commute 8 km', 'run', 'easy', 'easy'],
      ['Run to work', 'run', 'easy', 'easy'],
      ['Run a 5K', 'run', 'easy', 'easy'],
      ['Run the river loop', 'run', 'easy', 'easy'],
      ['Optional run', 'run', 'easy', 'easy'],
      ['Double run PM: easy 3', 'run', 'easy', 'easy'],
      ['E 8 mi', 'run', 'easy', 'easy'],
      ['6 m run', 'run', 'easy', 'easy'],
      ['Shakeout 20 min', 'run', 'recovery', 'easy'],
      ['Recovery 3 miles', 'run', 'recovery', 'easy'],
      ['Recovery 5 mi', 'run', 'recovery', 'easy'],
      ["Recovery jog 20'", 'run', 'recovery', 'easy'],
      ['Recovery Run • 4km', 'run', 'recovery', 'easy'],
      ['Recovery run 30 min (HR < 140)', 'run', 'recovery', 'easy'],
      ['Pre-race shakeout 3 mi', 'run', 'recovery', 'easy'],
      ['Post-race recovery jog', 'run', 'recovery', 'easy'],
      ['Race week shakeout', 'run', 'recovery', 'easy'],
      ['parkrun (easy)', 'run', 'easy', 'easy'],
      ['Workout', 'run', 'easy', 'easy'],
      ['Z1 30 min', 'run', 'recovery', 'easy'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('strides and hill sprints added to a run', () => {
    it.each<Row>([
      ['E 6 + 6 strides', 'run', 'easy', 'easy'],
      ['Easy 5 mi w/ strides', 'run', 'easy', 'easy'],
      ['6 x 20s strides', 'run', 'easy', 'easy'],
      ["Easy 40' + 6 x 100m strides", 'run', 'easy', 'easy'],
      ['Easy 6 + 8 x 10s hill sprints', 'run', 'easy', 'easy'],
      ['Easy 6 mi + 8 hill sprints', 'run', 'easy', 'easy'],
      ['Easy run + hill sprints', 'run', 'easy', 'easy'],
      ['Recovery 4 mi + strides', 'run', 'recovery', 'easy'],
      ["Run 6 mi + 4 x 20' strides", 'run', 'easy', 'easy'],
      ['Strides', 'run', 'easy', 'easy'],
      ['Easy + strides', 'run', 'easy', 'easy'],
      ['Drills + strides', 'run', 'easy', 'easy'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('races, named events and fun runs', () => {
    it.each<Row>([
      ['Berlin Marathon', 'run', 'race', 'hard'],
      ['NYC Marathon', 'run', 'race', 'hard'],
      ['Tokyo Marathon 2027', 'run', 'race', 'hard'],
      ['Boston Marathon (A race)', 'run', 'race', 'hard'],
      ['Chicago Half', 'run', 'race', 'hard'],
      ['Half Marathon', 'run', 'race', 'hard'],
      ['Marathon Race Day', 'run', 'race', 'hard'],
      ['Turkey Trot', 'run', 'race', 'hard'],
      ['Turkey Trot 5K', 'run', 'race', 'hard'],
      ['Tune-up half', 'run', 'race', 'hard'],
      ['Tune-up 10K', 'run', 'race', 'hard'],
      ['Thanksgiving Turkey Trot', 'run', 'race', 'hard'],
      ['Great North Run', 'run', 'race', 'hard'],
      ['Bolder Boulder 10K', 'run', 'race', 'hard'],
      ['Cherry Blossom 10 Miler', 'run', 'race', 'hard'],
      ['Hood to Coast Relay', 'run', 'race', 'hard'],
      ['Jingle Bell Run 5K', 'run', 'race', 'hard'],
      ['Santa Dash', 'run', 'race', 'hard'],
      ['Color Run', 'run', 'race', 'hard'],
      ['Spartan Race', 'run', 'race', 'hard'],
      ['Triathlon', 'run', 'race', 'hard'],
      ['Ironman 70.3', 'run', 'race', 'hard'],
      ['Local 5K', 'run', 'race', 'hard'],
      ['5K race', 'run', 'race', 'hard'],
      ['10K Race', 'run', 'race', 'hard'],
      ['Goal race: marathon', 'run', 'race', 'hard'],
      ['Race day!', 'run', 'race', 'hard'],
      ['Virtual race 10K', 'run', 'race', 'hard'],
      ['Tune-up 10K race', 'run', 'race', 'hard'],
      ['Ultra 50K', 'run', 'race', 'hard'],
      ['Trail race 25 km', 'run', 'race', 'hard'],
      ['XC race', 'run', 'race', 'hard'],
      ['Track meet', 'run', 'race', 'hard'],
      ['5K time trial', 'run', 'race', 'hard'],
      ['Mile time trial', 'run', 'race', 'hard'],
      ['Fun run', 'run', 'race', 'hard'],
      ["Kids' fun run", 'run', 'race', 'hard'],
      ['Charity 5K', 'run', 'race', 'hard'],
      ['parkrun (race!)', 'run', 'race', 'hard'],
      ['Parkrun PB attempt', 'run', 'race', 'hard'],
      ['Run the Boston Marathon', 'run', 'race', 'hard'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('rest days; "rest or \u2026" takes the lighter choice', () => {
    it.each<Row>([
      ['Rest / XT', 'rest', null, 'rest'],
      ['Cross-train or rest', 'rest', null, 'rest'],
      ['Rest or cross-train', 'rest', null, 'rest'],
      ['Cross train or rest', 'rest', null, 'rest'],
      ['Easy run or rest', 'rest', null, 'rest'],
      ['Rest or walk', 'rest', null, 'rest'],
      ['Rest/Stretch', 'rest', null, 'rest'],
      ['Day off', 'rest', null, 'rest'],
      ['Rest day', 'rest', null, 'rest'],
      ['REST DAY', 'rest', null, 'rest'],
      ['Complete rest', 'rest', null, 'rest'],
      ['OFF', 'rest', null, 'rest'],
      ['😴 Rest', 'rest', null, 'rest'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('cross-training', () => {
    it.each<Row>([
      ['Zwift ride', 'cross', null, null],
      ['Zwift', 'cross', null, null],
      ['Peloton', 'cross', null, null],
      ['Peloton ride 45', 'cross', null, null],
      ['Pool session', 'cross', null, null],
      ['Spin class', 'cross', null, null],
      ['Swim 2000 yd', 'cross', null, null],
      ['Open water swim', 'cross', null, null],
      ['Masters swim', 'cross', null, null],
      ['Swim drills', 'cross', null, null],
      ['Aqua jogging 45 min', 'cross', null, null],
      ["Pool running 30'", 'cross', null, null],
      ['Hike', 'cross', null, null],
      ['Hiking with family', 'cross', null, null],
      ['Yoga for runners', 'cross', null, null],
      ['Pilates', 'cross', null, null],
      ['Barre class', 'cross', null, null],
      ['Elliptical 45 min easy', 'cross', null, null],
      ["Easy spin 45'", 'cross', null, null],
      ['Tempo ride 60 min', 'cross', null, null],
      ['Bike intervals 5 x 4 min', 'cross', null, null],
      ['Swim intervals 10 x 100m', 'cross', null, null],
      ['Long ride 3h', 'cross', null, null],
      ['Rowing machine 20 min', 'cross', null, null],
      ['Row 5k', 'cross', null, null],
      ['Erg 2k', 'cross', null, null],
      ['Walk the dog', 'cross', null, null],
      ['Active recovery walk', 'cross', null, null],
      ['XC skiing', 'cross', null, null],
      ["Indoor bike 60'", 'cross', null, null],
      ['Turbo session', 'cross', null, null],
      ['Stationary bike', 'cross', null, null],
      ['Climbing gym', 'cross', null, null],
      ['Tennis', 'cross', null, null],
      ['Soccer practice', 'cross', null, null],
      ['Cross', 'cross', null, null],
      ['Optional cross-train', 'cross', null, null],
      ['Cross-train 30-45 min (bike, swim, elliptical)', 'cross', null, null],
      ['XT 45', 'cross', null, null],
      ['CT 30 min', 'cross', null, null],
      ['XT or easy run 30 min', 'cross', null, null],
      ['🧘 Yoga', 'cross', null, null],
      ['🚴 Ride', 'cross', null, null],
      ['🏊 Swim', 'cross', null, null],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('strength training', () => {
    it.each<Row>([
      ['Strength & conditioning', 'strength', null, null],
      ['S&C', 'strength', null, null],
      ['Lift', 'strength', null, null],
      ['Leg day', 'strength', null, null],
      ['Upper body', 'strength', null, null],
      ['CrossFit WOD', 'strength', null, null],
      ['Kettlebell circuit', 'strength', null, null],
      ['Kettlebells', 'strength', null, null],
      ['Plyometrics', 'strength', null, null],
      ['Plyos + core', 'strength', null, null],
      ['Box jumps & bounds', 'strength', null, null],
      ['Core & mobility', 'strength', null, null],
      ['Core 15 min', 'strength', null, null],
      ['Strength for runners', 'strength', null, null],
      ['Gym: squats, deadlifts', 'strength', null, null],
      ['Gym session', 'strength', null, null],
      ['Walking lunges + step-ups', 'strength', null, null],
      ['Strength 3 x 10 squats', 'strength', null, null],
      ['Bodyweight circuit 20 min', 'strength', null, null],
      ['HIIT class', 'strength', null, null],
      ['Heavy lifting', 'strength', null, null],
      ['Lower body + core', 'strength', null, null],
      ['Weights (legs)', 'strength', null, null],
      ['Strength session A', 'strength', null, null],
      ['Strength workout B', 'strength', null, null],
      ['Full body strength 40 min', 'strength', null, null],
      ['Single-leg strength', 'strength', null, null],
      ['PT session', 'strength', null, null],
      ['Bootcamp', 'strength', null, null],
      ['Orangetheory', 'strength', null, null],
      ['Strength', 'strength', null, null],
      ['Glute bridges + clamshells', 'strength', null, null],
      ['Dead bugs, bird dogs, side planks', 'strength', null, null],
      ['Nordic curls', 'strength', null, null],
      ['Goblet squats 3x10', 'strength', null, null],
      ['Pogo hops & bounding', 'strength', null, null],
      ['💪 Strength', 'strength', null, null],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('a run with another session in the same event', () => {
    it.each<Row>([
      ['Easy run + strength', 'run', 'easy', 'easy'],
      ['Tempo 20 min + core', 'run', 'tempo', 'hard'],
      ['Run then gym', 'run', 'easy', 'easy'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('office, errand and travel events that borrow training words', () => {
    it.each<Row>([
      ['Sprint planning', 'other', null, null],
      ['Sprint 42 planning', 'other', null, null],
      ['Sprint review', 'other', null, null],
      ['Sprint retro', 'other', null, null],
      ['Sprint #7', 'other', null, null],
      ['Run payroll', 'other', null, null],
      ['Run the numbers', 'other', null, null],
      ['Run errands', 'other', null, null],
      ['Run backups', 'other', null, null],
      ['Run book update', 'other', null, null],
      ['Run-through of slides', 'other', null, null],
      ['Dry run for demo', 'other', null, null],
      ['Running late', 'other', null, null],
      ['Long lunch', 'other', null, null],
      ['Long weekend', 'other', null, null],
      ['Long call with investors', 'other', null, null],
      ['Long-range planning', 'other', null, null],
      ['Tempo review', 'other', null, null],
      ['Tempo (Grafana) upgrade', 'other', null, null],
      ['Marathon budget review', 'other', null, null],
      ['Marathon sponsorship meeting', 'other', null, null],
      ['Marathon planning session', 'other', null, null],
      ['Marathon training plan review', 'other', null, null],
      ['Marathon expo', 'other', null, null],
      ['Interval scheduling design review', 'other', null, null],
      ['Intervals.icu subscription renewal', 'other', null, null],
      ['Train to Manchester', 'other', null, null],
      ['Train to London', 'other', null, null],
      ['Bus to airport', 'other', null, null],
      ['Drive to race', 'other', null, null],
      ['Flight to Berlin', 'other', null, null],
      ['Race condition bug bash', 'other', null, null],
      ['Race to the bottom pricing review', 'other', null, null],
      ['Race registration deadline', 'other', null, null],
      ['Race volunteering', 'other', null, null],
      ['parkrun volunteer', 'other', null, null],
      ['Bib pickup', 'other', null, null],
      ['Packet pickup', 'other', null, null],
      ['Core team sync', 'other', null, null],
      ['Hill Street office', 'other', null, null],
      ['Hill Valley trip', 'other', null, null],
      ['Base camp standup', 'other', null, null],
      ['Base salary review', 'other', null, null],
      ['Speed dating', 'other', null, null],
      ['Speed up CI pipeline', 'other', null, null],
      ['Strength finder workshop', 'other', null, null],
      ['Recovery plan review', 'other', null, null],
      ['Pace review with coach', 'other', null, null],
      ['Track expenses', 'other', null, null],
      ['Track progress on OKRs', 'other', null, null],
      ['Swim lane diagram', 'other', null, null],
      ['Spin up staging servers', 'other', null, null],
      ['Lift and shift migration', 'other', null, null],
      ['Walkthrough with client', 'other', null, null],
      ['Release train', 'other', null, null],
      ['School run', 'other', null, null],
      ['Coffee run', 'other', null, null],
      ['Lunch', 'other', null, null],
      ['Team lunch', 'other', null, null],
      ['Lunch with Sarah', 'other', null, null],
      ['Coffee with Alex', 'other', null, null],
      ['Dinner with parents', 'other', null, null],
      ['1:1 with Tom', 'other', null, null],
      ['Coach call', 'other', null, null],
      ['Performance review', 'other', null, null],
      ['Design sync', 'other', null, null],
      ['Weekly planning', 'other', null, null],
      ['Q3 review', 'other', null, null],
      ['Team standup', 'other', null, null],
      ['Board meeting', 'other', null, null],
      ['Investor call', 'other', null, null],
      ['Client demo', 'other', null, null],
      ['Interview: senior engineer', 'other', null, null],
      ['Dentist', 'other', null, null],
      ['Dentist @ 3pm', 'other', null, null],
      ['Physio appointment', 'other', null, null],
      ["Doctor's appointment", 'other', null, null],
      ['Vet appointment', 'other', null, null],
      ['Haircut', 'other', null, null],
      ['Massage', 'other', null, null],
      ['Sports massage', 'other', null, null],
      ['Sauna', 'other', null, null],
      ['Nap', 'other', null, null],
      ['Birthday party', 'other', null, null],
      ['Holiday', 'other', null, null],
      ['Vacation', 'other', null, null],
      ['Parent-teacher conference', 'other', null, null],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('German', () => {
    it.each<Row>([
      ['Lockerer Dauerlauf 45 min', 'run', 'easy', 'easy'],
      ['Ruhiger Dauerlauf 50 min', 'run', 'easy', 'easy'],
      ['Zügiger Dauerlauf 10 km', 'run', 'steady', 'moderate'],
      ['Langer Lauf 25 km', 'run', 'long', 'moderate'],
      ['Intervalle 6 x 1000 m', 'run', 'intervals', 'hard'],
      ['Tempodauerlauf 8 km', 'run', 'tempo', 'hard'],
      ['Fahrtspiel 40 min', 'run', 'intervals', 'hard'],
      ['Bergläufe 10 x 200 m', 'run', 'hills', 'hard'],
      ['Regenerationslauf 30 min', 'run', 'recovery', 'easy'],
      ['Steigerungsläufe', 'run', 'easy', 'easy'],
      ['Lauf 30 min', 'run', 'easy', 'easy'],
      ['Laufen', 'run', 'easy', 'easy'],
      ['Laufen 1,5 Std', 'run', 'long', 'moderate'],
      ['Wettkampf: 10 km', 'run', 'race', 'hard'],
      ['Halbmarathon', 'run', 'race', 'hard'],
      ['Halbmarathon Berlin', 'run', 'race', 'hard'],
      ['Berliner Halbmarathon', 'run', 'race', 'hard'],
      ['Krafttraining', 'strength', null, null],
      ['Stabitraining', 'strength', null, null],
      ['Ruhetag', 'rest', null, 'rest'],
      ['Schwimmen 45 min', 'cross', null, null],
      ['Radfahren 2h', 'cross', null, null],
      ['Wandern', 'cross', null, null],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('French', () => {
    it.each<Row>([
      ["Footing 40'", 'run', 'easy', 'easy'],
      ['Footing de récupération 30 min', 'run', 'recovery', 'easy'],
      ["Endurance fondamentale 45'", 'run', 'easy', 'easy'],
      ['Sortie longue 1h45', 'run', 'long', 'moderate'],
      ['Sortie longue 28 km avec 10 km allure marathon', 'run', 'long', 'hard'],
      ['Fractionné 10 x 400 m', 'run', 'intervals', 'hard'],
      ['Fractionné court 10 x 200', 'run', 'intervals', 'hard'],
      ['Séance VMA 8 x 400', 'run', 'intervals', 'hard'],
      ['Seuil 3 x 10 min', 'run', 'tempo', 'hard'],
      ['Allure marathon 3 x 5 km', 'run', 'tempo', 'hard'],
      ['Côtes 10 x 30 s', 'run', 'hills', 'hard'],
      ['Course', 'run', 'race', 'hard'],
      ['Semi-marathon de Paris', 'run', 'race', 'hard'],
      ['Repos', 'rest', null, 'rest'],
      ['Musculation', 'strength', null, null],
      ['Renforcement musculaire', 'strength', null, null],
      ['Natation 2 km', 'cross', null, null],
      ['Vélo 1h30', 'cross', null, null],
      ['Vélo elliptique 30 min', 'cross', null, null],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('Spanish', () => {
    it.each<Row>([
      ['Rodaje suave 45 min', 'run', 'easy', 'easy'],
      ['Rodaje 8 km', 'run', 'easy', 'easy'],
      ['Rodaje largo 22 km', 'run', 'long', 'moderate'],
      ['Carrera continua 40 min', 'run', 'easy', 'easy'],
      ['Tirada larga 28 km', 'run', 'long', 'moderate'],
      ['Series 8 x 1000', 'run', 'intervals', 'hard'],
      ['Series 6 x 1000 m', 'run', 'intervals', 'hard'],
      ['Cuestas 10 x 200 m', 'run', 'hills', 'hard'],
      ['Umbral 2 x 15 min', 'run', 'tempo', 'hard'],
      ['Ritmo maratón 12 km', 'run', 'tempo', 'hard'],
      ['Carrera', 'run', 'race', 'hard'],
      ['Media maratón de Valencia', 'run', 'race', 'hard'],
      ['Descanso', 'rest', null, 'rest'],
      ['Día de descanso', 'rest', null, 'rest'],
      ['Fuerza', 'strength', null, null],
      ['Gimnasio', 'strength', null, null],
      ['Natación', 'cross', null, null],
      ['Ciclismo 90 min', 'cross', null, null],
      ['Bici 1h', 'cross', null, null],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('Dutch', () => {
    it.each<Row>([
      ['Duurloop 10 km', 'run', 'easy', 'easy'],
      ['Rustige duurloop 40 min', 'run', 'easy', 'easy'],
      ['Lange duurloop 25 km', 'run', 'long', 'moderate'],
      ['Tempoloop 6 km', 'run', 'tempo', 'hard'],
      ['Intervaltraining 5 x 1000 m', 'run', 'intervals', 'hard'],
      ['Intervallen 8 x 400 m', 'run', 'intervals', 'hard'],
      ['Heuveltraining', 'run', 'hills', 'hard'],
      ['Heuvels 8 x 200 m', 'run', 'hills', 'hard'],
      ['Herstelloop 30 min', 'run', 'recovery', 'easy'],
      ['Wedstrijd 10 km', 'run', 'race', 'hard'],
      ['Halve marathon', 'run', 'race', 'hard'],
      ['Rustdag', 'rest', null, 'rest'],
      ['Krachttraining', 'strength', null, null],
      ['Sportschool', 'strength', null, null],
      ['Zwemmen', 'cross', null, null],
      ['Fietsen 60 min', 'cross', null, null],
      ['Wandelen', 'cross', null, null],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('as plans, apps and coaches write them', () => {
    it.each<Row>([
      ['Run: 6 x 1 km @ 10K pace', 'run', 'intervals', 'hard'],
      ["Run - Tempo 25'", 'run', 'tempo', 'hard'],
      ["Run: Long 90'", 'run', 'long', 'moderate'],
      ["Run: Recovery 20'", 'run', 'recovery', 'easy'],
      ["Run: Threshold 4 x 6'", 'run', 'tempo', 'hard'],
      ["Run: Hills 10 x 30'", 'run', 'hills', 'hard'],
      ['Run: Easy 5 km + 4 strides', 'run', 'easy', 'easy'],
      ['W1D1 Easy Run', 'run', 'easy', 'easy'],
      ['Week 3 - Long Run - 14 mi', 'run', 'long', 'moderate'],
      ['Day 4: Intervals', 'run', 'intervals', 'hard'],
      ['Easy 6 (8:45-9:15/mi)', 'run', 'easy', 'easy'],
      ['LT 5 mi', 'run', 'tempo', 'hard'],
      ['GA 8', 'run', 'easy', 'easy'],
      ['GA 8 + 8 x 100m strides', 'run', 'easy', 'easy'],
      ['MLR 15 w/ 8 @ MP', 'run', 'tempo', 'hard'],
      ['LR 20 w/ 14 @ MP', 'run', 'long', 'hard'],
      ['VO2 max 10 mi w/ 6 x 1000 m @ 5K pace', 'run', 'intervals', 'hard'],
      ['Rec 5', 'run', 'recovery', 'easy'],
      ['Recovery 5 + strides', 'run', 'recovery', 'easy'],
      ['Speed: 6 x 800m', 'run', 'intervals', 'hard'],
      ['Tempo: 5 mi', 'run', 'tempo', 'hard'],
      ['Strength: 3 x 2 mi', 'run', 'tempo', 'hard'],
      ['Long: 16 mi', 'run', 'long', 'moderate'],
      ['Easy: 5 mi', 'run', 'easy', 'easy'],
      ['Off / XT', 'rest', null, 'rest'],
      ['5 m run / 3 m pace', 'run', 'tempo', 'hard'],
      ['6 m pace', 'run', 'tempo', 'hard'],
      ['Cross', 'cross', null, null],
      ['Rest', 'rest', null, 'rest'],
      ['3 m run + strength', 'run', 'easy', 'easy'],
      ['2 x 1 mi @ T w/ 2 min rest', 'run', 'tempo', 'hard'],
      ['Threshold run 20 min @ T', 'run', 'tempo', 'hard'],
      ['R 200s', 'run', 'intervals', 'hard'],
      ['5 x 3 min @ I w/ 2 min jog', 'run', 'intervals', 'hard'],
      ['Marathon-pace run 10 mi', 'run', 'tempo', 'hard'],
      ['Goal marathon pace 6 mi', 'run', 'tempo', 'hard'],
      ['Tempo run 3 mi @ HMP', 'run', 'tempo', 'hard'],
      ['Negative split long run 16 mi', 'run', 'long', 'hard'],
      ['Easy long run 12 mi', 'run', 'long', 'moderate'],
      ['Fast finish long run', 'run', 'long', 'hard'],
      ['Long run with fast finish', 'run', 'long', 'hard'],
      ['Aerobic long run 2h', 'run', 'long', 'moderate'],
      ['Z2 long run 2h', 'run', 'long', 'moderate'],
      ['Double: easy 4 mi', 'run', 'easy', 'easy'],
      ['Trail running 1h', 'run', 'easy', 'easy'],
      ['Trail run 25 km', 'run', 'long', 'moderate'],
      ['Hilly run 8 mi', 'run', 'easy', 'easy'],
      ['Treadmill intervals 6 x 3 min', 'run', 'intervals', 'hard'],
      ['Treadmill hill workout', 'run', 'hills', 'hard'],
      ['Track workout: 12 x 400m @ 5K pace', 'run', 'intervals', 'hard'],
      ['400m repeats', 'run', 'intervals', 'hard'],
      ['800s', 'run', 'intervals', 'hard'],
      ['Kilometer repeats', 'run', 'intervals', 'hard'],
      ['Progression run 45 min', 'run', 'steady', 'moderate'],
      ['Steady state run 50 min', 'run', 'steady', 'moderate'],
      ['Marathon tempo 8 km', 'run', 'tempo', 'hard'],
      ['Half marathon pace run 10 km', 'run', 'tempo', 'hard'],
      ['5K pace 5 x 1 km', 'run', 'intervals', 'hard'],
      ['10K effort 3 x 2 km', 'run', 'intervals', 'hard'],
      ['Tempo 20 min @ 10K pace', 'run', 'tempo', 'hard'],
      ['Race: Half Marathon', 'run', 'race', 'hard'],
      ['RACE DAY', 'run', 'race', 'hard'],
      ['Boston Marathon', 'run', 'race', 'hard'],
      ['Marathon (goal 3:30)', 'run', 'race', 'hard'],
      ['5K Race (tune-up)', 'run', 'race', 'hard'],
      ['Turkey trot 10K', 'run', 'race', 'hard'],
      ['Parkrun', 'run', 'steady', 'moderate'],
      ['Parkrun time trial', 'run', 'race', 'hard'],
      ['Park run tempo', 'run', 'tempo', 'hard'],
      ['Race simulation 10 mi @ MP', 'run', 'tempo', 'hard'],
      ['Marathon sim 18 mi', 'run', 'long', 'moderate'],
      ['XC race 8k', 'run', 'race', 'hard'],
      ['Cross country 8 km', 'run', 'easy', 'easy'],
      ['Relay leg', 'run', 'race', 'hard'],
      ['Rest day (active recovery)', 'rest', null, 'rest'],
      ['Rest day: walk or yoga', 'rest', null, 'rest'],
      ['Off day', 'rest', null, 'rest'],
      ['OFF (travel)', 'rest', null, 'rest'],
      ['Recovery day', 'run', 'recovery', 'easy'],
      ['Yoga flow 30 min', 'cross', null, null],
      ['Hot yoga', 'cross', null, null],
      ['Spin 45', 'cross', null, null],
      ['Peloton 30 min HIIT ride', 'cross', null, null],
      ['Swim 3 x 500m', 'cross', null, null],
      ['Bike commute', 'cross', null, null],
      ["Walk 30'", 'cross', null, null],
      ['Hike 3h', 'cross', null, null],
      ['Elliptical', 'cross', null, null],
      ['Aqua jog', 'cross', null, null],
      ['Deep-water running', 'cross', null, null],
      ['Rowing', 'cross', null, null],
      ['Nordic ski', 'cross', null, null],
      ['Strength A', 'strength', null, null],
      ['Strength + mobility', 'strength', null, null],
      ['Gym (legs)', 'strength', null, null],
      ['Lifting', 'strength', null, null],
      ['Weight training', 'strength', null, null],
      ['Core + hip stability', 'strength', null, null],
      ['Plyo circuit', 'strength', null, null],
      ['Kettlebell swings', 'strength', null, null],
      ["Runner's strength routine", 'strength', null, null],
      ['Strength training for runners', 'strength', null, null],
      ['Physio exercises', 'other', null, null],
      ['Sprint 43 demo', 'other', null, null],
      ['Sprint kickoff', 'other', null, null],
      ['Run the weekly report', 'other', null, null],
      ['Run payroll for March', 'other', null, null],
      ['Long meeting', 'other', null, null],
      ['Tempo planning', 'other', null, null],
      ['Marathon sponsorship call', 'other', null, null],
      ['Interval tree refactor', 'other', null, null],
      ['Train to Leeds', 'other', null, null],
      ['Race condition fix', 'other', null, null],
      ['Core values workshop', 'other', null, null],
      ['Hill Road office', 'other', null, null],
      ['Base camp planning', 'other', null, null],
      ['Speed networking', 'other', null, null],
      ['Tempo check-in', 'other', null, null],
      ['Long-term planning', 'other', null, null],
      ['Marathon fundraising dinner', 'other', null, null],
      ['Hard deadline', 'other', null, null],
      ['Easy Friday drinks', 'other', null, null],
      ['Stretch goal review', 'other', null, null],
      ['Cycle time metrics', 'other', null, null],
      ['Weights & biases sync', 'other', null, null],
      ['Bike shed discussion', 'other', null, null],
      ['Swim team carpool', 'other', null, null],
      ['Pool party', 'other', null, null],
      ['Lift maintenance', 'other', null, null],
      ['Recovery of backups', 'other', null, null],
      ['Steady-state review', 'other', null, null],
      ['Progression planning', 'other', null, null],
      ['Threshold alerts review', 'other', null, null],
      ['Long weekend trip', 'other', null, null],
      ['Base rate analysis', 'other', null, null],
      ['Race results', 'other', null, null],
      ['Run retro', 'other', null, null],
      ['Trail of receipts audit', 'other', null, null],
      ['Team offsite', 'other', null, null],
      ['Hill climb meeting', 'other', null, null],
      ['Lauftreff', 'run', 'easy', 'easy'],
      ['Dauerlauf 10 km', 'run', 'easy', 'easy'],
      ['Tempolauf 3 x 3 km', 'run', 'tempo', 'hard'],
      ['Intervalltraining 10 x 400 m', 'run', 'intervals', 'hard'],
      ['Bergsprints 8 x 10 s', 'run', 'hills', 'hard'],
      ['Lauf-ABC + Steigerungen', 'run', 'easy', 'easy'],
      ['GA1 Lauf 60 min', 'run', 'easy', 'easy'],
      ['Schwellenlauf 20 min', 'run', 'tempo', 'hard'],
      ['Erholungslauf 30 min', 'run', 'recovery', 'easy'],
      ['Langer Dauerlauf 2h', 'run', 'long', 'moderate'],
      ['Volkslauf', 'run', 'race', 'hard'],
      ['Ablaufplanung Projekt', 'other', null, null],
      ['Fitnessstudio', 'strength', null, null],
      ['Rumpfstabi', 'strength', null, null],
      ['Ruhetag / Dehnen', 'rest', null, 'rest'],
      ['Sortie longue 2h30', 'run', 'long', 'moderate'],
      ['VMA courte 10 x 30/30', 'run', 'intervals', 'hard'],
      ['Séance de seuil', 'run', 'tempo', 'hard'],
      ['Récupération', 'run', 'recovery', 'easy'],
      ['Footing + lignes droites', 'run', 'easy', 'easy'],
      ['Trail 30 km', 'run', 'long', 'moderate'],
      ['Course 10 km', 'run', 'race', 'hard'],
      ['Marche nordique', 'cross', null, null],
      ['PPG', 'strength', null, null],
      ['Gainage', 'strength', null, null],
      ['Trote suave 30 min', 'run', 'easy', 'easy'],
      ['Regenerativo 30 min', 'run', 'recovery', 'easy'],
      ['Cambios de ritmo', 'run', 'intervals', 'hard'],
      ['Progresivo 10 km', 'run', 'steady', 'moderate'],
      ['Fartlek 45 min', 'run', 'intervals', 'hard'],
      ['Entrenamiento de fuerza', 'strength', null, null],
      ['Caminata', 'cross', null, null],
      ['Hardlopen 30 min', 'run', 'easy', 'easy'],
      ['Baantraining 6 x 800 m', 'run', 'intervals', 'hard'],
      ['Drempeltraining 3 x 10 min', 'run', 'tempo', 'hard'],
      ['Versnellingen', 'run', 'easy', 'easy'],
      ['Rust', 'rest', null, 'rest'],
      ['Wielrennen', 'cross', null, null],
      ['Week 5 Day 2: Tempo Run', 'run', 'tempo', 'hard'],
      ['W5D2 - Intervals 5 x 1 km', 'run', 'intervals', 'hard'],
      ['[Runna] Easy Run', 'run', 'easy', 'easy'],
      ['Runna: Long Run 18 km', 'run', 'long', 'moderate'],
      ["TP: Threshold 3 x 10'", 'run', 'tempo', 'hard'],
      ['Coach Sarah: Hill repeats', 'run', 'hills', 'hard'],
      ['✅ Easy run 5 mi', 'run', 'easy', 'easy'],
      ['Completed: Long run 20 km', 'run', 'long', 'moderate'],
      ['(Optional) Easy 3 mi', 'run', 'easy', 'easy'],
      ['Easy run (optional)', 'run', 'easy', 'easy'],
      ['Easy run @ Central Park', 'run', 'easy', 'easy'],
      ['Tempo run with Jess', 'run', 'tempo', 'hard'],
      ['Long run w/ club', 'run', 'long', 'moderate'],
      ['Long run - Richmond Park', 'run', 'long', 'moderate'],
      ["Easy 45' (HR < 145)", 'run', 'easy', 'easy'],
      ['Tempo 3 mi @ 7:00/mi', 'run', 'tempo', 'hard'],
      ['Intervals 6 x 800 @ 3:10', 'run', 'intervals', 'hard'],
      ['LR 16 mi @ 9:00', 'run', 'long', 'moderate'],
      ['Easy run 10:00-10:45', 'run', 'easy', 'easy'],
      ['Morning run 6:30am', 'run', 'easy', 'easy'],
      ['Run 7:00 - 8:00', 'run', 'easy', 'easy'],
      ['Run before work', 'run', 'easy', 'easy'],
      ['Run with dog', 'run', 'easy', 'easy'],
      ['Stroller run', 'run', 'easy', 'easy'],
      ['Beach run', 'run', 'easy', 'easy'],
      ['Night run 5k', 'run', 'easy', 'easy'],
      ['Sunrise run', 'run', 'easy', 'easy'],
      ['Lunchtime 5k', 'run', 'easy', 'easy'],
      ["Easy run + 20' core", 'run', 'easy', 'easy'],
      ['Gym + easy 3 mi', 'run', 'easy', 'easy'],
      ['Swim + easy run', 'run', 'easy', 'easy'],
      ["Bike 60' + run 20' (brick)", 'cross', null, null],
      ['Yoga + core', 'cross', null, null],
      ['Core + yoga', 'strength', null, null],
      ['Rest day - easy walk optional', 'rest', null, 'rest'],
      ["Rest (or 20' easy jog)", 'rest', null, 'rest'],
      ["Easy 20-30' or rest", 'rest', null, 'rest'],
      ['Goal race', 'run', 'race', 'hard'],
      ['Race prep: shakeout 15 min', 'run', 'recovery', 'easy'],
      ['Day before race: 20 min easy + 4 strides', 'run', 'easy', 'easy'],
      ['Marathon Sunday!', 'run', 'race', 'hard'],
      ['Taper run 30 min', 'run', 'easy', 'easy'],
      ['Recovery week long run 10 mi', 'run', 'long', 'moderate'],
      ['Cutback long run 12 mi', 'run', 'long', 'moderate'],
      ['Rec 5', 'run', 'recovery', 'easy'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('office, errands and travel in more words and languages', () => {
    it.each<Row>([
      ['Run migrations', 'other', null, null],
      ['Run experiments', 'other', null, null],
      ['Run evals', 'other', null, null],
      ['Run ads campaign', 'other', null, null],
      ['Long-term goals session', 'other', null, null],
      ['Marathon coding session', 'other', null, null],
      ['Movie marathon', 'other', null, null],
      ['Train new hires', 'other', null, null],
      ['Train model v2', 'other', null, null],
      ['Time tracking', 'other', null, null],
      ['Disaster recovery drill', 'other', null, null],
      ['Bike repair', 'other', null, null],
      ['Bike service', 'other', null, null],
      ['Uber to airport', 'other', null, null],
      ['Talent pool review', 'other', null, null],
      ['REST API design', 'other', null, null],
      ['Rest of the team sync', 'other', null, null],
      ['Relay server upgrade', 'other', null, null],
      ['10K bonus payout', 'other', null, null],
      ['Besprechung mit Team', 'other', null, null],
      ['Termin Zahnarzt', 'other', null, null],
      ['Zug nach Berlin', 'other', null, null],
      ["Réunion d'équipe", 'other', null, null],
      ['Train pour Lyon', 'other', null, null],
      ['Reunión de equipo', 'other', null, null],
      ['Cita médico', 'other', null, null],
      ['Vergadering', 'other', null, null],
      ['Trein naar Amsterdam', 'other', null, null],
      ['Urlaub', 'other', null, null],
      ['Mittagessen', 'other', null, null],
      ['Tempo run 5 mi', 'run', 'tempo', 'hard'],
      ['Bahntraining 10 x 400 m', 'run', 'intervals', 'hard'],
      ['Easy run, then team breakfast', 'run', 'easy', 'easy'],
      ['Long run then brunch', 'run', 'long', 'moderate'],
      ['Cursus', 'other', null, null],
      ['Easy Friday drinks', 'other', null, null],
      ['Dinner', 'other', null, null],
      ['Run club drinks', 'run', 'easy', 'easy'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('plan shorthand: Higdon, Daniels, TrainingPeaks, Runna, and European abbreviations', () => {
    it.each<Row>([
      ['Stretch & strengthen', 'strength', null, null],
      ['E 30 min + 6 ST', 'run', 'easy', 'easy'],
      ['Over-unders 4x8m', 'run', 'tempo', 'hard'],
      ['Openers 20m', 'run', 'easy', 'easy'],
      ['Ruhiger DL 45 min', 'run', 'easy', 'easy'],
      ['Langer DL 25 km', 'run', 'long', 'moderate'],
      ['TDL 8 km', 'run', 'tempo', 'hard'],
      ['Lange duurloop 2u', 'run', 'long', 'moderate'],
      ['Duurloop 1u15', 'run', 'easy', 'easy'],
      ['Intensieve duurloop 8 km', 'run', 'tempo', 'hard'],
      ['Extensieve duurloop 10 km', 'run', 'easy', 'easy'],
      ['Long Run • 1h 50m', 'run', 'long', 'moderate'],
      ['Hill Repeats • 10 x 45s', 'run', 'hills', 'hard'],
      ['Time Trial • 5km', 'run', 'race', 'hard'],
      ['Steady Run • 10km', 'run', 'steady', 'moderate'],
      ['30 min tempo', 'run', 'tempo', 'hard'],
      ['8 x 400 5K pace', 'run', 'intervals', 'hard'],
      ['3 x hill', 'run', 'hills', 'hard'],
      ['Test: 5-K Race', 'run', 'race', 'hard'],
      ['Q1: 2E + 20T + 2E', 'run', 'tempo', 'hard'],
      ['6 x 200 R w/ 200 jg', 'run', 'intervals', 'hard'],
      ['3 x 1 mi T w/ 1 min rest', 'run', 'tempo', 'hard'],
      ['10E', 'run', 'easy', 'easy'],
      ['Sweet Spot 2x20m', 'run', 'tempo', 'hard'],
      ['Endurance 1h30', 'run', 'long', 'moderate'],
      ['Anaerobic 8x1m', 'run', 'intervals', 'hard'],
      ['EF 1h', 'run', 'easy', 'easy'],
      ['SL 1h45', 'run', 'long', 'moderate'],
      ['VMA 8 x 30/30', 'run', 'intervals', 'hard'],
      ['Récup 30 min', 'run', 'recovery', 'easy'],
      ["Rodaje regenerativo 40'", 'run', 'recovery', 'easy'],
      ['Rodaje + técnica', 'run', 'easy', 'easy'],
      ['Amsterdam Half', 'run', 'race', 'hard'],
      ['Paris Marathon', 'run', 'race', 'hard'],
      ['Valencia Half Marathon', 'run', 'race', 'hard'],
      ["Aqua running 30'", 'cross', null, null],
      ["Stairmaster 20'", 'cross', null, null],
      ['Nordic walking', 'cross', null, null],
      ['Barbell complex', 'strength', null, null],
      ['Hill St. meeting', 'other', null, null],
      ['1st long run of the block', 'run', 'long', 'moderate'],
      ['Race 1st', 'run', 'race', 'hard'],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('descriptions', () => {
    it.each<DescribedRow>([
      [
        'Long Run',
        'Keep HR under 150. Practice race-day fueling every 45 min.',
        'run',
        'long',
        'moderate',
      ],
      ['Easy Run', 'Easy 8 km. Optional: 4 x 20s strides.', 'run', 'easy', 'easy'],
      ['Run', 'Easy 45 min', 'run', 'easy', 'easy'],
      ['Run', 'Tempo 3 x 10 min w/ 2 min jog', 'run', 'tempo', 'hard'],
      ['Run', '8 x 400 m @ mile pace', 'run', 'intervals', 'hard'],
      ['Run', 'Easy 20 min then 6 x 20 s hill sprints', 'run', 'easy', 'easy'],
      ['Workout', 'Warm up 2 km, 5 km at threshold, cool down 2 km', 'run', 'tempo', 'hard'],
      ['Strength', 'Squats 3x8, RDL 3x8, step-ups 3x10', 'strength', null, null],
      ['Cross-train', '30 min bike or elliptical', 'cross', null, null],
      ['Race', 'Chicago Marathon', 'run', 'race', 'hard'],
      ['Run', 'WU 15 min, 3 x 8 min @ threshold w/ 2 min jog, CD 10 min', 'run', 'tempo', 'hard'],
      ['Run', '10 x 400m at 3K pace, 200m jog recovery', 'run', 'intervals', 'hard'],
      ['Run', 'Zone 2, 60 min', 'run', 'easy', 'easy'],
      ['Run', 'Long run 16 miles', 'run', 'long', 'moderate'],
      ['Run', 'Rest if tired', 'run', 'easy', 'easy'],
      ['Long run', 'Last 3 mi @ MP', 'run', 'long', 'hard'],
      ['Long run', 'Easy pace throughout', 'run', 'long', 'moderate'],
      ['Easy run', 'Easy 75 min', 'run', 'easy', 'easy'],
      ['Tuesday', '6 x 800m at 5K pace, 400m jog', 'run', 'intervals', 'hard'],
      ['Thursday', 'Rest day', 'rest', null, 'rest'],
      ['Coach session', 'Tempo 20 min', 'run', 'tempo', 'hard'],
      ['Workout', '8 x 1 min on / 1 min off', 'run', 'intervals', 'hard'],
      ['Run 10 km', 'Include 6 x 1 min pick-ups', 'run', 'easy', 'easy'],
      ['Run 10 km', '30 min @ tempo', 'run', 'tempo', 'hard'],
      ['Run 45 min', 'Easy with 4 x 20s strides', 'run', 'easy', 'easy'],
      ['Intervals', '5 x 1000m @ 5K, 2 min rest', 'run', 'intervals', 'hard'],
      ['Tempo 6 mi', 'WU 1 mi, 4 mi @ tempo, CD 1 mi', 'run', 'tempo', 'hard'],
      [
        'Hill session',
        'Run hard up a steep hill for 60 s, walk back down, 8 times',
        'run',
        'hills',
        'hard',
      ],
      ['Session', 'Squats, lunges, planks', 'strength', null, null],
      ['Cross-train', 'Bike or swim, easy', 'cross', null, null],
    ])('classifies %j with description %j as %s / %s / %s', (title, description, a, k, i) => {
      expectClassification(title, a, k, i, description);
    });
  });

  describe('distances and durations', () => {
    it.each<[title: string, km: number | undefined, minutes: number | undefined]>([
      ['Long run 16 mi', 25.75, undefined],
      ['Run 5 miles', 8.05, undefined],
      ['Recovery 3 miles', 4.83, undefined],
      ['10-mile run', 16.09, undefined],
      ['5 m run', 8.05, undefined],
      ['3 m pace', 4.83, undefined],
      ['Run 28 km', 28, undefined],
      ['Duurloop 10 kilometer', 10, undefined],
      ['Run 21,1 km', 21.1, undefined],
      ['Easy 8k', 8, undefined],
      ['Swim 1500m', 1.5, undefined],
      ['Swim 2000 yd', 1.83, undefined],
      ['Run 40 min', undefined, 40],
      ['Run 45 minutes', undefined, 45],
      ["Easy 30'", undefined, 30],
      ['Run 90min', undefined, 90],
      ['Z2 45m', undefined, 45],
      ['Recovery 25m', undefined, 25],
      ['Run 2h', undefined, 120],
      ['Run 1.5 hours', undefined, 90],
      ['Laufen 1,5 Std', undefined, 90],
      ['Long run 1h45', undefined, 105],
      ['Long run 2 hrs 15 mins', undefined, 135],
      ["Long run 2h30'", undefined, 150],
      ['Run 2:15', undefined, 135],
      ['Run 1:50', undefined, 110],
      ['Tempo 20:00', undefined, 20],
      ['Run 8 km (45 min)', 8, 45],
      ['Easy 50-60 min', undefined, 60],
    ])('reads %j as %s km and %s min', (title, km, minutes) => {
      const result = classifyEvent({ title });

      if (km === undefined) expect(result.distanceKm).toBeUndefined();
      else expect(result.distanceKm).toBeCloseTo(km, 1);
      expect(result.durationMinutes).toBe(minutes);
    });

    it.each([
      ['8 x 400m @ 3K pace'],
      ['Yasso 800s x 6'],
      ['Hill repeats 6 x 90s'],
      ['6 x 800m w/ 400m jog'],
      ['WU 2mi + 5x1k @ 10K + CD'],
      ['VO2 Max 6x2m'],
    ])('does not take the repetitions of %j for the run', (title) => {
      const result = classifyEvent({ title });

      expect(result.distanceKm).toBeUndefined();
      expect(result.durationMinutes).toBeUndefined();
    });

    it.each([
      ['Easy 5 mi @ 9:30/mi'],
      ['Run 9:00-10:00'],
      ['Run at 6:30'],
      ['Tempo 4 mi @ 7:15 pace'],
    ])('does not read the pace or clock time of %j as a duration', (title) => {
      expect(classifyEvent({ title }).durationMinutes).toBeUndefined();
    });

    it('takes the whole run, not the segment at pace', () => {
      expect(
        classifyEvent({ title: 'Lactate threshold 8 mi w/ 4 mi @ HM pace' }).distanceKm,
      ).toBeCloseTo(12.87, 1);
      expect(
        classifyEvent({ title: 'Run 12 km', description: 'Tempo: 5 km @ threshold' }).distanceKm,
      ).toBe(12);
    });

    it('reads the quantity from the description when the title has none', () => {
      expect(
        classifyEvent({ title: 'Easy Run', description: '40 minutes easy' }).durationMinutes,
      ).toBe(40);
    });

    it.each([
      ['Berlin Marathon', 42.195],
      ['Half marathon race', 21.0975],
      ['Race day - 5K', 5],
    ])('gives the race distance of %j', (title, km) => {
      expect(classifyEvent({ title }).distanceKm).toBeCloseTo(km, 2);
    });
  });

  describe('long by length', () => {
    it.each<[title: string, eventMinutes: number | undefined, kind: RunKind]>([
      ['Run 20 mi', undefined, 'long'],
      ['Run 18 km', undefined, 'long'],
      ['Run 16 km', undefined, 'long'],
      ['Run 15 km', undefined, 'easy'],
      ['Easy 10 mi', undefined, 'long'],
      ['Easy 16 km', undefined, 'long'],
      ['Easy 15.9 km', undefined, 'easy'],
      ['General aerobic 10 mi', undefined, 'long'],
      ['10 m run', undefined, 'long'],
      ['9 m run', undefined, 'easy'],
      ['Run 90 min', undefined, 'long'],
      ['Run 85 min', undefined, 'easy'],
      ['Run 1h30', undefined, 'long'],
      ['Trail run 2h', undefined, 'long'],
      ['Run', 120, 'long'],
      ['Run', 90, 'long'],
      ['Run', 60, 'easy'],
      ['Easy run', 100, 'long'],
      ['Run', undefined, 'easy'],
      ['Easy run 5 km', 120, 'easy'],
      ['Tempo run', 120, 'tempo'],
      ['Steady run', 120, 'steady'],
      ['Medium-long run 11 mi', undefined, 'steady'],
      ['Marathon pace 10 mi w/ 6 @ MP', undefined, 'tempo'],
    ])('classifies %j (event of %s min) as %s', (title, eventMinutes, kind) => {
      const input: ClassifyInput = eventMinutes === undefined ? { title } : { title, eventMinutes };

      expect(classifyEvent(input).kind).toBe(kind);
    });

    it('says which length made the run long, in miles when the plan writes miles', () => {
      expect(classifyEvent({ title: 'Run 16 mi' }).reasons).toContain(
        'parsed 16 mi ≥ 10 mi → long',
      );
      expect(classifyEvent({ title: 'Run 28 km' }).reasons).toContain(
        'parsed 28 km ≥ 16 km → long',
      );
      expect(classifyEvent({ title: 'Run 100 min' }).reasons).toContain(
        'parsed 100 min ≥ 90 min → long',
      );
      expect(classifyEvent({ title: 'Run', eventMinutes: 120 }).reasons).toContain(
        'event lasts 120 min ≥ 90 min → long',
      );
    });

    it('is less sure of a long run it only knows from the event length', () => {
      const byEvent = classifyEvent({ title: 'Run', eventMinutes: 120 });
      const byTitle = classifyEvent({ title: 'Long run' });

      expect(byEvent.confidence).toBeLessThan(byTitle.confidence);
    });
  });

  describe('confidence and reasons', () => {
    it.each([['Morning Run'], ['Afternoon Run'], ['Run 35 min'], ['Run'], ['Workout']])(
      'is unsure of a run that says nothing about itself: %j',
      (title) => {
        const result = classifyEvent({ title });

        expect(result).toMatchObject({
          activity: 'run',
          kind: 'easy',
          intensity: 'easy',
          key: false,
        });
        expect(result.confidence).toBeLessThanOrEqual(0.5);
      },
    );

    it.each([
      ['Tempo 20 min'],
      ['Long run 28 km'],
      ['Hill repeats 6 x 90s'],
      ['Gym'],
      ['Rest day'],
    ])('is sure of %j', (title) => {
      expect(classifyEvent({ title }).confidence).toBeGreaterThanOrEqual(0.8);
    });

    it('names the word that decided', () => {
      expect(classifyEvent({ title: 'Tempo 20 min' }).reasons).toContain('title mentions "tempo"');
      expect(classifyEvent({ title: 'Run', description: 'Threshold 20 min' }).reasons).toContain(
        'description mentions "threshold"',
      );
      expect(classifyEvent({ title: 'Tempo review' }).reasons.join(' ')).toContain('"review"');
    });

    it('explains why a long run is hard and why strides do not count', () => {
      expect(classifyEvent({ title: 'Long run 18 mi w/ last 3 @ MP' }).reasons.join(' ')).toMatch(
        /marathon-pace or fast segment makes the long run hard/,
      );
      expect(classifyEvent({ title: 'Easy 4 mi + 6 strides' }).reasons.join(' ')).toMatch(
        /drills on an easy run/,
      );
    });

    it('explains the lighter choice', () => {
      expect(classifyEvent({ title: 'Rest or cross-train' }).reasons.join(' ')).toMatch(/lighter/);
    });
  });

  describe('text forms', () => {
    it.each<Row>([
      ['EASY RUN 5 MI', 'run', 'easy', 'easy'],
      ['eAsY rUn', 'run', 'easy', 'easy'],
      ['TEMPO 5K', 'run', 'tempo', 'hard'],
      ['LONG RUN 18 MI', 'run', 'long', 'moderate'],
      ['EASY 5 M', 'run', 'easy', 'easy'],
      ['Easy 5 M run', 'run', 'easy', 'easy'],
      ['INTERVALS 6 X 800 M', 'run', 'intervals', 'hard'],
      ['TEMPO 20 MIN', 'run', 'tempo', 'hard'],
      ['10E', 'run', 'easy', 'easy'],
      ['Fractionne 6 x 1000 m', 'run', 'intervals', 'hard'],
      ['Fractionné 6 x 1000 m', 'run', 'intervals', 'hard'],
      ['Natacion', 'cross', null, null],
      ['🏃‍♂️ Tempo 5k', 'run', 'tempo', 'hard'],
      ['Easy 8k 🏃🏽‍♀️🔥', 'run', 'easy', 'easy'],
      ['🏃‍♀️', 'run', 'easy', 'easy'],
      ['🏋️‍♀️', 'strength', null, null],
      ['  Easy   run  ', 'run', 'easy', 'easy'],
      ['Easy Run — 45’', 'run', 'easy', 'easy'],
      ['8 × 400m @ 3K', 'run', 'intervals', 'hard'],
      ['', 'other', null, null],
      ['Lunch with the team', 'other', null, null],
    ])('classifies %j as %s / %s / %s', expectClassification);
  });

  describe('reading the week like a coach (SPEC §3)', () => {
    describe('a workout is not a race: race words next to pace or structure', () => {
      it.each<Row>([
        ['Half Marathon Race Pace 3 x 3km', 'run', 'tempo', 'hard'],
        ['Marathon Race Pace 3 x 5 km', 'run', 'tempo', 'hard'],
        ['Marathon dress rehearsal 10 mi @ MP', 'run', 'tempo', 'hard'],
        ['Race simulation 10 km @ goal pace', 'run', 'tempo', 'hard'],
        ['Half marathon pace 2 x 6 km', 'run', 'tempo', 'hard'],
        ['Marathon-Renntempo 3 x 4 km', 'run', 'tempo', 'hard'],
        ['Allure marathon 3 x 5 km', 'run', 'tempo', 'hard'],
        ['Ritmo de media maratón 2 x 6 km', 'run', 'tempo', 'hard'],
        ['Halve marathon wedstrijdtempo 3 x 3 km', 'run', 'tempo', 'hard'],
        ['5K race pace 6 x 800m', 'run', 'intervals', 'hard'],
        ['Marathon 4 x 5 km', 'run', 'tempo', 'hard'],
      ])('classifies %j as %s / %s / %s', expectClassification);

      it.each<DescribedRow>([
        ['Marathon', '3 x 5 km @ MP with 1 km float', 'run', 'tempo', 'hard'],
        ['Half marathon', '2 x 20 min at half marathon effort', 'run', 'tempo', 'hard'],
      ])('classifies %j (%j) as %s / %s / %s', (title, description, activity, kind, intensity) =>
        expectClassification(title, activity, kind, intensity, description),
      );

      it.each<Row>([
        ['Surf City 10K', 'run', 'race', 'hard'],
        ['Bike Path Half', 'run', 'race', 'hard'],
        ['Swim 5K', 'cross', null, null],
        ['Open Water Swim 5K', 'cross', null, null],
      ])(
        'reads %j as %s / %s / %s: a cross word inside a race name is the name',
        expectClassification,
      );

      it.each<Row>([
        ['Berlin Marathon', 'run', 'race', 'hard'],
        ['Race day - 5K', 'run', 'race', 'hard'],
        ['Half marathon race', 'run', 'race', 'hard'],
        ['parkrun (race)', 'run', 'race', 'hard'],
        ['Time trial 5K', 'run', 'race', 'hard'],
        ['Semi-marathon de Paris', 'run', 'race', 'hard'],
      ])('still reads %j as %s / %s / %s', expectClassification);

      it('says why the race words were not read as a race', () => {
        const result = classifyEvent({ title: 'Half Marathon Race Pace 3 x 3km' });

        expect(result.reasons.join(' | ')).toMatch(/a workout, not a race/);
        expect(result.racePriority).toBeUndefined();
      });
    });

    describe('extras inside an easy run stay easy', () => {
      it.each<Row>([
        ['Run/Walk: 6 x (3 min run / 1 min walk)', 'run', 'easy', 'easy'],
        ['6 x (4 min run, 1 min walk)', 'run', 'easy', 'easy'],
        ['Strides 6 x 100m', 'run', 'easy', 'easy'],
        ['Easy 6 mi w/ 4 x 1 min pickups @ MP', 'run', 'easy', 'easy'],
        ['Easy 5 mi + 4 x 1 min @ MP', 'run', 'easy', 'easy'],
        ['Easy 8 km + 6 x 20 s', 'run', 'easy', 'easy'],
        ['Pickups 6 x 30s in easy run', 'run', 'easy', 'easy'],
        ['Hill sprints 8 x 10 s after easy run', 'run', 'easy', 'easy'],
        ['Easy run + short hill sprints', 'run', 'easy', 'easy'],
        ['Lockerer Dauerlauf mit Steigerungen', 'run', 'easy', 'easy'],
        ['Footing + lignes droites', 'run', 'easy', 'easy'],
        ['Rodaje suave + progresivos', 'run', 'easy', 'easy'],
        ['Duurloop met versnellingen', 'run', 'easy', 'easy'],
      ])('classifies %j as %s / %s / %s', expectClassification);

      it.each<DescribedRow>([
        ['Intervals · 35min', 'Run 2 min / walk 1 min x 8.', 'run', 'easy', 'easy'],
        ['Intervals', '5 min walk warm up. Run 90 s / walk 60 s x 10', 'run', 'easy', 'easy'],
        ['Intervals 5 x 3 min', 'Run 2 min / walk 1 min between', 'run', 'intervals', 'hard'],
        ['Intervals', '6 x 800m, walk 2 min recovery', 'run', 'intervals', 'hard'],
      ])('reads %j (%j) as %s / %s / %s: walk breaks are not intervals', (t, d, a, k, i) =>
        expectClassification(t, a, k, i, d),
      );

      it.each<Row>([
        ['2 mi easy, 8 x 1 min @ 5K pace, 2 mi easy', 'run', 'intervals', 'hard'],
        ['Easy 2 mi + 6 x 800m @ 5K', 'run', 'intervals', 'hard'],
        ['Hill repeats 8 x 60 s', 'run', 'hills', 'hard'],
        ['10 x 1 min hard / 1 min easy', 'run', 'intervals', 'hard'],
        ['Tempo 20 min + strides', 'run', 'tempo', 'hard'],
      ])('keeps a real workout: %j as %s / %s / %s', expectClassification);
    });

    describe('accessory strength: shown, never counted', () => {
      it.each<[string, number | undefined]>([
        ['Core & mobility', undefined],
        ['Core 15 min', undefined],
        ['Mobility', undefined],
        ['Foam rolling', undefined],
        ['Stretching 15 min', undefined],
        ['Prehab routine', undefined],
        ['Core + hip stability', undefined],
        ['Gainage', undefined],
        ['Rumpfstabi', undefined],
        ['Strength', 20],
        ['Gym 25 min', undefined],
      ])('reads %j (%s min) as accessory strength', (title, eventMinutes) => {
        const input: ClassifyInput =
          eventMinutes === undefined ? { title } : { title, eventMinutes };

        const result = classifyEvent(input);

        expect(result.activity).toBe('strength');
        expect(result.accessory).toBe(true);
      });

      it.each<[string, number | undefined]>([
        ['Gym: lower body', undefined],
        ['Strength + mobility', undefined],
        ['Strength', 45],
        ['Gym 40 min', undefined],
        ['Kettlebells 30 min', undefined],
      ])('counts %j (%s min) as a strength session', (title, eventMinutes) => {
        const input: ClassifyInput =
          eventMinutes === undefined ? { title } : { title, eventMinutes };

        const result = classifyEvent(input);

        expect(result.activity).toBe('strength');
        expect(result.accessory).toBeUndefined();
      });

      it('keeps yoga cross-training', () => {
        expect(classifyEvent({ title: 'Yoga for runners 30 min' }).activity).toBe('cross');
      });
    });

    describe('full rest', () => {
      it.each<DescribedRow>([
        ['Rest Day — full rest, no running, no cross-training', '', 'rest', null, 'rest'],
        ['Complete rest', '', 'rest', null, 'rest'],
        ['Total rest - no training', '', 'rest', null, 'rest'],
        ['Rest day', 'Full rest: no training at all today', 'rest', null, 'rest'],
        ['Ruhetag', 'Kein Training', 'rest', null, 'rest'],
        ['Repos complet', '', 'rest', null, 'rest'],
        ['Descanso total', '', 'rest', null, 'rest'],
        ['Rustdag', 'Volledige rust', 'rest', null, 'rest'],
      ])('reads %j (%j) as a full rest day', (title, description) => {
        const result = classifyEvent(description ? { title, description } : { title });

        expect(result.activity).toBe('rest');
        expect(result.fullRest).toBe(true);
      });

      it.each(['Rest', 'Rest day', 'Ruhetag', 'Off', 'Rest or easy cross-training'])(
        'reads %j as a rest day from running only',
        (title) => {
          const result = classifyEvent({ title });

          expect(result.activity).toBe('rest');
          expect(result.fullRest).toBeUndefined();
        },
      );
    });

    describe('race priority until the runner confirms it', () => {
      it.each([
        ['Berlin Marathon', 'A'],
        ['Half marathon race', 'A'],
        ['Tune-up 10K', 'C'],
        ['Time trial 5K', 'C'],
        ['parkrun (race)', 'C'],
        ['Charity Fun Run', 'C'],
        ['B race: Chicago Half', 'B'],
      ])('gives %j priority %s', (title, priority) => {
        expect(classifyEvent({ title }).racePriority).toBe(priority);
      });

      it('reads a race the runner said is not a race by its other words', () => {
        const result = classifyEvent({ title: 'Turkey Trot 5K with the kids', notARace: true });

        expect(result.kind).not.toBe('race');
        expect(result.racePriority).toBeUndefined();
        expect(result.reasons).toContain('you said this is not a race');
      });
    });
  });

  describe('purity', () => {
    it('gives the same answer twice and leaves its input alone', () => {
      const input = Object.freeze({
        title: 'LR 18 w/ last 4 @ MP',
        description: 'Fuel every 30 min',
        eventMinutes: 150,
      });

      const first = classifyEvent(input);
      const second = classifyEvent(input);

      expect(second).toEqual(first);
      expect(first).not.toBe(second);
    });
  });
});
