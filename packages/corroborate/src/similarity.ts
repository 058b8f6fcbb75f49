import { dateRelation } from './dates';
import { opposed } from './lexicon';
import { differentThingsMoved } from './movers';
import { polarityOf } from './polarity';
import { type TermWeights, UNIFORM_WEIGHTS, rememberedPerPair, settledPerPair } from './term-statistics';
import type { ClaimFeatures, Quantity } from './types';

/** How far apart two claims are, part by part; `score` is 0 when `apart` names a reason they cannot be one statement. */
export interface Comparison {
  score: number;
  /** Weighted overlap of content terms, 0–1. */
  terms: number;
  /** Overlap of the entities they are about, 0–1. */
  entities: number;
  /** 1 same predicate, 0.9 same class, 0.3 unknown or unrelated, 0.1 a description and an event, 0 different classes. */
  predicate: number;
  /** Why they cannot state the same thing, or null. */
  apart: string | null;
}

// Proper nouns are mostly entity names, which `entities` already compares: counted at half weight,
// so two claims about Tartous do not look alike for naming it.
const NAME_WEIGHT = 0.5;
const WEIGHTS = { terms: 0.55, entities: 0.2, predicate: 0.25 };
// The same count or date of the same thing is strong evidence of one report.
const BONUS = { quantity: 0.1, date: 0.1 };

/** A term's weight in a comparison of `a` and `b`: at NAME_WEIGHT where either has it from a proper noun. */
function termWeight(term: string, a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights): number {
  return weights.weight(term) * (a.names.has(term) || b.names.has(term) ? NAME_WEIGHT : 1);
}

const NOTHING_LEFT_OUT: ReadonlySet<string> = new Set();

/** Whether `b` has a term of `a`'s, `leaveOut` aside: without one the overlap is 0, whatever the weights. */
function shareATerm(a: ClaimFeatures, b: ClaimFeatures, leaveOut: ReadonlySet<string>): boolean {
  for (const t of b.terms) if (a.terms.has(t) && !leaveOut.has(t)) return true;
  return false;
}

/**
 * Asks `weights` for every term `overlap(a, b, weights, leaveOut)` would weigh, without weighing
 * them. Ingest's weights fix a term's weight when it is first asked for, with the term's count as
 * of that claim (`weightsFor`): an overlap skipped because its answer cannot matter must still ask
 * what it would have, or the weights later comparisons read would differ.
 */
export function askWeights(
  a: ClaimFeatures,
  b: ClaimFeatures,
  weights: TermWeights,
  leaveOut: ReadonlySet<string> = NOTHING_LEFT_OUT,
): void {
  if (!weights.frozen) return;
  const asked = askedUnder(weights);
  if ((asked.has(a) && asked.has(b)) || !shareATerm(a, b, leaveOut)) return;
  askTerms(a, weights, leaveOut, asked);
  askTerms(b, weights, leaveOut, asked);
}

/** Per frozen weights, the features all of whose terms it has been asked for: asking again changes nothing. */
const allAsked = new WeakMap<TermWeights, WeakSet<ClaimFeatures>>();
let lastAsked: { weights: TermWeights; features: WeakSet<ClaimFeatures> } | undefined;

function askedUnder(weights: TermWeights): WeakSet<ClaimFeatures> {
  if (lastAsked?.weights === weights) return lastAsked.features;
  let features = allAsked.get(weights);
  if (!features) allAsked.set(weights, (features = new WeakSet()));
  lastAsked = { weights, features };
  return features;
}

function askTerms(
  f: ClaimFeatures,
  weights: TermWeights,
  leaveOut: ReadonlySet<string>,
  asked: WeakSet<ClaimFeatures>,
): void {
  if (asked.has(f)) return;
  let all = true;
  for (const t of f.terms) {
    if (leaveOut.has(t)) all = false;
    else weights.weight(t);
  }
  if (all) asked.add(f);
}

/**
 * Weighted overlap of two sets of terms: the mean of containment (shared weight over the smaller
 * claim's, so a more specific version of a claim still contains it) and Dice (shared over both, so
 * a short claim is not contained in everything). Most pairs a claim meets share no term: those are
 * answered before any weight is looked up (sums are taken in the same order either way).
 */
