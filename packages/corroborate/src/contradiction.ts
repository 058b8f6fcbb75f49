import { dateRelation, daysBetween } from './dates';
import { readClaim } from './features';
import { CLASS_PHRASES, MOVABLE_CLASSES, opposed } from './lexicon';
import { polarityOf } from './polarity';
import { askWeights, conflictingCount, elsewhere, overlap } from './similarity';
import { type TermWeights, UNIFORM_WEIGHTS, rememberedPerPair, settledPerPair } from './term-statistics';
import type { ClaimFacts, ClaimFeatures, Quantity, ReadClaim } from './types';
import { CANDIDATE_WINDOW_DAYS } from './window';

export type ContradictionKind = 'stance' | 'opposite' | 'figures' | 'dates';

export interface Contradiction {
  kind: ContradictionKind;
  /** A short sentence for a person: what the two claims disagree on. */
  why: string;
}

export interface ContradictionOptions {
  weights?: TermWeights;
  /** Claims said further apart than this describe different periods (default CANDIDATE_WINDOW_DAYS). */
  windowDays?: number;
  /**
   * Entities the first claim's source spoke of elsewhere in its article: where extraction left a
   * claim's own entities short ("we did not accept them"), the speaker's other claims there say what
   * it is about. They count for sharing an entity, as the claim's own do.
   */
  context?: ReadonlySet<string>;
}

// How much content (words other than the predicates) two claims must share to disagree rather than
// talk past each other; and the closer match a date disagreement needs, since the same kind of event
// on two days is more often two events than one misdated.
const RELATED = 0.25;
const SAME_EVENT = 0.6;

/**
 * Whether the two claims' subjects differ and one is a movable part: "ships have left the base" does
 * not contradict "Russia is not leaving its bases" (nor "troops remain"): a holder moves some of its
 * assets without leaving.
 */
export function differentMovers(a: ClaimFeatures, b: ClaimFeatures): boolean {
  return (
    a.subjectClass !== b.subjectClass &&
    ((a.subjectClass !== null && MOVABLE_CLASSES.has(a.subjectClass)) ||
      (b.subjectClass !== null && MOVABLE_CLASSES.has(b.subjectClass)))
  );
}

/**
 * Whether a denial may be aimed at a purpose the affirmation does not state: denying "the pier was
 * built to berth carriers" says nothing against "a pier was built".
 */
export function deniesOnlyPurpose(denied: ClaimFeatures, affirmed: ClaimFeatures): boolean {
  return denied.purpose !== null && !affirmed.terms.has(denied.purpose);
}

/**
 * What a claim asserts holds: its predicate's class read through a denial, and, where nothing in it
 * is negated or denied, every event it names ("relations bind us, and we respect the agreements").
 */
export function affirmedClasses(f: ClaimFeatures): string[] {
  const p = polarityOf(f);
  if (!p.holds) return [];
  const plain = f.stance !== 'denies' && !f.negated;
  return [...new Set([...(p.cls === null ? [] : [p.cls]), ...(plain ? f.eventClasses : [])])];
}

/** A class each claim asserts, opposed to each other ("remains" / "has left"), or null. */
export function oppositeClasses(a: ClaimFeatures, b: ClaimFeatures): [string, string] | null {
  for (const x of affirmedClasses(a)) for (const y of affirmedClasses(b)) if (opposed(x, y)) return [x, y];
  return null;
}

const who = (c: ClaimFacts) => (c.source ? c.source.text : 'the article');
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/**
 * Words a source's words may open a sentence with that are not names ("Three Syrian officials
 * said…"): written in lower case in the middle of a sentence, where names keep their capital.
 */
