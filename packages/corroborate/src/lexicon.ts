/**
 * General English for comparing claims about military installations: which verbs frame a claim
 * rather than carry it, which predicates mean the same or the opposite, and which nouns name one
 * kind of thing. Every entry is ordinary language, none comes from one article's wording.
 */

/** Verbs that report or frame what is said ("said", "denied"): the stance carries them, not the content. */
export const FRAME_VERBS = new Set([
  'say',
  'tell',
  'report',
  'add',
  'state',
  'claim',
  'confirm',
  'announce',
  'note',
  'explain',
  'insist',
  'stress',
  'write',
  'quote',
  'accord',
  'cite',
  'argue',
  'believe',
  'think',
  'suggest',
  'indicate',
  'deny',
  'reject',
  'dismiss',
  'refute',
  'acknowledge',
  'assert',
  'allege',
  'express',
  'voice',
  'echo',
  'call',
  'describe',
  'speak',
  'comment',
  'respond',
  'reply',
  'answer',
]);

/**
 * Verbs that carry another verb rather than an event of their own ("began withdrawing", "plans to
 * leave", "appeared to be"): the main predicate is the verb after them.
 */
export const CARRIER_VERBS = new Set([
  'be',
  'have',
  'do',
  'get',
  'begin',
  'start',
  'continue',
  'plan',
  'intend',
  'seek',
  'try',
  'attempt',
  'want',
  'hope',
  'expect',
  'appear',
  'seem',
  'aim',
  'decide',
  'need',
  'prepare',
  'go',
  'set',
  'look',
  'threaten',
  'agree',
  'refuse',
  'work',
  'help',
  'make',
  'take',
  'give',
]);

/** Particles that change a verb's meaning ("pull out" is not "pull back"). */
export const PARTICLES = new Set(['out', 'back', 'away', 'off', 'down', 'up', 'in', 'over']);

/**
 * Predicate classes: verbs (and verb–particle pairs) that state the same kind of change.
 * Only classes that can be opposed or that paraphrase each other often are listed.
 */
const PREDICATE_CLASSES: Record<string, readonly string[]> = {
  depart: [
    'leave',
    'withdraw',
    'depart',
    'evacuate',
    'exit',
    'quit',
    'abandon',
    'vacate',
    'relocate',
    'redeploy',
    'transfer',
    'pull out',
    'pull back',
    'move out',
    'ship back',
    'send back',
    'bring back',
    'fly back',
    'fly out',
    'sail away',
    'sail out',
  ],
  stay: ['remain', 'stay', 'keep', 'maintain', 'retain', 'preserve', 'hold on'],
  cancel: [
    'cancel',
    'terminate',
    'annul',
    'revoke',
    'scrap',
    'void',
    'rescind',
    'suspend',
    'abrogate',
    'nullify',
    'tear up',
    'end',
  ],
  arrive: ['arrive', 'reach', 'dock', 'land', 'enter', 'deploy', 'station', 'move in', 'fly in', 'send in', 'return'],
  attack: ['strike', 'hit', 'attack', 'bomb', 'target', 'shell', 'shoot', 'destroy', 'damage', 'raid'],
  build: ['build', 'construct', 'establish', 'set up', 'develop', 'expand', 'upgrade', 'complete', 'open'],
  review: ['review', 'reconsider', 'reassess', 'reevaluate', 'reexamine', 'revise', 'renegotiate'],
  sign: ['sign', 'conclude', 'seal', 'ink', 'agree'],
  uphold: ['honor', 'honour', 'respect', 'accept', 'recognize', 'recognise', 'uphold', 'abide', 'observe', 'implement'],
  discuss: ['discuss', 'talk', 'meet', 'negotiate', 'visit'],
  // Starting a relationship afresh: "reset", "restart", "redefine" or "normalise" relations.
  renew: [
    'renew',
    'restart',
    'reset',
    'relaunch',
    'revive',
    'redefine',
    'reshape',
    'reboot',
    'reinvigorate',
    'revitalize',
    'revitalise',
    'normalize',
    'normalise',
  ],
};