export function overlap(
  a: ClaimFeatures,
  b: ClaimFeatures,
  weights: TermWeights = UNIFORM_WEIGHTS,
  leaveOut: ReadonlySet<string> = NOTHING_LEFT_OUT,
): number {
  if (!shareATerm(a, b, leaveOut)) return 0;
  let shared = 0;
  let wa = 0;
  let wb = 0;
  for (const t of a.terms) if (!leaveOut.has(t)) wa += termWeight(t, a, b, weights);
  for (const t of b.terms) {
    if (leaveOut.has(t)) continue;
    const w = termWeight(t, a, b, weights);
    wb += w;
    if (a.terms.has(t)) shared += w;
  }
  if (shared === 0 || wa === 0 || wb === 0) return 0;
  return (shared / Math.min(wa, wb) + (2 * shared) / (wa + wb)) / 2;
}

/** Overlap of entity sets: mean of containment and Jaccard, for the same reason as terms. */
export function entityOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((e) => b.has(e)).length;
  if (shared === 0) return 0;
  return (shared / Math.min(a.size, b.size) + shared / (a.size + b.size - shared)) / 2;
}

/** Agreement of predicates that are unknown or unrelated: neither for nor against one statement. */
export const UNRELATED_PREDICATES = 0.3;

/**
 * Agreement where one claim's main predicate has no class: the other's predicate class among the
 * events it names, or an event class both name.
 */
export const EVENT_AGREEMENT = { predicate: 0.7, shared: 0.6 };

/**
 * Agreement of a standing description (a claim that names no event: "Russia operates two bases")
 * with a report of an event ("the fate of the bases will be discussed"): one says how things stand,
 * the other what happens, so their verbs speak against one statement, if less surely than two
 * different kinds of event do (an event verb missing from the lexicon also reads as a description).
 */
export const DESCRIPTION_AND_EVENT = 0.1;

/** Whether a claim names no event at all, by verb or by noun: it describes how things stand. */
const describes = (f: ClaimFeatures) => f.eventClasses.size === 0;

/**
 * Agreement of predicates, read through their polarity ("has no plans to leave" agrees with "will
 * keep"). A claim without a predicate (a description: "X is Russia's only hub") agrees no more than
 * an unrelated verb does, unless the events it names agree: only its words can make it the same
 * statement; and less than that with a report of an event (`DESCRIPTION_AND_EVENT`).
 */
export function predicateAgreement(a: ClaimFeatures, b: ClaimFeatures): number {
  const [pa, pb] = [polarityOf(a), polarityOf(b)];
  if (a.predicate !== null && a.predicate === b.predicate) return 1;
  if (pa.cls !== null && pa.cls === pb.cls) return 0.9;
  // One claim's main predicate unknown or unclassed: the events both name still tell ("spoke at the
  // start of talks, his first visit" names the visit that "made a visit" predicates).
  if (pa.cls === null || pb.cls === null) {
    if ((pa.cls !== null && b.eventClasses.has(pa.cls)) || (pb.cls !== null && a.eventClasses.has(pb.cls)))
      return EVENT_AGREEMENT.predicate;
    if ([...a.eventClasses].some((c) => b.eventClasses.has(c))) return EVENT_AGREEMENT.shared;
  }
  if ((describes(a) && pb.cls !== null) || (describes(b) && pa.cls !== null)) return DESCRIPTION_AND_EVENT;
  if (a.predicate === null || b.predicate === null) return UNRELATED_PREDICATES;
  // Different classes, but one claim's predicate is an event the other names ("are discussing a
  // review of the leases" / "will review the leases").
  if (pa.cls !== null && pb.cls !== null && (b.eventClasses.has(pa.cls) || a.eventClasses.has(pb.cls)))
    return EVENT_AGREEMENT.predicate;
  if (pa.cls !== null && pb.cls !== null) return 0;
  return UNRELATED_PREDICATES;
}

/** Pairs of counts of the same thing: [a's, b's]. */
export function countsOfSameThing(a: readonly Quantity[], b: readonly Quantity[]): Array<[Quantity, Quantity]> {
  return a.flatMap((x) =>
    b.filter((y) => x.unit !== null && x.unit === y.unit).map((y): [Quantity, Quantity] => [x, y]),
  );
}

