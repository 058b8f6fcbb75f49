import type { StoreReads } from '@sitrep/db';
import type { IndependentSource, TellingFields } from '@sitrep/ingest';

/**
 * The independent sources behind each statement, from Store reads: the same claims, articles and
 * grades as @sitrep/ingest's sourcesOfStatements reads on SQLite, through the same computation
 * (sourcesOfTellings), so PostgreSQL answers `Statement.sources` alike.
 */
export async function sourcesThroughStore(
  store: StoreReads,
  ids: readonly number[],
): Promise<Map<number, IndependentSource[]>> {
  // Loaded when first asked: the ingest package is not needed to answer most queries.
  const { sourcesOfTellings } = await import('@sitrep/ingest');
  const claimIds = await store.claimIdsOfStatements(ids);
  const rows = new Map((await store.claimsByIds([...claimIds.values()].flat())).map((c) => [c.id, c]));
  const articleIds = [...new Set([...rows.values()].map((c) => c.articleId))];
  const actors = [...new Set([...rows.values()].flatMap((c) => (c.sourceActorId == null ? [] : [c.sourceActorId])))];
  // Both at once: on PostgreSQL each read is a round trip.
  const [heads, grades] = await Promise.all([store.articleHeadsByIds(articleIds), store.reliabilityOf(actors)]);
  const articles = new Map(heads.map((a) => [a.id, a]));
  const tellings = new Map<number, TellingFields[]>();
  for (const [id, ofStatement] of claimIds) {
    tellings.set(
      id,
      ofStatement.flatMap((claimId) => {
        const claim = rows.get(claimId);
        if (!claim) return [];
        const article = articles.get(claim.articleId);
        return [
          {
            ...claim,
            claimId: claim.id,
            storyId: article?.storyId ?? claim.articleId,
            outlet: article?.outlet ?? null,
          },
        ];
      }),
    );
  }
  return sourcesOfTellings(tellings, grades);
}
