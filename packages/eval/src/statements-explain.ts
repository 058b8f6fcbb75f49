import { type ClaimFacts, type TermWeights, compareClaims, contradictionBetween, readClaim } from '@sitrep/corroborate';
import type { StatementsGold } from './statements-gold';
import {
  type Grouping,
  type MatchedGoldClaim,
  type ScoredClaims,
  type Spanned,
  matchedGoldClaims,
} from './statements-score';

/** A grouping with what explaining it reads: what the grouping was given for each claim, and its term weights. */
export interface ExplainableGrouping<C extends Spanned> extends Grouping<C> {
  contradictions: ReadonlyArray<{
    statements: readonly [string, string];
    why: string;
    kind?: string;
    claims?: readonly [string, string];
  }>;
  factsOf: ReadonlyMap<C, ClaimFacts>;
  weights: TermWeights;
  /** How an entity key reads, for people (default: the key). */
  nameOf?: (key: string) => string;
}

/**
 * What the statements score counts against the grouping, pair by pair: the gold pairs it missed,
 * the pairs it joined wrongly, the gold contradictions it missed and those it flagged wrongly, each
 * with both quotes (read from the corpus at run time), their entity keys, and why the comparison
 * scored what it did. For studying misses; nothing of it is stored.
 */
export function explainStatements<C extends Spanned>(
  articles: ReadonlyArray<ScoredClaims<C>>,
  grouping: ExplainableGrouping<C>,
  gold: StatementsGold,
): string {
  const matched = matchedGoldClaims(articles, grouping, gold);
  const nameOf = grouping.nameOf ?? ((key: string) => key);
  const factsOf = (m: MatchedGoldClaim<C>) => grouping.factsOf.get(m.extracted)!;
  const show = (m: MatchedGoldClaim<C>) => {
    const f = factsOf(m);
    const source = f.source ? `${f.source.text}${f.source.actor ? ` [${nameOf(f.source.actor)}]` : ''}` : 'narrative';
    return `  ${m.article}#${m.i} (${f.saidOn ?? '?'}, ${f.stance}, ${m.statement ?? '-'}${m.group ? `, gold ${m.group.id}` : ''}) ${source}: “${f.quote}”\n    about: ${f.about.map(nameOf).join('; ')}`;
  };
  const why = (a: ClaimFacts, b: ClaimFacts) => {
    const [x, y] = [readClaim(a).features, readClaim(b).features];
    const c = compareClaims(x, y, grouping.weights);
    return `  score ${c.score.toFixed(2)} (terms ${c.terms.toFixed(2)}, entities ${c.entities.toFixed(2)}, predicate ${c.predicate.toFixed(2)} ${x.predicate ?? '-'}/${y.predicate ?? '-'})${c.apart ? `, apart: ${c.apart}` : ''}`;
  };
  const missed: string[] = [];
  const wrong: string[] = [];
  for (let i = 0; i < matched.length; i++)
    for (let j = i + 1; j < matched.length; j++) {
      const [x, y] = [matched[i]!, matched[j]!];
      if (x.article === y.article) continue;
      const inGold = x.group !== undefined && !x.group.single && x.group.id === y.group?.id;
      const predicted = x.statement !== undefined && x.statement === y.statement;
      if (inGold === predicted) continue;
      const text = `${show(x)}\n${show(y)}\n${why(factsOf(x), factsOf(y))}`;
      (inGold ? missed : wrong).push(text);
    }

  const inGroup = (id: string) => matched.filter((m) => m.group?.id === id);
  const missedContradictions = gold.contradictions.flatMap((c) => {
    const [as, bs] = [inGroup(c.a), inGroup(c.b)];
    if (as.length === 0 || bs.length === 0) return [];
    const flagged = grouping.contradictions.some(({ statements: [s, t] }) =>
      as.some((a) =>
        bs.some((b) => (a.statement === s && b.statement === t) || (a.statement === t && b.statement === s)),
      ),
    );
    if (flagged) return [];
    const pairs = as.flatMap((a) => bs.map((b) => [a, b] as const));
    return [
      `${c.a} × ${c.b}: ${c.why}\n${pairs
        .map(([a, b]) => {
          const found = contradictionBetween(readClaim(factsOf(a)), readClaim(factsOf(b)), {
            weights: grouping.weights,
          });
          return `${show(a)}\n${show(b)}\n  direct check: ${found ? found.why : 'none'}`;
        })
        .join('\n')}`,
    ];
  });
  const byStatement = new Map<string, Array<MatchedGoldClaim<C>>>();
  for (const m of matched) if (m.statement) byStatement.set(m.statement, [...(byStatement.get(m.statement) ?? []), m]);
  const goldPair = (x?: string, y?: string) =>
    gold.contradictions.some((c) => (c.a === x && c.b === y) || (c.a === y && c.b === x));
  const wrongContradictions = grouping.contradictions.flatMap((c) => {
    const [ss, ts] = [byStatement.get(c.statements[0]), byStatement.get(c.statements[1])];
    if (!ss || !ts) return [];
    if (ss.some((s) => ts.some((t) => goldPair(s.group?.id, t.group?.id)))) return [];
    const claim = (id: string) => [...grouping.factsOf.values()].find((f) => f.id === id);
    // Through which claims, where the grouping says; a stored conflict keeps only why.
    const through = (c.claims ?? [])
      .flatMap((id) => claim(id) ?? [])
      .map((f) => `\n  ${f.id}: “${f.quote}”`)
      .join('');
    return [
      `${c.statements.join(' × ')}${c.kind ? ` (${c.kind})` : ''}: ${c.why}${through}\n  matched in them: ${[...ss, ...ts].map((m) => `${m.article}#${m.i}${m.group ? ` (${m.group.id})` : ''}: “${factsOf(m).quote}”`).join(', ')}`,
    ];
  });
  const section = (title: string, items: string[]) =>
    `#### ${title}: ${items.length}\n\n${items.map((t) => `${t}\n`).join('\n')}`;
  return [
    section('Gold pairs not joined', missed),
    section('Pairs joined but not in one gold group', wrong),
    section('Gold contradictions not found', missedContradictions),
    section('Contradictions flagged but not in the gold', wrongContradictions),
  ].join('\n');
}