/** Counts of one thing that disagree, e.g. "two ships" and "five ships", where neither also gives the other's figure. */
export function conflictingCount(a: readonly Quantity[], b: readonly Quantity[]): [Quantity, Quantity] | null {
  for (const [x, y] of countsOfSameThing(a, b)) {
    const agreed = countsOfSameThing(a, b).some(([p, q]) => p.unit === x.unit && p.value === q.value);
    if (x.value !== y.value && !agreed) return [x, y];
  }
  return null;
}

/** Whether each claim is at an installation and they share none: the same words about another place. */
export function elsewhere(a: ClaimFeatures, b: ClaimFeatures): boolean {
  return (
    a.installations.size > 0 && b.installations.size > 0 && ![...a.installations].some((i) => b.installations.has(i))
  );
}

/** Why two claims cannot state one proposition, or null. */
export function reasonApart(a: ClaimFeatures, b: ClaimFeatures): string | null {
  if ((a.stance === 'no_comment') !== (b.stance === 'no_comment')) return 'stances differ';
  const [pa, pb] = [polarityOf(a), polarityOf(b)];
  if (pa.holds !== pb.holds) return 'stances differ';
  if (opposed(pa.cls, pb.cls)) return 'opposite predicates';
  if (elsewhere(a, b)) return 'different installations';
  if (differentThingsMoved(a, b)) return 'different things moved';
  if (conflictingCount(a.quantities, b.quantities)) return 'different counts';
  if (dateRelation(a.dates, b.dates) === 'different') return 'different dates';
  return null;
}

/** How likely two claims state the same proposition, 0–1, part by part (remembered under frozen weights). */
export function compareClaims(a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights = UNIFORM_WEIGHTS): Comparison {
  return rememberedComparison(a, b, weights);
}

const rememberedComparison = rememberedPerPair(comparison);

/** The parts of a comparison no term weight changes: read once per pair of features (`settledPerPair`). */
interface SettledParts {
  entities: number;
  predicate: number;
  apart: string | null;
  sameCount: boolean;
  sameDate: boolean;
}

const settledParts = settledPerPair((a, b): SettledParts => {
  const predicate = predicateAgreement(a, b);
  return {
    entities: entityOverlap(a.about, b.about),
    predicate,
    apart: reasonApart(a, b),
    // A shared count is evidence of one report when both report one kind of event ("two frigates
    // left"); beside different verbs it only describes the same things ("operates two bases" / "the
    // fate of its two bases").
    sameCount:
      predicate > UNRELATED_PREDICATES &&
      countsOfSameThing(a.quantities, b.quantities).some(([x, y]) => x.value === y.value),
    sameDate: dateRelation(a.dates, b.dates) === 'same',
  };
});

/** The score of a pair that can be one statement, from its term overlap and its settled parts. */
function scoreOf(terms: number, { entities, predicate, sameCount, sameDate }: SettledParts): number {
  const score =
    WEIGHTS.terms * terms +
    WEIGHTS.entities * entities +
    WEIGHTS.predicate * predicate +
    (sameCount ? BONUS.quantity : 0) +
    (sameDate ? BONUS.date : 0);
  return Math.min(1, score);
}

function comparison(a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights): Comparison {
  const terms = overlap(a, b, weights);
  const parts = settledParts(a, b);
  const { entities, predicate, apart } = parts;
  if (apart !== null) return { score: 0, terms, entities, predicate, apart };
  return { score: scoreOf(terms, parts), terms, entities, predicate, apart: null };
}

/**
 * `compareClaims(a, b).score`, without reading the terms' weights where the pair cannot be one
 * statement (its score is 0 whatever they share): placement asks only for the score.
 */
const rememberedScore = rememberedPerPair((a, b, weights): number => {
  const parts = settledParts(a, b);
  if (parts.apart === null) return scoreOf(overlap(a, b, weights), parts);
  askWeights(a, b, weights);
  return 0;
});

/** `compareClaims(a, b).score`: 0–1, and 0 when they cannot be one statement. */
export function sameStatementScore(a: ClaimFeatures, b: ClaimFeatures, weights: TermWeights = UNIFORM_WEIGHTS): number {
  return rememberedScore(a, b, weights);
}

/** `sameStatementScore(a, b, weights)` for one claim against many (`PairMemory.from`). */
export function sameStatementScores(a: ClaimFeatures, weights: TermWeights): (b: ClaimFeatures) => number {
  return rememberedScore.from(a, weights);
}
