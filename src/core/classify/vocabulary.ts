/**
 * The words the classifier knows (SPEC §3), compiled once at module load.
 *
 * Every pattern runs on text folded by `normalizeText` (lower-case, no accents, `x` for `×`),
 * except the few marked "cased", which need capitals (Daniels paces, named races).
 * Word edges are `(?<![a-z0-9])` / `(?![a-z0-9])` rather than `\b` so that entries may start
 * or end with punctuation (`s&c`, `1:1`, `@ m`).
 */

/** Compiles alternatives into one regex whose match must stand as its own word. */
function words(alternatives: readonly string[], flags = ''): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, flags);
}

/** A match of a {@link Matcher}: the text matched and where. */
export interface WordMatch {
  0: string;
  index: number;
}

/** What the classifier asks of a vocabulary list; a `RegExp` is one. */
export interface Matcher {
  exec(text: string): WordMatch | null;
  test(text: string): boolean;
}

/**
 * A test for whether a text contains one of a few plain fragments. Rare patterns are guarded
 * by the fragments every one of their matches must contain: a regex of literals is far cheaper
 * than a pattern with lookarounds that almost never matches.
 */
function fragments(parts: readonly string[]): RegExp {
  return new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));
}

/** A regex that only runs when the text contains one of its fragments. */
class Guarded implements Matcher {
  constructor(
    private readonly re: RegExp,
    private readonly guard: RegExp,
  ) {}

  exec(text: string): WordMatch | null {
    return this.guard.test(text) ? this.re.exec(text) : null;
  }

  test(text: string): boolean {
    return this.guard.test(text) && this.re.test(text);
  }
}

function guarded(re: RegExp, parts: readonly string[]): Matcher {
  return new Guarded(re, fragments(parts));
}

// ---------------------------------------------------------------------------------------------
// Not training: office, errands, travel. These win over training words in the same title
// ("Tempo review", "Long call with investors", "Marathon budget review").
// ---------------------------------------------------------------------------------------------

/** Words that make a title an office, errand or appointment event whatever else it says. */
export const OFFICE = words([
  // meetings and their kinds
  'meetings?',
  'mtgs?',
  'reviews?',
  'planning',
  'syncs?',
  'sync-?up',
  'stand-?ups?',
  'stand up',
  'daily scrum',
  'scrum',
  'retros?',
  'retrospectives?',
  'demos?',
  '1:1s?',
  '1-on-1s?',
  '1 on 1',
  'one-on-ones?',
  'interviews?',
  'presentations?',
  'pitch(?:es|ing)?',
  'webinars?',
  'workshops?',
  'seminars?',
  'conferences?',
  'calls?',
  'zoom',
  'teams call',
  'huddle',
  'debrief\\w*',
  'briefing',
  'brainstorm\\w*',
  'catch-?ups?',
  'check-?ins?',
  'kick-?offs?',
  'offsites?',
  'off-sites?',
  'allhands',
  'all-hands',
  'all hands',
  'town ?hall',
  'agenda',
  'talks?',
  'lectures?',
  'keynote',
  'panel',
  'training course',
  // business nouns
  'budgets?',
  // "Dead bugs" are a core exercise.
  '(?<!dead ?)bugs?',
  'payroll',
  'numbers',
  'invoices?',
  'taxe?s',
  'tax',
  'expenses',
  'finance',
  'financials?',
  'forecast\\w*',
  'marketing',
  'sales',
  'investors?',
  'funding',
  'fundrais\\w*',
  'sponsors?',
  'sponsorships?',
  'clients?',
  'customers?',
  'vendors?',
  'stakeholders?',
  'quarterly',
  'fy\\d*',
  'reports?',
  'reporting',
  'results',
  'deadlines?',
  'roadmaps?',
  'okrs?',
  'kpis?',
  'metrics',
  'dashboards?',
  'strateg(?:y|ies)',
  'proposals?',
  'contracts?',
  'hiring',
  'recruit\\w*',
  'onboarding',
  'offboarding',
  'compliance',
  'first aid',
  'safety',
  'security',
  'awareness',
  'gdpr',
  'legal',
  'audits?',
  'progress',
  'tracking',
  'spending',
  'bonus',
  'long[- ]term',
  'admin',
  'emails?',
  'inbox',
  'slack',
  'deck',
  'slides',
  'spreadsheets?',
  'sheets?',
  'docs',
  'memo',
  // engineering
  'scheduling',
  'schedules?',
  'designs?',
  'condition',
  'deploy\\w*',
  'releases?',
  'incidents?',
  'post-?mortem',
  'refactor\\w*',
  'migrations?',
  'experiments?',
  'evals?',
  'campaigns?',
  'ads',
  'models?',
  'new hires?',
  'api',
  'endpoints?',
  'servers?',
  'upload\\w*',
  'coding',
  'cleanup',
  'tickets?',
  'jira',
  'backlog',
  'grooming',
  'refinement',
  'hackathon',
  'bash',
  'code',
  'merge',
  'tests',
  'backups?',
  'scripts?',
  'quer(?:y|ies)',
  'analysis',
  'pipelines?',
  'diagnostics',
  'launch',
  'upgrades?',
  'discussion',
  'networking',
  'clinic',
  'training course',
  'install\\w*',
  'setup',
  'set-up',
  'maintenance',
  'renewal',
  'subscription',
  'trip',
  'running late',
  'intervals\\.icu',
  'run-through',
  'run through',
  'runthrough',
  ...[
    'coffee',
    'beer',
    'food',
    'supply',
    'grocery',
    'wine',
    'snack',
    'bank',
    'school',
    'errand',
  ].map((errand) => `${errand} run`),
  'runbook',
  'run book',
  'run rate',
  'runtime',
  'run time',
  'dry run',
  'trial run',
  'test run',
  'runway',
  'running order',
  'up and running',
  'walk-?through',
  'car ?pool\\w*',
  'swim ?lanes?',
  'spin[- ]up',
  'lift and shift',
  'core team',
  'core values',
  'hard stop',
  'office',
  'hq',
  'street(?![- ](?:run|race|mile|miler|\\d))',
  'avenue',
  // errands, health, family, social
  'appointments?',
  'appt',
  'doctors?',
  'dr',
  'gp',
  'dentists?',
  // German, French, Spanish, Dutch: meetings, appointments, doctors, holidays, birthdays
  'besprechung\\w*',
  'sitzung',
  'termin',
  'arzt\\w*',
  'zahnarzt\\w*',
  'urlaub',
  'geburtstag\\w*',
  'mittagessen',
  'reunion',
  'rendez-vous',
  'rdv',
  'medecin',
  'dentiste',
  'vacances',
  'anniversaire',
  'dejeuner',
  'cita',
  'medico',
  'vacaciones',
  'cumpleanos',
  'almuerzo',
  'vergadering',
  'overleg',
  'afspraak',
  'tandarts',
  'huisarts',
  'vakantie',
  'verjaardag',
  'dental',
  'physio\\w*',
  'massage',
  'chiro\\w*',
  'osteo\\w*',
  'therapy',
  'therapist',
  'scan',
  'x-ray',
  'vaccin\\w*',
  'haircut',
  'hairdresser',
  'barber',
  'vet',
  'repairs?',
  'servic(?:e|ing)',
  'walk-in',
  'spin-?off',
  'talent',
  'disaster',
  'fire drill',
  'school',
  'daycare',
  'nursery',
  'pick-?up(?! strides)',
  'drop-?off',
  'flights?',
  'uber',
  'lyft',
  'taxi',
  'ride ?share',
  'airport',
  'hotels?',
  'check-?out',
  'vacation',
  'holidays?',
  'birthday',
  'part(?:y|ies)',
  'weddings?',
  'funeral',
  'groceries',
  'shop',
  'shopping',
  'book club',
  'books?',
  'watch(?:ing)? (?:the|a|an)',
  'on tv',
  'spectat\\w*',
  'cheer(?:ing)? (?:on|for)',
  'errands?',
  'laundry',
  'cleaning',
  'playlist',
  'podcast',
  'listening',
  'movies?',
  'festival',
  'carnival',
  'cinema',
  'concerts?',
  'theatre',
  'theater',
  'church',
  'exams?',
  'homework',
  'study',
  'speech',
  'dating',
  'date night',
  'registration',
  'register',
  'sign-?up',
  'bib',
  'packet',
  'expo',
  'volunteer\\w*',
  'marshal\\w*',
  'sauna',
  'nap',
  'sleep',
]);

