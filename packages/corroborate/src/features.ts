import { datesOf } from './dates';
import { type Word, wordsOf } from './language';
import {
  CARRIER_VERBS,
  CIRCUMSTANCE_PREPOSITIONS,
  LIGHT_VERBS,
  MOVABLE_CLASSES,
  EXTRA_STOP_WORDS,
  FRAME_VERBS,
  MONTHS,
  NEGATIONS,
  NOMINAL_PREDICATES,
  PARTICLES,
  TENTATIVE,
  WEEKDAYS,
  monthOf,
  nounClassesOf,
  predicateClassOf,
  spelling,
} from './lexicon';
import { quantitiesOf } from './quantities';
import type { ClaimFacts, ClaimFeatures, ReadClaim } from './types';

const SKIPPED_TAGS = new Set([
  'PUNCT',
  'NUM',
  'SYM',
  'DET',
  'ADP',
  'CCONJ',
  'SCONJ',
  'PRON',
  'AUX',
  'PART',
  'X',
  'SPACE',
]);

/** A lemma as compared: lower case, one spelling, no possessive, a model's plural "s" dropped ("an-124s"). */
function normalLemma(word: Word): string {
  const lemma = spelling(word.lemma.replace(/'s$/, ''));
  return /\d/.test(lemma) ? lemma.replace(/s$/, '') : lemma;
}

const isContent = (word: Word, lemma: string) =>
  !SKIPPED_TAGS.has(word.pos) &&
  !word.stop &&
  /\p{L}/u.test(lemma) &&
  lemma.length > 1 &&
  !EXTRA_STOP_WORDS.has(lemma) &&
  !NEGATIONS.has(lemma) &&
  !FRAME_VERBS.has(lemma) &&
  !CARRIER_VERBS.has(lemma) &&
  !WEEKDAYS.has(lemma) &&
  !(MONTHS as readonly string[]).includes(lemma) &&
  monthOf(word.text) === null;

// What may stand between a verb and its particle: "pulled its last ships out".
const OBJECT_TAGS = new Set(['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/** The particle of the verb at `i`, right after it or after a short object ("pull out", "pull its ships out"). */
function particleAfter(words: readonly Word[], i: number): string | null {
  for (let j = i + 1; j < Math.min(words.length, i + 5); j++) {
    const w = words[j]!;
    if ((w.pos === 'ADP' || w.pos === 'PART' || w.pos === 'ADV') && PARTICLES.has(w.lemma)) return w.lemma;
    if (!OBJECT_TAGS.has(w.pos)) return null;
  }
  return null;
}

/** Where a relative clause (", who once headed X,") that starts at `i` ends, or `i` when none starts there. */
function relativeClauseEnd(words: readonly Word[], i: number): number {
  const w = words[i]!;
  if ((w.lemma !== 'who' && w.lemma !== 'which') || words[i - 1]?.text !== ',') return i;
  for (let j = i + 1; j < words.length; j++) if (words[j]!.text === ',') return j;
  return i;
}

/**
 * Whether the verb at `i` describes a noun rather than says what happened: a relative clause,
 * "the agreements (that) it had signed", "bases which Russia built". Its event is what the noun
 * already is, not what the claim asserts: "respects the agreements it signed" asserts respecting.
 */
function describesNoun(words: readonly Word[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (words[j]!.pos === 'AUX' || words[j]!.pos === 'ADV' || words[j]!.pos === 'PART')) j--;
  const subject = words[j];
  if (!subject || (subject.pos !== 'PRON' && subject.pos !== 'PROPN')) return false;
  let k = j - 1;
  while (k >= 0 && words[k]!.pos === 'PROPN' && subject.pos === 'PROPN') k--;
  const before = words[k];
  if (before && (before.lemma === 'that' || before.lemma === 'which') && before.pos !== 'VERB') k--;
  return words[k]?.pos === 'NOUN';
}

// What may end a circumstance phrase ("during the recent talks, …", "after the visit they …").
const CLAUSE_TAGS = new Set(['VERB', 'AUX', 'PUNCT', 'CCONJ', 'SCONJ', 'PRON']);

/**
 * Whether the word at `i` opens a circumstance phrase. Read by its text as well as its lemma: a
 * preposition that is a participle in form ("offshore following the overthrow") is often tagged a
 * verb and lemmatised to it ("follow"), which names no circumstance; after an auxiliary it is the
 * verb ("ships were following the convoy").
 */
function opensCircumstance(words: readonly Word[], i: number): boolean {
  const w = words[i]!;
  if (w.pos !== 'ADP' && w.pos !== 'SCONJ' && w.pos !== 'ADV' && w.pos !== 'VERB') return false;
  if (CIRCUMSTANCE_PREPOSITIONS.has(w.lemma)) return true;
  return CIRCUMSTANCE_PREPOSITIONS.has(w.text.toLowerCase()) && words[i - 1]?.pos !== 'AUX';
}

/**
 * Whether a word ends a circumstance phrase: a verb, a clause or punctuation, but not the hyphen
 * inside a compound name ("al-Assad", "Tu-154"), which the tagger splits off as punctuation.
 */
const endsCircumstance = (w: Word) => CLAUSE_TAGS.has(w.pos) && w.text !== '-';

/**
 * For each word, whether it lies in a circumstance phrase ("during the recent talks", "at the start
 * of talks", "amid the withdrawal"): from such a preposition to the next verb, clause or punctuation.
 */
function inCircumstance(words: readonly Word[]): boolean[] {
  let inside = false;
  return words.map((w, i) => {
    if (opensCircumstance(words, i)) {
      inside = true;
      return true;
    }
    if (endsCircumstance(w)) inside = false;
    return inside;
  });
}

/** The event nouns of a quote outside circumstance phrases, as their verbs ("talks" → talk). */
function eventNouns(words: readonly Word[]): string[] {
  const circumstance = inCircumstance(words);
  return words.flatMap((w, i) => {
    const verb = w.pos === 'NOUN' && !circumstance[i] ? NOMINAL_PREDICATES.get(normalLemma(w)) : undefined;
    return verb === undefined ? [] : [verb];
  });
}

/** The event noun a light verb governs ("made a working visit" → visit), within a few words. */
function lightVerbObject(words: readonly Word[], i: number): string | null {
  for (let j = i + 1; j < Math.min(words.length, i + 5); j++) {
    const w = words[j]!;
    if (w.pos === 'VERB') return null;
    const verb = w.pos === 'NOUN' ? NOMINAL_PREDICATES.get(normalLemma(w)) : undefined;
    if (verb !== undefined) return verb;
  }
  return null;
}

/**
 * Whether the verb at `i` is a participle used as an adjective before its noun ("shared interests",
 * "the remaining troops", "relations and shared interests") or the noun of an existential ("there
 * were contracts"), not a predicate.
 */
function attributive(words: readonly Word[], i: number): boolean {
  // "There were contracts …": what an existential "there is" introduces is a noun, whatever the tagger says.
  if (words[i - 1]?.lemma === 'be' && words[i - 2]?.lemma === 'there') return true;
  if (words[i + 1]?.pos !== 'NOUN') return false;
  const before = words[i - 1];
  if (before === undefined) return false;
  if (before.pos === 'DET' || before.pos === 'ADP' || before.pos === 'ADJ') return true;
  return before.pos === 'CCONJ' && words[i - 2]?.pos === 'NOUN';
}

/**
 * The main predicate: the first verb outside a relative clause that neither frames the claim
 * ("said", "denied") nor only carries another verb ("began withdrawing"), with its particle ("pull
 * out"); a light verb's event noun ("held talks" → talk); else, in a verbless headline, the first
 * noun that names an event ("withdrawal" → withdraw) outside a circumstance ("during the talks").
 */
function predicateOf(words: readonly Word[]): { predicate: string | null; at: number } {
  for (let i = 0; i < words.length; i++) {
    const end = relativeClauseEnd(words, i);
    if (end > i) {
      i = end;
      continue;
    }
    const w = words[i]!;
    if (w.pos !== 'VERB' || attributive(words, i)) continue;
    const lemma = normalLemma(w);
    if (LIGHT_VERBS.has(lemma)) {
      const event = lightVerbObject(words, i);
      if (event !== null) return { predicate: event, at: i };
    }
    if (FRAME_VERBS.has(lemma) || CARRIER_VERBS.has(lemma)) continue;
    const particle = particleAfter(words, i);
    const predicate = particle ? `${lemma} ${particle}` : lemma;
    if (predicateClassOf(predicate) === null) {
      const next = coordinatedVerb(words, i);
      if (next !== null) return next;
    }
    return { predicate, at: i };
  }
  return { predicate: eventNouns(words)[0] ?? null, at: -1 };
}

const OBJECT_START_TAGS = new Set(['NOUN', 'DET', 'ADJ', 'PROPN', 'NUM']);

// What may stand between "and" and a verb it coordinates: "and (to) (then) review".
const COORDINATED_GAP_TAGS = new Set(['AUX', 'PART', 'ADV']);

/**
 * A classed verb coordinated with the unclassed predicate at `i`, in its clause: "would bolster ties
 * and review the leases" → review. Both are the claim's predicates; the one with a class says more.
 */
function coordinatedVerb(words: readonly Word[], i: number): { predicate: string; at: number } | null {
  for (let j = i + 1; j < words.length; j++) {
    const w = words[j]!;
    if (w.pos === 'PUNCT' || w.pos === 'SCONJ' || w.pos === 'PRON' || w.pos === 'VERB') return null;
    if (w.pos !== 'CCONJ') continue;
    let k = j + 1;
    while (k < words.length && COORDINATED_GAP_TAGS.has(words[k]!.pos)) k++;
    const v = words[k];
    // The tagger may read a coordinated verb with its object as a compound noun ("bolster ties and
    // review agreements"): parallel to "verb object", a verb-class word followed by its object is a verb.
    const parallel =
      v?.pos === 'NOUN' &&
      words[j - 1]?.pos === 'NOUN' &&
      predicateClassOf(normalLemma(v)) !== null &&
      OBJECT_START_TAGS.has(words[k + 1]?.pos ?? '');
    if (v === undefined || (v.pos !== 'VERB' && !parallel)) return null;
    const lemma = normalLemma(v);
    const particle = particleAfter(words, k);
    const predicate = particle ? `${lemma} ${particle}` : lemma;
    return predicateClassOf(predicate) === null ? null : { predicate, at: k };
  }
  return null;
}

// What may stand between a subject's head noun and its verb: "ships have reportedly left".
const BEFORE_VERB_TAGS = new Set(['AUX', 'PART', 'ADV']);
// Forms of "be" that make a following participle passive ("is being shipped", "had been moved").
const PASSIVE_AUXILIARIES = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being']);

/** The predicate's subject as the comparisons read it (`ClaimFeatures.subjectClass`, `subjectNamed`, `passive`). */
interface Subject {
  cls: string | null;
  named: boolean;
  passive: boolean;
}

const NO_SUBJECT: Subject = { cls: null, named: false, passive: false };

/**
 * The subject of the verb at `at`: the word right before it, its auxiliaries and any verbs that only
 * carry it ("Russia has begun withdrawing" → Russia). Its class where it is a classed noun ("Russian
 * naval ships have left" → ship), whether it is a proper noun (a named actor), and whether the verb
 * is passive ("equipment is being shipped back"): then the subject is what was acted on. No subject
 * when the verb has none in the quote ("is not leaving its bases").
 */
function subjectOf(words: readonly Word[], at: number): Subject {
  if (at < 0) return NO_SUBJECT;
  let passive = false;
  let j = at - 1;
  for (; j >= 0; j--) {
    const w = words[j]!;
    const carries = w.pos === 'VERB' && CARRIER_VERBS.has(normalLemma(w));
    if (!BEFORE_VERB_TAGS.has(w.pos) && !carries) break;
    // Only an auxiliary right in the predicate's chain makes it passive, and never before an
    // "-ing" form ("was pulling back" is active).
    if (w.pos === 'AUX' && PASSIVE_AUXILIARIES.has(w.text.toLowerCase()) && !/ing$/i.test(words[at]!.text))
      passive = true;
  }
  const w = words[j];
  if (w === undefined) return NO_SUBJECT;
  const cls = w.pos === 'NOUN' ? (nounClassesOf(normalLemma(w))[0] ?? null) : null;
  return { cls, named: w.pos === 'PROPN', passive };
}

/**
 * The verb of a purpose the predicate is done for: "built to berth carriers" → berth, "sent in order
 * to protect" → protect. Null when none follows within a few words.
 */
function purposeOf(words: readonly Word[], at: number): string | null {
  if (at < 0) return null;
  for (let j = at + 1; j < Math.min(words.length - 1, at + 4); j++) {
    const w = words[j]!;
    if (w.lemma === 'to' && w.pos === 'PART' && words[j + 1]!.pos === 'VERB') return normalLemma(words[j + 1]!);
    if (w.pos === 'VERB' || w.pos === 'PUNCT') return null;
  }
  return null;
}

/**
 * Whether a word is a verb named after a movable thing, whose class it does not share: "equipment
 * is being shipped back" is not about ships, "forced out" not about forces, "armed" not about arms.
 * Verbs of events and relations stay in their class: "struck" is a strike, "leased" a lease.
 */
const actionOnThing = (word: Word, cls: string) => word.pos === 'VERB' && MOVABLE_CLASSES.has(cls);

/**
 * Reads what the comparisons need from a claim: content terms, predicate, negation, counts, dates.
 * A circumstance phrase ("amid uncertainty over the bases", "after the fall of the government")
 * sets the scene, it is not what the claim states: its words are not content terms. Claims of one
 * period share their scene without stating one thing ("they would review the leases amid
 * uncertainty over the bases" is not "the bases are under negotiation").
 */
export function featuresOf(claim: ClaimFacts): ClaimFeatures {
  const words = wordsOf(claim.quote);
  const terms = new Set<string>();
  const names = new Set<string>();
  const verbClasses = new Set<string>();
  const eventVerbs = new Set<string>();
  const circumstance = inCircumstance(words);
  for (const [i, word] of words.entries()) {
    const lemma = normalLemma(word);
    if (!isContent(word, lemma) || circumstance[i]) continue;
    terms.add(lemma);
    if (word.pos === 'PROPN') names.add(lemma);
    for (const cls of nounClassesOf(lemma)) if (!actionOnThing(word, cls)) terms.add(`~${cls}`);
    if (word.pos === 'VERB' || word.pos === 'NOUN') {
      const cls = predicateClassOf(NOMINAL_PREDICATES.get(lemma) ?? lemma);
      if (cls !== null) terms.add(`~${cls}`);
    }
  }
  // Every verb's class, with its particle ("flown in" → arrive): what else the claim asserts
  // happened, beside its main predicate.
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.pos !== 'VERB' || describesNoun(words, i)) continue;
    const lemma = normalLemma(words[i]!);
    const particle = particleAfter(words, i);
    const cls = predicateClassOf(particle ? `${lemma} ${particle}` : lemma);
    if (cls !== null) {
      verbClasses.add(cls);
      eventVerbs.add(lemma);
    }
  }
  const eventClasses = new Set(verbClasses);
  for (const event of eventNouns(words)) {
    const cls = predicateClassOf(event);
    if (cls !== null) eventClasses.add(cls);
  }
  const { predicate, at } = predicateOf(words);
  const predicateClass = predicateClassOf(predicate);
  if (predicateClass !== null) eventClasses.add(predicateClass);
  if (predicateClass !== null) terms.add(`~${predicateClass}`);
  const dates = datesOf(words, claim.saidOn);
  const subject = subjectOf(words, at);
  return {
    terms,
    names,
    predicate,
    predicateClass,
    verbClasses,
    eventClasses,
    eventVerbs,
    subjectClass: subject.cls,
    subjectNamed: subject.named,
    passive: subject.passive,
    purpose: purposeOf(words, at),
    negated: words.some((w) => NEGATIONS.has(w.lemma) || w.text.toLowerCase() === "n't"),
    quantities: quantitiesOf(words),
    dates: claim.eventDate && !dates.includes(claim.eventDate) ? [claim.eventDate, ...dates] : dates,
    stance: claim.stance,
    hedged: claim.hedged,
    tentative: words.some((w) => TENTATIVE.has(w.text.toLowerCase())),
    about: new Set(claim.about),
    installations: new Set(claim.installations ?? []),
  };
}

/** What `featuresOf` reads of a claim besides its entities, which only `about` and `installations` take. */
export type WordsOfClaim = Pick<ClaimFacts, 'quote' | 'saidOn' | 'eventDate' | 'stance' | 'hedged'>;

/** Equal strings for claims whose features differ only in their entities (`withEntities`). */
export function wordsKey(f: WordsOfClaim): string {
  return JSON.stringify([f.quote, f.saidOn, f.eventDate ?? null, f.stance, f.hedged]);
}

/**
 * Features read from a claim's words (`wordsKey`, say on another thread, before its entities were
 * resolved), with the entities of `facts`: equal to `featuresOf(facts)` for facts of the same words.
 */
export function withEntities(features: ClaimFeatures, facts: ClaimFacts): ClaimFeatures {
  return { ...features, about: new Set(facts.about), installations: new Set(facts.installations ?? []) };
}

// Features are read once per claim object: a grouper and the contradiction check share them.
const cache = new WeakMap<ClaimFacts, ClaimFeatures>();

/**
 * Features by what they are read from, for the latest claims read: copies of a wire story repeat
 * their quotes, and claims that read alike share one features object, so comparisons with them are
 * remembered once (`compareClaims`). Reading one costs a pass of the language model.
 */
const byContent = new Map<string, ClaimFeatures>();
const BY_CONTENT_LIMIT = 20_000;

function contentKey(f: ClaimFacts): string {
  return JSON.stringify([f.quote, f.saidOn, f.eventDate, f.stance, f.hedged, f.about, f.installations ?? []]);
}

/**
 * The claim with its features, read once per claim object and once per content; `known` are
 * features read from the same content before (stored with `featuresContent`), used rather than
 * reading them again.
 */
export function readClaim(facts: ClaimFacts, known?: ClaimFeatures): ReadClaim {
  let features = cache.get(facts);
  if (!features) {
    const key = contentKey(facts);
    features = byContent.get(key);
    if (features) {
      byContent.delete(key);
    } else {
      features = known ?? featuresOf(facts);
      if (byContent.size >= BY_CONTENT_LIMIT) byContent.delete(byContent.keys().next().value!);
    }
    byContent.set(key, features);
    cache.set(facts, features);
  }
  return { facts, features };
}

/** Forgets the features read by content (`readClaim`): what follows reads as a new process would. For benchmarks. */
export function forgetFeaturesByContent(): void {
  byContent.clear();
}

/**
 * Raised whenever `featuresOf` reads a claim differently (a rule, the lexicon or the language
 * model changed): features stored under an older version no longer match any claim's
 * `featuresContent` and are read again. features.version-pins-what-features-read.test.ts fails
 * until it is raised.
 */
export const FEATURES_VERSION = 1;

/** What a claim's features are read from, and by which version of the rules: equal strings, equal features. */
export function featuresContent(facts: ClaimFacts): string {
  return `${FEATURES_VERSION} ${contentKey(facts)}`;
}

/** ClaimFeatures' fields in their stored order, and whether each is a set. */
const STORED_FIELDS: ReadonlyArray<readonly [keyof ClaimFeatures, boolean]> = [
  ['terms', true],
  ['names', true],
  ['predicate', false],
  ['predicateClass', false],
  ['verbClasses', true],
  ['eventClasses', true],
  ['eventVerbs', true],
  ['subjectClass', false],
  ['subjectNamed', false],
  ['passive', false],
  ['purpose', false],
  ['negated', false],
  ['quantities', false],
  ['dates', false],
  ['stance', false],
  ['hedged', false],
  ['tentative', false],
  ['about', true],
  ['installations', true],
];

/**
 * Features as text, to store: their values in STORED_FIELDS' order (a million claims' names of
 * fields would weigh more than their values), sets as arrays in their order (sums over terms are
 * taken in it).
 */
export function featuresToJson(features: ClaimFeatures): string {
  return JSON.stringify(
    STORED_FIELDS.map(([field, isSet]) => (isSet ? [...(features[field] as ReadonlySet<string>)] : features[field])),
  );
}

/**
 * Features stored by `featuresToJson`, as they were; undefined for text of another shape (stored
 * by a version that forgot to raise FEATURES_VERSION): read them again rather than trust it.
 */
export function featuresFromJson(text: string): ClaimFeatures | undefined {
  const values = JSON.parse(text) as unknown;
  if (!Array.isArray(values) || values.length !== STORED_FIELDS.length) return undefined;
  return Object.fromEntries(
    STORED_FIELDS.map(([field, isSet], i) => [field, isSet ? new Set(values[i] as string[]) : values[i]]),
  ) as unknown as ClaimFeatures;
}