const COMMON_OPENERS = new Set(
  'a an the one two three four five six seven eight nine ten eleven twelve some several many few both all most other another dozens hundreds thousands'.split(
    ' ',
  ),
);
function midSentence(text: string): string {
  const first = /^\p{L}+/u.exec(text)?.[0];
  if (!first || !/^\p{Lu}\p{Ll}*$/u.test(first) || !COMMON_OPENERS.has(first.toLowerCase())) return text;
  return first.toLowerCase() + text.slice(first.length);
}
/** "Moscow … the ministry …", or "One report … another …" when both sides have one name. */
function sides(a: ClaimFacts, b: ClaimFacts): [string, string] {
  const [x, y] = [who(a), who(b)];
  return x.toLowerCase() === y.toLowerCase() ? ['One report', 'another'] : [capitalised(x), midSentence(y)];
}
const sameSource = (a: ClaimFacts, b: ClaimFacts) =>
  a.source === null || b.source === null
    ? a.source === b.source
    : a.source.text.toLowerCase() === b.source.text.toLowerCase() ||
      (a.source.actor !== null && a.source.actor === b.source.actor);

/**
 * Whether two claims about the same entities and period cannot both be true, and why: one affirms
 * what the other denies, they state opposed things ("has left" / "remains", "cancelled" / "remains
 * valid"), or they give different counts or dates for one event. Null when they agree, are
 * unrelated, or cannot be compared (no shared entity, a no-comment, periods apart). Two claims of
 * one source in one article are read as consistent: a source qualifying itself ("pulling back but
 * not leaving") is not contradicting itself. Nor do a movable part and its holder ("ships left" /
 * "Russia is not leaving"), or a denial of a purpose the other claim does not state ("not built to
 * berth carriers" / "a pier was built").
 */
export function contradiction(a: ClaimFacts, b: ClaimFacts, options: ContradictionOptions = {}): Contradiction | null {
  return contradictionBetween(readClaim(a), readClaim(b), options);
}

export function contradictionBetween(
  a: ReadClaim,
  b: ReadClaim,
  { weights = UNIFORM_WEIGHTS, windowDays = CANDIDATE_WINDOW_DAYS, context }: ContradictionOptions = {},
): Contradiction | null {
  const [fa, fb] = [a.features, b.features];
  if (![...fa.about, ...(context ?? [])].some((e) => fb.about.has(e))) return null;
  // A claim that only supposes ("may remain", "allegedly repelled") does not firmly assert, so it
  // contradicts nothing. Its own words decide: a frame's hedge ("as media suggested") is about the source.
  if (fa.tentative || fb.tentative) return null;
  if (fa.stance === 'no_comment' || fb.stance === 'no_comment' || elsewhere(fa, fb)) return null;
  if (a.facts.articleId === b.facts.articleId && sameSource(a.facts, b.facts)) return null;
  if (a.facts.saidOn && b.facts.saidOn && Math.abs(daysBetween(a.facts.saidOn, b.facts.saidOn)) > windowDays)
    return null;

  const found = findingOf(fa, fb, weights);
  if (found === null) return null;
  switch (found.kind) {
    case 'opposite': {
      const [x, y] = sides(a.facts, b.facts);
      return {
        kind: 'opposite',
        why: `${x} says it ${CLASS_PHRASES[found.classes[0]] ?? found.classes[0]}, ${y} that it ${CLASS_PHRASES[found.classes[1]] ?? found.classes[1]}.`,
      };
    }
    case 'stance': {
      const [yes, no] = found.firstHolds ? [a, b] : [b, a];
      const [x, y] = sides(yes.facts, no.facts);
      return { kind: 'stance', why: `${x} affirms what ${y} denies${found.what ? ` (${found.what})` : ''}.` };
    }
    case 'figures': {
      const [p, q] = found.counts;
      return {
        kind: 'figures',
        why: `They give different figures${p.unit ? ` for ${p.unit}` : ''}: ${p.value} and ${q.value}.`,
      };
    }
    case 'dates':
      return { kind: 'dates', why: `They date the same event differently: ${found.days[0]} and ${found.days[1]}.` };
  }
}