/** Words that are not training on their own but sit happily next to a workout ("Lunch run"). */
export const OFFICE_SOFT = words([
  'lunch',
  'dinners?',
  'drinks',
  'brunch',
  'lunchtime',
  'breakfast',
  'coffee',
  'kids?',
  'family',
  'friends?',
  'mum',
  'mom',
  'dad',
  'team',
  'weekend',
]);

/** A journey, not a workout: "Train to Manchester", "Bus home", "Drive to the race". */
export const TRAVEL = guarded(
  words([
    '(?:train|bus|coach|ferry|flight|fly|drive|driving|taxi|uber|tram|metro|tube)\\s+(?:to|from|home|back|into|station)',
    '(?:zug|bahn|flug) (?:nach|von)',
    '(?:train|vol|avion) (?:pour|de|vers)',
    '(?:tren|vuelo|avion) (?:a|de|hacia)',
    '(?:trein|vlucht) (?:naar|van)',
    'train station',
    'train ticket',
    'train ride',
  ]),
  [
    'train',
    'bus',
    'coach',
    'ferry',
    'flight',
    'fly',
    'driv',
    'taxi',
    'uber',
    'tram',
    'metro',
    'tube',
    'zug',
    'bahn',
    'flug',
    'vol',
    'avion',
    'tren',
    'vuelo',
    'trein',
    'vlucht',
  ],
);

/**
 * "Run" as a verb with an object ("Run the numbers", "Run a workshop"), unless the object is a
 * place or a race ("Run the river loop", "Run a 5K", "Run the Boston Marathon").
 */
