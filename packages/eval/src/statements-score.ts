import type { ExtractedClaim } from '@sitrep/extract';
import type { GoldArticle } from './gold';
import { matchClaims } from './score';
import type { StatementsGold } from './statements-gold';

export interface PairCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface ContradictionCounts {
  /** Gold contradictions, and those with a matched claim on each side (the rest cannot be found). */
  gold: number;
  reachable: number;
  found: number;
  /** Contradictions flagged between statements that hold matched claims, and those that are gold ones. */
  flagged: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export interface StatementScore {
  /** Gold claims an extracted claim matched. */
  matchedClaims: number;
  pairs: PairCounts;
  contradictions: ContradictionCounts;
}

/** A claim as scoring reads it: its span in the article (an extracted claim, or a stored one). */
export type Spanned = Pick<ExtractedClaim, 'start' | 'end'>;

/** An article's claims (extracted, or as ingest stored them) with its gold. */
export interface ScoredClaims<C extends Spanned = ExtractedClaim> {
  file: string;
  extraction: { claims: readonly C[] };
  gold: GoldArticle;
}

/** What scoring reads of a grouping: the statement of each claim and the flagged statement pairs. */
export interface Grouping<C extends Spanned = ExtractedClaim> {
  statementOf: ReadonlyMap<C, string>;
  contradictions: ReadonlyArray<{ statements: readonly [string, string] }>;
}

/** A gold claim a claim matched: its article, gold group (if any), and the statement its matched claim is in. */
export interface MatchedGoldClaim<C extends Spanned = ExtractedClaim> {
  article: string;
  /** Index of the gold claim in its article's gold file. */
  i: number;
  extracted: C;
  group: { id: string; single: boolean } | undefined;
  statement: string | undefined;
}

/** Every matched gold claim, article by article. */
export function matchedGoldClaims<C extends Spanned>(
  articles: ReadonlyArray<ScoredClaims<C>>,
  grouping: Pick<Grouping<C>, 'statementOf'>,
  gold: StatementsGold,
): Array<MatchedGoldClaim<C>> {
  const groupOf = new Map<string, { id: string; single: boolean }>();
  for (const group of gold.groups)
    for (const ref of group.claims) groupOf.set(`${ref.file}#${ref.i}`, { id: group.id, single: group.single });
  return articles.flatMap(({ file, extraction, gold: article }) => {
    const base = file.replace(/\.txt$/, '');
    return matchClaims(extraction.claims, article.claims).map(([e, g]) => {
      const i = article.claims.indexOf(g);
      return {
        article: base,
        i,
        extracted: e,
        group: groupOf.get(`${base}#${i}`),
        statement: grouping.statementOf.get(e),
      };
    });
  });
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/**
 * Scores a grouping against statements.json as the corpus README defines: same-statement pairwise
 * precision and recall over pairs of matched gold claims from different articles, and contradictions
 * found through the statements of the claims matched to each side.
 */
export function scoreStatements<C extends Spanned>(
  articles: ReadonlyArray<ScoredClaims<C>>,
  grouping: Grouping<C>,
  gold: StatementsGold,
): StatementScore {
  const matched = matchedGoldClaims(articles, grouping, gold);

  let [tp, fp, fn] = [0, 0, 0];
  for (let i = 0; i < matched.length; i++) {
    for (let j = i + 1; j < matched.length; j++) {
      const [x, y] = [matched[i]!, matched[j]!];
      if (x.article === y.article) continue;
      const inGold = x.group !== undefined && !x.group.single && x.group.id === y.group?.id;
      const predicted = x.statement !== undefined && x.statement === y.statement;
      if (inGold && predicted) tp++;
      else if (predicted) fp++;
      else if (inGold) fn++;
    }
  }

  // Statement → gold groups of the matched claims in it.
  const groupsIn = new Map<string, Set<string>>();
  for (const m of matched) {
    if (m.statement === undefined) continue;
    const set = groupsIn.get(m.statement) ?? new Set<string>();
    if (m.group) set.add(m.group.id);
    groupsIn.set(m.statement, set);
  }
  const goldPair = (x: string, y: string) =>
    gold.contradictions.some((c) => (c.a === x && c.b === y) || (c.a === y && c.b === x));
  const between = (s: string, t: string) =>
    [...(groupsIn.get(s) ?? [])].some((x) => [...(groupsIn.get(t) ?? [])].some((y) => goldPair(x, y)));
  const flagged = grouping.contradictions.filter(({ statements: [s, t] }) => groupsIn.has(s) && groupsIn.has(t));
  const correct = flagged.filter(({ statements: [s, t] }) => between(s, t)).length;

  const groupsMatched = new Set(matched.flatMap((m) => (m.group ? [m.group.id] : [])));
  const reachable = gold.contradictions.filter((c) => groupsMatched.has(c.a) && groupsMatched.has(c.b));
  const statementsOfGroup = (id: string) => [...groupsIn].filter(([, groups]) => groups.has(id)).map(([s]) => s);
  const found = reachable.filter((c) =>
    statementsOfGroup(c.a).some((s) =>
      statementsOfGroup(c.b).some((t) =>
        grouping.contradictions.some(({ statements: [x, y] }) => (x === s && y === t) || (x === t && y === s)),
      ),
    ),
  ).length;

  return {
    matchedClaims: matched.length,
    pairs: {
      truePositive: tp,
      falsePositive: fp,
      falseNegative: fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      f1: ratio(2 * tp, 2 * tp + fp + fn),
    },
    contradictions: {
      gold: gold.contradictions.length,
      reachable: reachable.length,
      found,
      flagged: flagged.length,
      correct,
      precision: ratio(correct, flagged.length),
      recall: ratio(found, reachable.length),
    },
  };
}