/** What two claims' features disagree on, before it is put in words with their sources. */
type Finding =
  | { kind: 'opposite'; classes: [string, string] }
  | { kind: 'stance'; firstHolds: boolean; what: string | null }
  | { kind: 'figures'; counts: [Quantity, Quantity] }
  | { kind: 'dates'; days: [string, string] };

/** Findings remembered per pair of features under frozen weights (see rememberedPerPair). */
const findingOf = rememberedPerPair(finding);

/**
 * What two claims' features may disagree on, before their content is weighed: the finding, if
 * their content words (the predicates aside) are related (`RELATED`; for dates, the same event:
 * `SAME_EVENT`), and the terms left out of that overlap. Nothing in it depends on term weights,
 * so it is read once per pair of features (`settledPerPair`); most pairs can disagree on nothing,
 * and their terms are then never weighed.
 */
interface SettledFinding {
  possible: Finding | null;
  /** The possible finding needs the overlap to reach SAME_EVENT, not only RELATED. */
  sameEvent: boolean;
  predicateTerms: ReadonlySet<string>;
}

const settledFinding = settledPerPair((fa, fb): SettledFinding => {
  // The predicates and the classes of every event either names ("did not accept them and they were
  // suspended"): what remains is what they are about.
  const predicateTerms = new Set(
    [fa, fb].flatMap((f) => [
      ...[f.predicate, f.predicateClass && `~${f.predicateClass}`].filter((t) => t !== null),
      ...[...f.eventClasses].map((c) => `~${c}`),
      ...f.eventVerbs,
    ]),
  );
  const dates = dateRelation(fa.dates, fb.dates);
  const [pa, pb] = [polarityOf(fa), polarityOf(fb)];
  // Both claims name the same kind of happening: the same predicate or class, or one claim's
  // predicate class among the other's verbs ("did not deploy jets" / "jets flown in … landing").
  const samePredicate =
    fa.predicate !== null &&
    fb.predicate !== null &&
    (fa.predicate === fb.predicate ||
      (fa.predicateClass !== null && fa.predicateClass === fb.predicateClass) ||
      (fa.predicateClass !== null && fb.verbClasses.has(fa.predicateClass)) ||
      (fb.predicateClass !== null && fa.verbClasses.has(fb.predicateClass)));

  if (dates !== 'different') {
    const opposite = oppositeClasses(fa, fb);
    const settled = (possible: Finding | null): SettledFinding => ({ possible, sameEvent: false, predicateTerms });
    if (opposite !== null && !differentMovers(fa, fb)) return settled({ kind: 'opposite', classes: opposite });
    const [yes, no] = pa.holds ? [fa, fb] : [fb, fa];
    if (pa.holds !== pb.holds && samePredicate && !opposed(pa.cls, pb.cls) && !deniesOnlyPurpose(no, yes))
      return settled({ kind: 'stance', firstHolds: pa.holds, what: fa.predicate ?? fb.predicate });
    const counts = samePredicate && pa.holds === pb.holds ? conflictingCount(fa.quantities, fb.quantities) : null;
    return settled(counts ? { kind: 'figures', counts } : null);
  }
  const days = (f: ClaimFeatures) => f.dates.filter((d) => d.length === 10);
  const possible =
    pa.holds && pb.holds && fa.predicate !== null && samePredicate && days(fa).length > 0 && days(fb).length > 0;
  return {
    possible: possible ? { kind: 'dates', days: [days(fa)[0]!, days(fb)[0]!] } : null,
    sameEvent: true,
    predicateTerms,
  };
});

function finding(fa: ClaimFeatures, fb: ClaimFeatures, weights: TermWeights): Finding | null {
  const { possible, sameEvent, predicateTerms } = settledFinding(fa, fb);
  if (possible === null) {
    askWeights(fa, fb, weights, predicateTerms);
    return null;
  }
  const related = overlap(fa, fb, weights, predicateTerms);
  if (related < RELATED || (sameEvent && related < SAME_EVENT)) return null;
  return possible;
}