/** Classes that cannot both hold of one thing at one time: "has left" and "remains", "cancelled" and "remains valid". */
const OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  ['depart', 'stay'],
  ['cancel', 'stay'],
  ['cancel', 'uphold'],
];

const classOfPredicate = new Map<string, string>(
  Object.entries(PREDICATE_CLASSES).flatMap(([name, verbs]) => verbs.map((verb) => [verb, name] as const)),
);

/** The class of a predicate ("pull out" → depart), trying the verb alone when the pair has none. */
export function predicateClassOf(predicate: string | null): string | null {
  if (predicate === null) return null;
  const [verb, particle] = predicate.split(' ');
  // "hit back", "pull back": a particle that reverses or weakens the verb leaves it without a class.
  if (particle === 'back') return classOfPredicate.get(predicate) ?? null;
  return classOfPredicate.get(predicate) ?? classOfPredicate.get(verb!) ?? null;
}

/** Whether two predicate classes are opposed. */
export function opposed(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && OPPOSITES.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

/** The class a denied predicate amounts to ("is not leaving" → stay), where it has exactly one opposite. */
export function negatedClass(cls: string | null): string | null {
  if (cls === null) return null;
  const opposite = OPPOSITES.filter(([x, y]) => x === cls || y === cls).map(([x, y]) => (x === cls ? y : x));
  return opposite.length === 1 ? opposite[0]! : null;
}

/** Words for a class in the sentence that explains a contradiction. */
export const CLASS_PHRASES: Record<string, string> = {
  depart: 'has left or is leaving',
  stay: 'remains',
  cancel: 'was cancelled or suspended',
  uphold: 'is honoured',
};

/** Nouns that name an event by its verb ("the withdrawal" → withdraw): a predicate for verbless headlines. */
export const NOMINAL_PREDICATES = new Map<string, string>([
  ['withdrawal', 'withdraw'],
  ['departure', 'depart'],
  ['evacuation', 'evacuate'],
  ['exit', 'exit'],
  ['pullout', 'pull out'],
  ['cancellation', 'cancel'],
  ['termination', 'terminate'],
  ['annulment', 'annul'],
  ['suspension', 'suspend'],
  ['arrival', 'arrive'],
  ['deployment', 'deploy'],
  ['strike', 'strike'],
  ['airstrike', 'strike'],
  ['attack', 'attack'],
  ['raid', 'raid'],
  ['construction', 'construct'],
  ['expansion', 'expand'],
  ['review', 'review'],
  ['talk', 'talk'],
  ['discussion', 'discuss'],
  ['negotiation', 'negotiate'],
  ['visit', 'visit'],
  ['meeting', 'meet'],
]);

/**
 * Prepositions that set a circumstance or time rather than the claim's event: "during the talks",
 * "after the withdrawal", "amid the fall of". An event noun they govern frames the claim, it is not
 * what the claim reports.
 */
export const CIRCUMSTANCE_PREPOSITIONS = new Set([
  'during',
  'after',
  'before',
  'amid',
  'amidst',
  'following',
  'ahead',
  'since',
  'until',
  'till',
  'throughout',
  'despite',
]);

/** Verbs whose object names the event: "made a visit", "held talks", "carried out a strike". */
export const LIGHT_VERBS = new Set(['make', 'hold', 'take', 'give', 'conduct', 'carry', 'launch', 'pay']);

/**
 * Nouns by the kind of thing they name: a claim about "two frigates" is also about ships, so a more
 * specific wording still shares a term with a general one.
 */
const NOUN_CLASSES: Record<string, readonly string[]> = {
  ship: [
    'ship',
    'vessel',
    'warship',
    'frigate',
    'corvette',
    'destroyer',
    'cruiser',
    'submarine',
    'tanker',
    'boat',
    'fleet',
    'flotilla',
  ],
  aircraft: [
    'aircraft',
    'plane',
    'airplane',
    'jet',
    'warplane',
    'fighter',
    'bomber',
    'helicopter',
    'airlifter',
    'transport',
  ],
  troop: ['troop', 'soldier', 'personnel', 'serviceman', 'servicemen', 'force', 'contingent', 'marine'],
  base: ['base', 'facility', 'installation', 'garrison', 'outpost', 'airbase', 'airfield', 'airport', 'airstrip'],
  port: ['port', 'harbor', 'harbour', 'dock', 'pier', 'berth'],
  agreement: ['agreement', 'deal', 'contract', 'accord', 'treaty', 'lease', 'pact', 'memorandum', 'concession'],
  weapon: ['weapon', 'weaponry', 'equipment', 'hardware', 'arms', 'system', 'missile', 'munition'],
  strike: ['strike', 'airstrike', 'attack', 'raid', 'bombing', 'shelling'],
};

/** Noun classes of things a holder moves about without leaving itself: its ships, aircraft, troops or equipment. */
export const MOVABLE_CLASSES: ReadonlySet<string> = new Set(['ship', 'aircraft', 'troop', 'weapon']);

const classesOfNoun = new Map<string, string[]>();
for (const [name, nouns] of Object.entries(NOUN_CLASSES))
  for (const noun of nouns) classesOfNoun.set(noun, [...(classesOfNoun.get(noun) ?? []), name]);

/** The classes a noun lemma belongs to (often none). */
export function nounClassesOf(lemma: string): readonly string[] {
  return classesOfNoun.get(lemma) ?? [];
}

/** The class of a counted noun, so "two frigates" and "two warships" count the same thing. */
export function unitOf(lemma: string): string {
  return nounClassesOf(lemma)[0] ?? lemma;
}

/** British and American spellings read as one ("defence", "harbour"). */
const SPELLINGS = new Map([
  ['defence', 'defense'],
  ['harbour', 'harbor'],
  ['manoeuvre', 'maneuver'],
  ['programme', 'program'],
  ['centre', 'center'],
  ['armour', 'armor'],
  ['honour', 'honor'],
  ['recognise', 'recognize'],
  ['cancelled', 'cancel'],
  ['cancelling', 'cancel'],
]);

export const spelling = (lemma: string) => SPELLINGS.get(lemma) ?? lemma;

/** Words that carry no content of a claim beyond its stance, hedge or time, on top of wink's stop words. */
export const EXTRA_STOP_WORDS = new Set([
  'also',
  'still',
  'already',
  'now',
  'currently',
  'reportedly',
  'allegedly',
  'apparently',
  'likely',
  'possibly',
  'probably',
  'may',
  'might',
  'would',
  'could',
  'will',
  'shall',
  'should',
  'must',
  'can',
  'according',
  'mr',
  'mrs',
  'ms',
  'today',
  'yesterday',
  'tomorrow',
  'week',
  'month',
  'year',
  'day',
  'time',
  'recent',
  'recently',
  'last',
  'next',
  'earlier',
  'later',
  'early',
  'late',
  'mid',
  // "of course", "in fact", "at least": discourse markers, not content.
  'course',
  'fact',
]);

/** Words by which a quote itself only supposes what it says ("may remain", "allegedly repelled"). */
export const TENTATIVE = new Set([
  'may',
  'might',
  'could',
  'allegedly',
  'supposedly',
  'possibly',
  'perhaps',
  'presumably',
  'apparently',
  'reportedly',
  'purportedly',
]);

/** Words that negate a clause. */
export const NEGATIONS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'none',
  'neither',
  'nor',
  'nothing',
  'nobody',
  'cannot',
]);

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** A month's number (1–12) from its name or abbreviation ("Dec.", "Sept"), else null. */
export function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m === w || (m.startsWith(w) && (w.length === 3 || w === 'sept')));
  return i < 0 ? null : i + 1;
}

export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