export const RUN_AS_VERB = guarded(
  /(?<![a-z0-9])run\s+(?:the|a|an|our|my|some|this|that|these|those)\s+(?!\d|(?:[a-z'-]+\s+){0,3}(?:race|marathon|half|10k|5k|k\b|km|mi\b|miles?|loop|course|trail|track|hills?|park|river|canal|route|bay|beach|city|bridge|lake|block|woods|forest|mountain|seafront|towpath|distance|streets))/,
  ['run '],
);

/** An agile sprint, not a sprint: "Sprint 42 planning", "Sprint #7". */
export const AGILE_SPRINT = guarded(
  /(?<![a-z0-9])sprint\s*#?\s*\d+(?!\s*(?:x|\*|m\b|s\b|sec|min|'|"|k\b|km|mi\b|\d))|(?<![a-z0-9])sprint (?:goal|backlog|board|zero)/,
  ['sprint'],
);

// ---------------------------------------------------------------------------------------------
// Rest. "Rest" and "off" also appear inside workouts ("90s rest", "1' on / 1' off"), so those
// uses are cut out first.
// ---------------------------------------------------------------------------------------------

/** Rest and "off" that belong to a workout's structure, not to the day. */
export const REST_IN_WORKOUT = new RegExp(
  [
    '\\d+(?:[.,]\\d+)?\\s*(?:\'|"|s|secs?|seconds?|min\\w*|m)?\\s*(?:of\\s+)?(?:rest|off|rust|pause|descanso|repos|recovery)(?![a-z])',
    '(?<![a-z])on\\s*/\\s*off(?![a-z])',
    '(?<![a-z])(?:jog|walk|walking|standing|active|short|equal|with|w/|plus|and)\\s+(?:rest|recovery)(?![a-z])',
    '(?<![a-z])rest(?:ing)?\\s*:?\\s*(?:\\d|between|interval|period|of\\s|after|before)',
    '(?<![a-z])off[- ](?:road|trail|season|the\\s|piste)',
    '(?<![a-z])(?:kick|sign|drop|hand|take|tip|lift|blast|cut|cool|switch|turn|show|face|log|nod|dozed?|finish|finishing|run|ride|jog)[- ]?off(?![a-z])',
  ].join('|'),
  'g',
);

/** A rest day, in any of the languages. */
export const REST = words([
  'rest(?:\\s*day)?',
  'restday',
  'off',
  'day off',
  'off day',
  'time off',
  'complete rest',
  'total rest',
  'no run(?:ning)?',
  'no training',
  'kein training',
  'geen training',
  'sin entrenamiento',
  'ruhetag',
  'ruhe',
  'pause',
  'frei',
  'freier tag',
  'trainingsfrei',
  'repos',
  'jour de repos',
  'jour off',
  'descanso',
  'dia de descanso',
  'rustdag',
  'rust',
  'vrije dag',
]);

/** "A or B": when a title offers a choice, the lighter option is what the planner assumes. */
export const ALTERNATIVE = words(['or', 'oder', 'ou', 'o', 'either']);

// ---------------------------------------------------------------------------------------------
// Activities other than running.
// ---------------------------------------------------------------------------------------------

/** "for runners" describes the audience of a gym or yoga session, not a run. */
export const FOR_RUNNERS =
  /(?<![a-z])(?:for|fur|pour|para|voor)\s+(?:runners?|running|laufer\w*|coureurs?|corredores?|lopers?|hardlopers?)(?![a-z])|(?<![a-z])runner'?s(?![a-z])/g;
/** Every match of {@link FOR_RUNNERS} contains one of these. */
export const FOR_RUNNERS_HINTS = fragments(['runn', 'laufer', 'coureur', 'corredor', 'loper']);

/** Strength work that another list could claim ("walking lunges"). */
export const STRENGTH_COMPOUND = guarded(
  words([
    'walking lunges?',
    'jump squats?',
    'box jumps?',
    'running drills? with weights',
    // Hal Higdon's novice plans.
    'stretch (?:&|and|\\+) strengthen',
  ]),
  ['lunge', 'squat', 'jump', 'drill', 'strengthen'],
);

/** The gym, in any of the languages. */
export const STRENGTH = words([
  'gym',
  'gymnasium',
  'gimnasio',
  'lift',
  'lifts',
  'lifting',
  'weights?',
  'weight training',
  'weightlifting',
  'strength',
  'strengthen\\w*',
  's&c',
  's & c',
  's and c',
  's\\+c',
  'core',
  'abs',
  'plyo\\w*',
  'crossfit',
  'cross fit',
  'wod',
  'kettlebells?',
  'kb',
  'f45',
  'body ?pump',
  'les mills',
  'dumbbells?',
  'barbells?',
  'deadlifts?',
  'rdls?',
  'squats?',
  'lunges?',
  'step-?ups?',
  'bench press',
  'pull-?ups?',
  'push-?ups?',
  'planks?',
  'calf raises?',
  'hip thrusts?',
  'bridges',
  'clamshells?',
  'bird ?dogs?',
  'dead ?bugs?',
  'copenhagen\\w*',
  'nordic (?:curls?|hamstring\\w*)',
  'leg raises?',
  'bounds',
  'bounding',
  'pogo\\w*',
  'single-leg hops?',
  'goblet\\w*',
  'romanian',
  'glute\\w*',
  'trx',
  'circuits?',
  'circuit training',
  'boot ?camp',
  'hiit',
  'resistance',
  'bodyweight',
  'calisthenics',
  'powerlifting',
  'olympic lifting',
  'leg day',
  'upper body',
  'lower body',
  'full body',
  'total body',
  'prehab',
  'rehab exercises',
  'pt session',
  'personal train\\w*',
  'conditioning',
  'orangetheory',
  'krafttraining',
  'kraft\\w*',
  'fitnessstudio',
  'fitness',
  'stabi\\w*',
  'rumpf\\w*',
  'athletik\\w*',
  'hanteln?',
  'kniebeugen',
  'musculation',
  'muscu',
  'renforcement\\w*',
  'renfo',
  'ppg',
  'gainage',
  'halteres',
  'salle de sport',
  'fuerza',
  'pesas',
  'musculacion',
  'fortalecimiento',
  'sentadillas',
  'krachttraining',
  'kracht\\w*',
  'sportschool',
  'stabiliteit\\w*',
  'rompstabiliteit',
  'romp(?:training|oefeningen)',
]);

/** Non-running sports that contain a running word ("Aqua jogging", "Deep water running"). */
export const CROSS_COMPOUND = guarded(
  words([
    'aqua ?jog\\w*',
    'aqua ?run\\w*',
    'deep[- ]water (?:run\\w*|jog\\w*)',
    'water (?:run\\w*|jog\\w*)',
    'pool (?:run\\w*|jog\\w*)',
    'dwr',
    'brick',
    'ski(?:ing|s|tour\\w*|mo)?',
    'xc ski\\w*',
    'cross[- ]country ski\\w*',
    'langlauf\\w*',
    'skilanglauf',
    'ski de fond',
    'esqui de fondo',
    'langlaufen',
  ]),
  ['aqua', 'water', 'pool', 'dwr', 'brick', 'ski', 'langlauf', 'fond'],
);

/** Cross-training: any other endurance or mobility activity. */
export const CROSS = words([
  'cross(?![- ]?country)',
  'bike',
  'bikes',
  'biking',
  'cycling',
  'cycle',
  'cyclo\\w*',
  'ride',
  'rides',
  'riding',
  'spin',
  'spinning',
  'swim',
  'swims',
  'swimming',
  'pool',
  'open water',
  'yoga',
  'pilates',
  'reformer',
  'barre',
  'elliptical',
  'elliptique',
  'eliptica',
  'cross ?trainer',
  'crosstrainer',
  'arc trainer',
  'stair ?master',
  'stair climber',
  'stepper',
  'row',
  'rowing',
  'rower',
  'erg',
  'ergo',
  'walk',
  'walks',
  'walking',
  'hike',
  'hikes',
  'hiking',
  'skate',
  'skating',
  'snowshoe\\w*',
  'paddle\\w*',
  'kayak\\w*',
  'canoe\\w*',
  'sup',
  'climbing',
  'bouldering',
  'tennis',
  'soccer',
  'football',
  'basketball',
  'squash',
  'badminton',
  'padel',
  'volleyball',
  'dance',
  'dancing',
  'zumba',
  'aerobics',
  'mobility',
  'stretch',
  'stretching',
  'foam roll\\w*',
  'peloton',
  'zwift',
  'trainerroad',
  'turbo',
  'gran fondo',
  'cross-?train\\w*',
  'cross training',
  'xtrain\\w*',
  'x-train\\w*',
  'xt',
  'ct',
  'tai chi',
  'martial arts',
  'boxing',
  'kickboxing',
  'surf\\w*',
  'radfahren',
  'rad',
  'radeln',
  'radtour',
  '\\w*fahrrad\\w*',
  'rennrad',
  'ergometer',
  'schwimmen',
  '\\w*wandern',
  'wanderung',
  'spazier\\w*',
  'walken',
  'nordic walking',
  'rudern',
  'ellipsentrainer',
  'dehnen',
  'dehnung',
  'mobilitat\\w*',
  'velo',
  'cyclisme',
  'natation',
  'nager',
  'piscine',
  'marche',
  'randonnee',
  'rando',
  'aviron',
  'etirements?',
  'ciclismo',
  'bici',
  'bicicleta',
  'natacion',
  'nadar',
  'piscina',
  'caminar',
  'caminata',
  'paseo',
  'senderismo',
  'remo',
  'estiramientos',
  'rekken',
  'rekoefeningen',
  'fietsen',
  'fietstocht',
  'wielrennen',
  'mountainbiken',
  'mtb',
  'zwemmen',
  'wandelen',
  'wandeling',
  'roeien',
  'schaatsen',
]);

// ---------------------------------------------------------------------------------------------
// Running.
// ---------------------------------------------------------------------------------------------

/** Nouns and verbs that name running itself. */
export const RUN_NOUN = words([
  'runs?',
  'running',
  'jog',
  'jogs',
  'jogging',
  'treadmill',
  'tm run',
  'laufband',
  'loopband',
  'cinta',
  'tapis',
  'parkrun',
  'park run',
  'footing',
  'courir',
  'course a pied',
  'correr',
  'corrida',
  'rodaje',
  'trote',
  'hardlopen',
  'hardloop\\w*',
  '\\w*duurloop',
  'tempoloop',
  'herstelloop',
  'looptraining',
  'lauf(?:treff|schule|einheit|training|gruppe)',
]);

/**
 * German runs are compounds ending in "-lauf" ("Dauerlauf", "Tempolauf", "Bergläufe"); these
 * prefixes make words that are not runs ("Ablauf" = process, "Langlauf" = cross-country skiing).
 */
export const GERMAN_LAUF = /(?<![a-z])([a-z]*)(?:lauf|laufe|laufen)(?![a-z])/;
export const NOT_A_RUN_LAUF = new Set([
  'ab',
  'ver',
  'auf',
  'lang',
  'skilang',
  'um',
  'zu',
  'vor',
  'durch',
  'an',
  'kreis',
  'aus',
  'ein',
  'uber',
  'nach',
  'wasser',
  'lebens',
  'ski',
  'eis',
  'schlitt',
  'rucken',
  'hinter',
  'zusammen',
  'weg',
  'ent',
  'ueber',
]);

/** Hansons "Strength" repeats are a run at threshold, not the gym ("Strength: 6 x 1 mile"). */
export const HANSONS_STRENGTH = guarded(
  /(?<![a-z])strength\b[^+&,;]{0,14}?\d+\s*[x*]\s*\d+(?:[.,]\d+)?\s*(?:mi(?![a-z])|miles?|km|k(?![a-z])|\d{3,4}\s*m?(?![a-z]))|(?<![a-z])strength (?:run|repeats|reps|intervals|workout \d)/,
  ['strength'],
);

/** Strides and their cousins are drills added to an easy run; they never make it a workout. */
export const STRIDES =
  /(?:(?<![a-z0-9])\d+\s*[x*]\s*)?(?:(?<![a-z0-9])\d+\s*(?:s|secs?|seconds?|min\w*|m|"|')?\s*)?(?<![a-z])(?:strides?|stride-?outs|steigerung\w*|lignes? droites?|acelerones|aceleraciones|progresivos|rectas|versnellingen|pick-?ups|accelerations?|accels?)(?![a-z])(?:\s*[:(-]?\s*(?:\d+\s*[x*]\s*)?\d+(?:[.,]\d+)?\s*(?:m|s|secs?|seconds?|min\w*|"|')(?![a-z])\)?)?(?:\s*(?:@|at)\s*(?:mp|hmp|gmp|m|hm|t|marathon|half|tempo|threshold|steady|5 ?k|10 ?k|mile|race|goal|fast|relaxed)(?:[- ]?(?:pace|effort))?(?![a-z]))?|(?<![a-z0-9])\d+(?:\s*x)?\s+st(?![a-z])/;
/** {@link STRIDES}, global, to take every add-on out of a text. */
export const STRIDES_ALL = new RegExp(STRIDES.source, 'g');

/** Every match of {@link STRIDES} contains one of these. */
export const STRIDES_HINTS = fragments([
  'stride',
  ' st',
  'steigerung',
  'ligne',
  'acelera',
  'acelero',
  'progresivos',
  'rectas',
  'versnelling',
  'pick',
  'accel',
]);

/**
 * Short hill sprints or sprints tacked onto a run ("Easy 6 mi + 8 hill sprints"): an add-on,
 * not a hill or interval session (SPEC §3).
 */
export const ADD_ON_SPRINTS =
  /(?:\+|&|,|;|(?<![a-z])(?:w\/|with|and|plus|then|incl\w*|followed by|mit|und|avec|et|con|y|met|en))\s*(?:\d+\s*[x*]?\s*)?(?:(?:[1-9]|1\d|20)\s*(?:s|secs?|seconds?|")\s*|(?:[1-9]\d|1\d\d)\s*m\s*)?(?:short\s+|steep\s+)?(?:hill sprints?|hill strides|hill sprint|bergsprints?|sprints?)(?:\s*\d+\s*[x*]\s*\d+\s*(?:s|secs?|m|")?)?/;
/** {@link ADD_ON_SPRINTS}, global, to take every add-on out of a text. */
export const ADD_ON_SPRINTS_ALL = new RegExp(ADD_ON_SPRINTS.source, 'g');

/** "+ speed" in Pfitzinger's "General aerobic + speed" is strides, not a speed session. */
/** Every match of {@link ADD_ON_SPRINTS} contains one of these. */
export const ADD_ON_SPRINTS_HINTS = fragments(['sprint', 'hill']);

export const PLUS_SPEED = /\+\s*speed(?![a-z])/g;

/** Run-walk is an easy run however it is written; its "intervals" are walk breaks. */
export const RUN_WALK =
  /(?<![a-z])(?:(?:run|jog)\s*[/-]\s*walk|walk\s*[/-]\s*(?:run|jog)|galloway)(?:\s+intervals?)?(?![a-z])/;
/** {@link RUN_WALK}, global, to spell every run/walk one way. */
export const RUN_WALK_ALL = new RegExp(RUN_WALK.source, 'g');

/** Where a title joins two sessions ("Tempo 20 min + core", "Easy run, then gym"). */
export const SESSION_JOIN =
  /\s*(?:\+|&|,|;|\/|(?<![a-z])(?:and|then|plus|w\/|with|followed by|und|dann|et|puis|y|luego|en|daarna)(?![a-z]))\s*/;

/** Every match of {@link RUN_WALK} contains one of these. */
export const RUN_WALK_HINTS = fragments(['walk', 'galloway']);

/** A set of repetitions: `6 x 800m`, `5x1k`, `800s x 6`, `12 x 400`. */
export const REPEATS =
  /\d\s*[x*]\s*\(?\s*\d|\d+\s*(?:s|m|k|km|mi)?\s*x\s*\d|(?<![a-z0-9])(?:200|300|400|600|800|1000|1200|1600)s(?![a-z])/;

/** Medium-long is its own, steady kind (Pfitzinger); it must not read as "long". */
export const MEDIUM_LONG = words([
  'medium[- ]?long(?: runs?)?',
  'mlr',
  'mittellange?[rn]?(?: lauf)?',
  'moyenne longue',
  'medio largo',
  'middellange(?: duurloop)?',
]);

/** Every match of {@link MEDIUM_LONG} contains one of these. */
export const MEDIUM_LONG_HINTS = fragments([
  'medium',
  'mlr',
  'mittellang',
  'moyenne',
  'medio',
  'middellang',
]);

/** The aerobic threshold is a steady effort, not lactate threshold. */
export const AEROBIC_THRESHOLD = words(['aerobic threshold', 'aet']);
/** Every match of {@link AEROBIC_THRESHOLD} contains one of these. */
export const AEROBIC_THRESHOLD_HINTS = fragments(['aerobic thr', 'aet']);

/** Races: generic words, race distances named as events, and fun runs. */
export const RACE = words(
  [
    'race ?day',
    'raceday',
    'races?',
    'racing',
    'wettkampf\\w*',
    'rennen',
    'competition',
    'competicion',
    'wedstrijd\\w*',
    'course',
    'carrera',
    'half[- ]?marathon',
    'halbmarathon',
    'semi[- ]?marathon',
    'semi de',
    'media[- ]?maraton',
    'medio[- ]?maraton',
    'halve marathon',
    'ultra[- ]?marathon',
    'marathon',
    'marathons',
    'maraton',
    'ultra',
    'time[- ]?trial',
    'tt',
    // A tune-up names a race ("tune-up half"), not a bike service.
    'tune[- ]?up (?:half|10 ?k|5 ?k|15 ?k|10 ?mi\\w*|race|run)',
    'fun[- ]?run',
    'charity run',
    'turkey trot',
    'jingle bell (?:run|jog)',
    'santa (?:run|dash)',
    'colou?r run',
    'glow run',
    'mud run',
    'tough mudder',
    'spartan race',
    'obstacle race',
    'great [a-z]+ run',
    'relay',
    'ragnar',
    'triathlon',
    'duathlon',
    'aquathlon',
    'ironman',
    'championships?',
    'champs',
    'nationals',
    'track meet',
    'xc meet',
    'cross country meet',
    'volkslauf',
    'stadtlauf',
    'firmenlauf',
    'silvesterlauf',
    'citylauf',
    'crosslauf',
    'san silvestre',
    'miler',
    'p[br] attempt',
    // Well-known events whose names carry no race word.
    'comrades',
    'utmb',
    'western states',
    'two oceans',
    'bay to breakers',
    'hood to coast',
    'big sur',
    'boston qualifier',
    'bq attempt',
  ],
  'g',
);

/** After a race word: the word names a pace, a plan or an errand, not the event. */
export const NOT_RACE_AFTER =
  /^[\s:-]*(?:pace\w*|paced|tempo|specific|simulation|sim|prep\w*|training|plan\w*|build|block|weeks?|goal|target|expo|budget|sponsor\w*|pick-?up|packet|bib|registration|results|report|strategy|review|recovery|shake-?out|long|condition|a pied|de recup\w*|lente|facile|continue|continua|suave|lenta|larga|corta|progresiva|a pie|facil|de recuperacion|registration|work|material\w*)(?![a-z])/;
/** Effort after "marathon" names a pace ("marathon effort"); after "race" it marks a race. */
export const EFFORT_AFTER = /^[\s:-]*effort(?![a-z])/;
/** Before a race word: a pace ("@ race pace") or a run around a race ("pre-race shakeout"). */
export const NOT_RACE_BEFORE =
  /(?:@|(?<![a-z])(?:at|to|pre|post|after|before|for|until|till|non|bis|nach|vor|apres|avant|allure|rythme|ritmo|a ritmo de|golf|online|crash|short|main|training|first aid|of))[\s-]*$/;

/**
 * A named event in the (cased) title: capitalised words before a race suffix ("Chicago Half",
 * "Bolder Boulder 10K", "Cherry Blossom 10 Miler", "Santa Dash").
 */
export const NAMED_EVENT =
  /(?:^|[^A-Za-z])((?:[A-Z][A-Za-z'.-]*\s+(?:(?:of|to|the|de|del|la|du|am|an|der|by|on|and|&)\s+)?){1,4})(?:\d+\s*)?(Half|Half Marathon|Halbmarathon|10K|5K|15K|8K|12K|10k|5k|Miler|Mile|Trot|Dash|Relay|Ultra|Classic|Triathlon)(?![A-Za-z])/;
/** Every match of {@link NAMED_EVENT} (cased) contains one of these. */
export const NAMED_EVENT_HINTS = fragments([
  'Half',
  'Halbmarathon',
  '0K',
  '5K',
  '8K',
  '2K',
  '0k',
  '5k',
  '8k',
  '2k',
  'Mile',
  'Trot',
  'Dash',
  'Relay',
  'Ultra',
  'Classic',
  'Triathlon',
]);

/** Capitalised words that are training or calendar words, not the name of an event. */
export const NOT_EVENT_NAME = words([
  'easy',
  'tempo',
  'long',
  'recovery',
  'steady',
  'threshold',
  'runs?',
  'morning',
  'afternoon',
  'evening',
  'night',
  'lunch',
  'lunchtime',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'today',
  'tomorrow',
  'race',
  'progression',
  'intervals?',
  'track',
  'hills?',
  'fartlek',
  'parkrun',
  'treadmill',
  'trail',
  'wu',
  'cd',
  'base',
  'aerobic',
  'general',
  'moderate',
  'pace',
  'mp',
  'hm',
  'goal',
  'optional',
  'double',
  'shakeout',
  'fast',
  'finish',
  'split',
  'negative',
  'group',
  'club',
  'team',
  'social',
  'solo',
  'commute',
  'home',
  'week',
  'day',
  'am',
  'pm',
  'e',
  'm',
  't',
  'i',
  'r',
  'l',
  'z\\d',
  'speed',
  'quality',
  'workout',
  'session',
  'run:',
  'tune-up',
  'practice',
  'test',
  'virtual',
  'solo',
  'my',
  'our',
  'the',
  'a',
  'first',
  'last',
  'new',
  'last',
  'warm',
  'cool',
  'up',
  'down',
  'jog',
  'walk',
  'strides',
]);

/** parkrun is a weekly timed 5 km; only "race", "PB", "time trial" make it a race (SPEC §3). */
export const PARKRUN = guarded(words(['parkrun', 'park run']), ['park']);

/** Explicit long-run words. "long" followed by a workout noun ("long intervals") is not one. */
export const LONG = words([
  'long run',
  'long(?:run)?(?![\\s-]*(?:intervals?|reps?|repeats?|repetitions|hills?|hill|tempo|threshold|ride|rides|swim|walk|hike|bike|call|lunch|weekend|meeting|day|sprints?|strides|accelerations|pick-?ups|fartlek|cruise|lunges?|stretch|intervalle|island|term|cycle|spin|row))',
  'lr',
  'lsd',
  'long slow distance',
  'long ?jog',
  'lange[rn]? (?:dauer)?lauf',
  'lange[rn]? dl',
  'langer? ausdauerlauf',
  'lange einheit',
  'sortie longue',
  'sl',
  'tirada larga',
  'tirada',
  'rodaje largo',
  'carrera larga',
  'fondo',
  'lange duurloop',
  'duurloop lang',
  'lange loop',
  'lange afstand',
  'lange duur',
]);

/** What turns a long run into a hard one: marathon-pace, fast-finish or tempo segments. */
export const LONG_QUALITY = words([
  'mp',
  'marathon[- ]pace\\w*',
  'marathon[- ]paced',
  'marathon effort',
  'gmp',
  'hmp',
  'hm pace',
  'half[- ]marathon pace',
  'race[- ]pace',
  'goal pace',
  '@ ?m',
  '@ ?t',
  'fast[- ]?finish\\w*',
  'strong finish',
  'finish fast',
  'progression\\w*',
  'progressive',
  'progress(?:ing)? to',
  'negative splits?',
  'tempo\\w*',
  'threshold',
  'lt',
  'cruise',
  'surges?',
  "last \\d+(?:[.,]\\d+)?\\s*(?:mi|miles?|km|k|min\\w*|')?\\s*(?:@|at|fast|hard|strong|quick)",
  'allure marathon',
  'ritmo (?:de )?maraton',
  'marathontempo',
  'endbeschleunigung',
  'schlussbeschleunigung',
]);

/** Hill sessions. */
export const HILLS = words([
  'hill repeats',
  'hill reps',
  'hill sprints?',
  'hills?',
  'hillwork',
  'uphills?',
  'berg\\w*',
  'hugel\\w*',
  'cotes?',
  'en cote',
  'cuestas?',
  'heuvel\\w*',
  'hellingen',
  'helling',
  'colinas?',
  'subidas?',
  'montees?',
  'repechos?',
]);

/** Intervals named by what makes them fast: pace, place, or a structure only intervals have. */
export const INTERVALS_SPECIFIC = words([
  'fartleks?',
  'fahrtspiel',
  'tempowechsel',
  'speed play',
  'yasso\\w*',
  'ladders?',
  'pyramids?',
  'pyramide',
  'piramide',
  'vo2 ?max',
  'vo2',
  'v02',
  'vvo2',
  'speed ?work',
  'speed',
  'track',
  'track work',
  'bahn\\w*',
  'piste',
  'pista',
  'baan\\w*',
  'vma',
  'mile repeats',
  'km repeats',
  'k repeats',
  'kilometer repeats',
  '(?:200|300|400|600|800|1000|1200|1600)s',
  '@ ?[135] ?k',
  '[135] ?k (?:race[- ]?)?(?:pace|effort)',
  '(?:@|at) ?(?:mile|1500|3000)',
  '(?:mile|1500 ?m?|3000 ?m?|800 ?m?) (?:race[- ]?)?(?:pace|effort)',
  'z5',
  'zone 5',
  'sprints',
  'sprint (?:intervals|repeats|training|workout|session)',
  'cambios de ritmo',
  'on/off',
  'on / off',
  '(?:hard|fast|on|quick)\\s*/\\s*\\d*\\s*(?:\'|min\\w*|s|secs?|")?\\s*(?:easy|off|jog|float|recovery|slow|rest)',
  '(?:15|20|30|40|45|60)s? ?[/-] ?(?:15|20|30|40|45|60)s?',
  'critical velocity',
  'cv',
  'anaerobic',
  'all[- ]out',
  'max effort',
]);

/** 10K pace: repetitions at it are intervals, a continuous stretch at it is a tempo. */
export const TEN_K_PACE = guarded(
  words(['@ ?10 ?k', '10 ?k (?:pace|effort)', 'allure 10 ?km?', 'ritmo 10 ?k']),
  ['10'],
);

/** Threshold, tempo and marathon-pace work, including Higdon's "pace" and Daniels' M and T. */
export const TEMPO = words([
  'tempo\\w*',
  'tdl',
  'intensieve duurloop',
  'over-?unders?',
  'threshold\\w*',
  'thresh',
  'lt[12]?',
  'lactate',
  'cruise',
  'sweet ?spot',
  'sst',
  'mp',
  'marathon[- ]pace\\w*',
  'marathon[- ]paced',
  'marathon effort',
  'gmp',
  'hmp',
  'hm (?:pace|effort)',
  'half[- ]marathon (?:pace|effort)',
  'half pace',
  'race[- ]pace',
  'race[- ]paced',
  'goal pace',
  '10[- ]?mile pace',
  '15 ?k pace',
  '(?:@|at) ?(?:hm|mp|hmp|t|m|15k|10 ?mi\\w*)',
  't pace',
  't-pace',
  'schwelle\\w*',
  'schwellen\\w*',
  'seuil',
  'allure (?:marathon|semi|specifique|seuil)',
  'umbral',
  'ritmo (?:de )?(?:maraton|media(?: maraton)?|umbral|carrera|competicion)',
  'drempel\\w*',
  'marathontempo',
  '(?:marathon-?|halbmarathon-?|hm-?)?renntempo',
  'wettkampftempo',
  'wedstrijdtempo',
  'racetempo',
  'z4',
  'zone 4',
  'comfortably hard',
  'sub[- ]?threshold',
  'hard run',
  'hard effort',
]);

/** Hal Higdon's pace runs: "3 m pace", "5 mi pace" (a distance run at goal pace). */
export const HIGDON_PACE = guarded(
  /(?<!@\s?|at\s)(?<![\d.])\d+(?:[.,]\d+)?\s*(?:m|mi|miles?)\s+pace(?![a-z])/,
  ['pace'],
);

/** Generic interval words and set structures, weaker than a pace target. */
export const INTERVALS_GENERIC = words([
  'intervals?',
  'interval training',
  'intervall\\w*',
  'intervalle?n?',
  'intervaltraining',
  'intervallen',
  'intervalos',
  'fractionn\\w*',
  'series',
  'serie',
  'reps',
  'repeats',
  'repetitions',
  'repeticiones',
  'wiederholungen',
  'herhalingen',
]);

/** Steady, moderate and progression runs. */
export const STEADY = words([
  'steady\\w*',
  'moderate\\w*',
  'medium',
  'progression\\w*',
  'progressive',
  'progressif',
  'progresivo',
  'progressief',
  'prog',
  'build-?up run',
  'negative splits?',
  'fast[- ]?finish\\w*',
  'strong finish',
  'z3',
  'zone 3',
  'ga2',
  'dl ?2',
  'zugig\\w*',
  'mittler\\w* dauerlauf',
  'endurance active',
  'rodaje (?:medio|moderado|vivo|alegre)',
  'ritmo medio',
  'brisk',
  'uptempo',
]);

/** Progression and fast finish: a long run when long enough, and then a hard one. */
export const LONG_WHEN_LONG_ENOUGH = words([
  'progression\\w*',
  'progressive',
  'progresivo',
  'progressif',
  'fast[- ]?finish\\w*',
  'strong finish',
]);

/** Recovery runs. */
export const RECOVERY = words([
  'recovery',
  // Pfitzinger's "Rec 5".
  'rec(?= ?\\d)',
  'recover',
  'recup\\w*',
  'shake ?-?out',
  'regeneration\\w*',
  'regenerations\\w*',
  'regenerativ\\w*',
  'regen',
  'rekom',
  'recuperacion',
  'recuperativo',
  'herstel\\w*',
  'z1',
  'zone 1',
  'very easy',
  'super easy',
  'erholung\\w*',
]);

/** Easy runs, strides included. */
export const EASY = words([
  'easy',
  'general aerobic',
  'aerobic',
  'ga1?',
  'base',
  'z2',
  'zone ?2',
  'jog\\w*',
  'jg',
  'run ?/ ?walk',
  'run-walk',
  'walk ?/ ?run',
  'walk-run',
  'galloway',
  'strides?',
  'conversational',
  'endurance',
  'dl(?: ?1)?',
  'openers',
  'dauerlauf',
  'locker\\w*',
  'ruhig\\w*',
  'grundlage\\w*',
  'footing',
  'ef',
  'endurance fondamentale',
  'facile',
  'tranquille',
  'rodaje',
  'suave',
  'trote',
  'carrera continua',
  'continuous run',
  '\\w*duurloop',
  'rustig\\w*',
  'losloop',
  'maf',
  'trail',
  'trails',
  'treadmill',
  'commute',
]);

/** Easy words too vague to make an event a run by themselves ("Light lunch"). */
export const EASY_WEAK = words([
  'comfortable',
  'relaxed',
  'gentle',
  'light',
  'leicht\\w*',
  'lento',
  'langsam\\w*',
]);

/** Daniels' pace letters (cased): `E 40 min`, `2E`, `4 x 1T`, `5 x 4 min I`, `8 x 200 R`, `@ M`. */
export const DANIELS =
  /(?:(?:\d|min|mi|km|k|'|@)\s*([EMTIRL])|(?:^|[\s(+,;:])([EMTIRL])\s+\d)(?![A-Za-z])(?!\s+(?:run|pace|Run|Pace)(?![a-z]))/g;

/** A session word with nothing else: a plan's generic "Workout". */
export const GENERIC_WORKOUT = words(['workout', 'wko', 'key workout', 'key session']);

/** "Quality" means a hard session when nothing says which. */
export const QUALITY = words(['quality', 'q session', 'q1', 'q2', 'hard', 'workout day']);

// ---------------------------------------------------------------------------------------------
// Reading the week like a coach (SPEC §3): workouts that borrow race words, extras inside easy
// runs, accessory strength and full rest.
// ---------------------------------------------------------------------------------------------

/**
 * A race word used as a pace or a rehearsal, not as the event: "Half Marathon Race Pace",
 * "Marathon dress rehearsal @ MP", "Race simulation", "Marathon-Renntempo". Read on the title
 * only, where it sits next to the race word; a repeat structure anywhere also rules a race out.
 */
export const RACE_AS_WORKOUT = words([
  'race[- ]?pace\\w*',
  'goal[- ]?pace',
  'target pace',
  'pace',
  'paced',
  'mp',
  'hmp',
  'gmp',
  '@ ?(?:mp|hmp|gmp|m|hm|t|race|goal|\\d+ ?k|mile)',
  'simulation',
  'sim',
  'dress rehearsal',
  'rehearsal',
  'renntempo',
  'wettkampftempo',
  'wettkampfspezifisch\\w*',
  'allure',
  'ritmo',
  'wedstrijdtempo',
  'racetempo',
  'marathontempo',
]);

/**
 * A short add-on at the end of an easy run: a few reps of a minute or less at marathon, half or
 * tempo pace, or of 30 s and 200 m or less at any pace ("easy + 4 x 1 min @ MP", "+ 6 x 20 s").
 * What comes before it must say the run is easy; the add-on then stays inside the easy day.
 */
export const SHORT_ADD_ON = new RegExp(
  [
    // ≤ 30 s or ≤ 200 m at any pace.
    '(?:\\+|&|,|;|(?<![a-z])(?:w/|with|and|plus|then|incl\\w*|mit|und|avec|et|con|y|met|en))\\s*[1-9]\\d?\\s*[x*]\\s*(?:(?:[1-9]|[12]\\d|30)\\s*(?:s|secs?|seconds?|sek\\w*|")|(?:50|60|80|100|120|150|200)\\s*m(?![a-z]))(?:\\s*(?:@|at)\\s*[a-z0-9 ]{1,14}?(?:pace|effort)?)?\\s*$',
    // ≤ 1 min at marathon, half or threshold pace, at most six.
    '(?:\\+|&|,|;|(?<![a-z])(?:w/|with|and|plus|then|incl\\w*|mit|und|avec|et|con|y|met|en))\\s*[1-6]\\s*[x*]\\s*(?:1\\s*(?:min\\w*|\')|(?:[1-5]\\d|60)\\s*(?:s|secs?|seconds?|"))\\s*(?:@|at)\\s*(?:mp|hmp|gmp|m|hm|t|marathon|half|tempo|threshold|steady)(?:[- ]?(?:pace|effort))?\\s*$',
  ].join('|'),
);

/** Every match of {@link SHORT_ADD_ON} contains one of these. */
export const SHORT_ADD_ON_HINTS = /\d\s*[x*]\s*\d/;

/**
 * Run/walk written as its structure: "6 x (3 min run / 1 min walk)", "4 min run, 1 min walk",
 * "Run 2 min / walk 1 min x 8".
 * The repetitions are walk breaks, not intervals.
 */
export const RUN_WALK_STRUCTURE =
  /(?:\d+\s*[x*]\s*)?\(?\s*(?:\d+(?:[.,]\d+)?\s*(?:min\w*|m|'|s|secs?)?\s*(?:run|jog)\w*\s*(?:[/,+&-]|and|then)\s*\d+(?:[.,]\d+)?\s*(?:min\w*|m|'|s|secs?)?\s*walk\w*|(?:run|jog)\w*\s+\d+(?:[.,]\d+)?\s*(?:min\w*|m|'|s|secs?)?\s*(?:[/,+&-]|and|then)\s*walk\w*\s+\d+(?:[.,]\d+)?\s*(?:min\w*|m|'|s|secs?)?)\s*\)?(?:\s*[x*]\s*\d+)?/;

/** Short hill sprints: with an easy run they are drills, not a hill session (SPEC §3). */
export const SHORT_HILL_SPRINTS = guarded(
  /(?<![a-z])(?:short\s+)?hill\s+sprints?(?:\s*[:-]?\s*\d+\s*[x*]\s*\d{1,2}\s*(?:s|secs?|seconds?|")(?![a-z]))?/,
  ['hill'],
);

/** An easy run said in words, for add-ons to attach to. */
export const EASY_CONTEXT = words([
  'easy',
  'recovery',
  'aerobic',
  'base',
  'general aerobic',
  'ga',
  'z[12]',
  'zone [12]',
  'jog',
  'shake-?out',
  'locker\\w*',
  'ruhig\\w*',
  'grundlage\\w*',
  'ga1',
  'dauerlauf',
  'footing',
  'facile',
  'endurance fondamentale',
  'ef',
  'rodaje',
  'suave',
  'duurloop',
  'rustig\\w*',
]);

/**
 * Accessory strength (SPEC §3): core, mobility, stretching, prehab, foam rolling. Shown, never
 * counted by the rules. A title with nothing but these words is accessory.
 */
export const ACCESSORY = words([
  'core(?: (?:stability|strength|work|workout|routine|circuit|session|exercises?|training))?',
  'abs',
  'mobility(?: (?:work|routine|session|drills))?',
  'mobilitat\\w*',
  'mobilite',
  'movilidad',
  'mobiliteit',
  'stretch',
  'stretches',
  'stretching',
  'dehnen',
  'dehnung\\w*',
  'etirements?',
  'estiramientos?',
  'rekken',
  'rekoefeningen',
  'foam[- ]?roll\\w*',
  'self[- ]massage',
  'prehab(?: routine| exercises)?',
  'rehab exercises',
  'physio exercises',
  'activation(?: drills| routine)?',
  'gainage',
  'rumpf\\w*',
  'stabi\\w*',
  'stabiliteit\\w*',
  'rompstabiliteit',
  'romp(?:training|oefeningen)',
  '(?:hip|ankle|knee|foot|core) stability',
  'planks?',
  'hip routine',
  'myrtl',
]);

/** {@link ACCESSORY}, global, to take every accessory word out of a title. */
export const ACCESSORY_ALL = new RegExp(ACCESSORY.source, 'g');

/** A full rest day (SPEC §3 H7): no strength either, not just no running. */
export const FULL_REST = words([
  'full rest',
  'complete rest',
  'total rest',
  'full(?: day)? off',
  'complete(?:ly)? off',
  'no training',
  'no exercise',
  'no cross[- ]?training',
  'nothing at all',
  'trainingsfrei',
  'kein training',
  'komplette ruhe',
  'vollige ruhe',
  'vollstandige ruhe',
  'absolute ruhe',
  'repos complet',
  'repos total',
  'repos absolu',
  'aucun entrainement',
  'descanso total',
  'descanso completo',
  'descanso absoluto',
  'sin entrenamiento',
  'volledige rust',
  'complete rust',
  'totale rust',
  'geen training',
]);
