import type { ClaimRow, StoreReads } from '@sitrep/db';
import type { IndependentSource, Telling } from '@sitrep/ingest';

/**
 * The independent sources behind each statement, from Store reads: what @sitrep/ingest's
 * sourcesOfStatements computes on SQLite (the same claims, articles and grades, read through the
 * Store), so PostgreSQL answers `Statement.sources` alike. The end-to-end test compares the two.
 */
export async function sourcesThroughStore(
  store: StoreReads,
  ids: readonly number[],
): Promise<Map<number, IndependentSource[]>> {
  // Loaded when first asked: the ingest package is not needed to answer most queries.
  const { independentSources } = await import('@sitrep/ingest');
  const claimIds = await store.claimIdsOfStatements(ids);
  const rows = new Map((await store.claimsByIds([...claimIds.values()].flat())).map((c) => [c.id, c]));
  const articleIds = [...new Set([...rows.values()].map((c) => c.articleId))];
  const actors = [...new Set([...rows.values()].flatMap((c) => (c.sourceActorId == null ? [] : [c.sourceActorId])))];
  // Both at once: on PostgreSQL each read is a round trip.
  const [heads, grades] = await Promise.all([store.articleHeadsByIds(articleIds), store.reliabilityOf(actors)]);
  const articles = new Map(heads.map((a) => [a.id, a]));
  const sources = new Map<number, IndependentSource[]>();
  for (const [id, ofStatement] of claimIds) {
    const own = ofStatement.flatMap((claimId) => rows.get(claimId) ?? []);
    const tellings = own.map((claim: ClaimRow): Telling => {
      const article = articles.get(claim.articleId);
      return {
        claimId: claim.id,
        storyId: article?.storyId ?? claim.articleId,
        outlet: article?.outlet ?? null,
        stance: claim.stance,
        hedged: claim.hedged,
        source:
          claim.sourceText == null && claim.sourceActorId == null
            ? null
            : {
                actorId: claim.sourceActorId,
                text: claim.sourceText,
                anonymous: claim.sourceAnonymous,
                count: claim.sourceCount,
              },
      };
    });
    sources.set(
      id,
      independentSources(tellings, (actorId) => grades.get(actorId)),
    );
  }
  return sources;
}
