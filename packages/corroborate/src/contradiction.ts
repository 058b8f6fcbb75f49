import { dateRelation, daysBetween } from './dates';
import { readClaim } from './features';
import { CLASS_PHRASES, opposed } from './lexicon';
import { polarityOf } from './polarity';
import { conflictingCount, elsewhere, overlap } from './similarity';
import { type TermWeights, UNIFORM_WEIGHTS } from './term-statistics';
import type { ClaimFacts, ClaimFeatures, ReadClaim } from './types';
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
}

// How much content (words other than the predicates) two claims must share to disagree rather than
// talk past each other; and the closer match a date disagreement needs, since the same kind of event
// on two days is more often two events than one misdated.
const RELATED = 0.25;
const SAME_EVENT = 0.6;

const who = (c: ClaimFacts) => (c.source ? c.source.text : 'the article');
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "Moscow … the ministry …", or "One report … another …" when both sides have one name. */
function sides(a: ClaimFacts, b: ClaimFacts): [string, string] {
  const [x, y] = [who(a), who(b)];
  return x.toLowerCase() === y.toLowerCase() ? ['One report', 'another'] : [capitalised(x), y];
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
 * not leaving") is not contradicting itself.
 */
export function contradiction(a: ClaimFacts, b: ClaimFacts, options: ContradictionOptions = {}): Contradiction | null {
  return contradictionBetween(readClaim(a), readClaim(b), options);
}

export function contradictionBetween(
  a: ReadClaim,
  b: ReadClaim,
  { weights = UNIFORM_WEIGHTS, windowDays = CANDIDATE_WINDOW_DAYS }: ContradictionOptions = {},
): Contradiction | null {
  const [fa, fb] = [a.features, b.features];
  if (![...fa.about].some((e) => fb.about.has(e))) return null;
  // A claim that only supposes ("may remain", "allegedly repelled") does not firmly assert, so it
  // contradicts nothing. Its own words decide: a frame's hedge ("as media suggested") is about the source.
  if (fa.tentative || fb.tentative) return null;
  if (fa.stance === 'no_comment' || fb.stance === 'no_comment' || elsewhere(fa, fb)) return null;
  if (a.facts.articleId === b.facts.articleId && sameSource(a.facts, b.facts)) return null;
  if (a.facts.saidOn && b.facts.saidOn && Math.abs(daysBetween(a.facts.saidOn, b.facts.saidOn)) > windowDays)
    return null;

  const predicateTerms = new Set(
    [fa, fb].flatMap((f) => [f.predicate, f.predicateClass && `~${f.predicateClass}`].filter((t) => t !== null)),
  );
  const related = overlap(fa, fb, weights, predicateTerms);
  if (related < RELATED) return null;

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
    if (pa.holds && pb.holds && opposed(pa.cls, pb.cls)) {
      const [x, y] = sides(a.facts, b.facts);
      return {
        kind: 'opposite',
        why: `${x} says it ${CLASS_PHRASES[pa.cls!] ?? pa.cls}, ${y} that it ${CLASS_PHRASES[pb.cls!] ?? pb.cls}.`,
      };
    }
    if (pa.holds !== pb.holds && samePredicate && !opposed(pa.cls, pb.cls)) {
      const [yes, no] = pa.holds ? [a, b] : [b, a];
      const what = fa.predicate ?? fb.predicate;
      const [x, y] = sides(yes.facts, no.facts);
      return {
        kind: 'stance',
        why: `${x} affirms what ${y} denies${what ? ` (${what})` : ''}.`,
      };
    }
    const counts = samePredicate && pa.holds === pb.holds ? conflictingCount(fa.quantities, fb.quantities) : null;
    if (counts)
      return {
        kind: 'figures',
        why: `They give different figures${counts[0].unit ? ` for ${counts[0].unit}` : ''}: ${counts[0].value} and ${counts[1].value}.`,
      };
    return null;
  }
  const days = (f: ClaimFeatures) => f.dates.filter((d) => d.length === 10);
  if (
    pa.holds &&
    pb.holds &&
    fa.predicate !== null &&
    samePredicate &&
    days(fa).length > 0 &&
    days(fb).length > 0 &&
    related >= SAME_EVENT
  )
    return {
      kind: 'dates',
      why: `They date the same event differently: ${days(fa)[0]} and ${days(fb)[0]}.`,
    };
  return null;
}
