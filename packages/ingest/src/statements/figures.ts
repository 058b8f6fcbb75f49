import {
  type ClaimRow,
  type SitrepDatabase,
  type StatementFigures,
  articleHeadsByIds,
  claimIdsOfStatements,
  claimsByIds,
  conflictsOf,
  reliabilityOf,
  saveStatementFigures,
} from '@sitrep/db';
import { credibilityOf } from './credibility';
import { type IndependentSource, type Telling, independentSources } from './independence';

/** Everything a statement's figures are computed from, read once for a batch of statements. */
interface Evidence {
  claims: Map<number, ClaimRow[]>;
  sources: Map<number, IndependentSource[]>;
}

function gatherEvidence(db: SitrepDatabase, ids: readonly number[]): Evidence {
  const claimIds = claimIdsOfStatements(db, ids);
  const rows = new Map(claimsByIds(db, [...claimIds.values()].flat()).map((c) => [c.id, c]));
  const articles = new Map(
    articleHeadsByIds(db, [...new Set([...rows.values()].map((c) => c.articleId))]).map((a) => [a.id, a]),
  );
  const grades = reliabilityOf(db, [
    ...new Set([...rows.values()].flatMap((c) => (c.sourceActorId == null ? [] : [c.sourceActorId]))),
  ]);
  const claims = new Map<number, ClaimRow[]>();
  const sources = new Map<number, IndependentSource[]>();
  for (const [id, ofStatement] of claimIds) {
    const own = ofStatement.map((claimId) => rows.get(claimId)!).filter(Boolean);
    claims.set(id, own);
    const tellings = own.map((claim): Telling => {
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
  return { claims, sources };
}

/** The independent sources behind each statement (see independentSources). */
export function sourcesOfStatements(db: SitrepDatabase, ids: readonly number[]): Map<number, IndependentSource[]> {
  return gatherEvidence(db, ids).sources;
}

const affirmers = (sources: readonly IndependentSource[]) => sources.filter((s) => s.affirms && !s.denies);

/**
 * Computes and saves the figures of statements `ids` (their dates, sources, stance counts,
 * contested flag and credibility) and of the statements they conflict with, whose credibility
 * depends on them. Statements with no claims are left to their caller to delete.
 */
export function refreshStatements(db: SitrepDatabase, ids: readonly number[]): void {
  const conflicts = conflictsOf(db, ids);
  const all = [...new Set([...ids, ...conflicts.map((c) => c.otherId)])];
  const neighbours = conflictsOf(db, all);
  const evidence = gatherEvidence(db, [...new Set([...all, ...neighbours.map((c) => c.otherId)])]);
  for (const id of all) {
    const claims = evidence.claims.get(id) ?? [];
    if (claims.length === 0) continue;
    const sources = evidence.sources.get(id) ?? [];
    const deniers = sources.filter((s) => s.denies);
    // Who stands against it: its own deniers, and whoever affirms a statement it conflicts with.
    const against = [
      ...deniers,
      ...neighbours
        .filter((c) => c.statementId === id)
        .flatMap((c) => affirmers(evidence.sources.get(c.otherId) ?? [])),
    ];
    const unique = [...new Map(against.map((s) => [s.key, s])).values()];
    const conflicting = neighbours.some((c) => c.statementId === id);
    const saidOn = claims.map((c) => c.saidOn).sort();
    const events = claims.flatMap((c) => (c.eventDate ? [c.eventDate] : [])).sort();
    const { grade, reason } = credibilityOf(sources, unique);
    const figures: StatementFigures = {
      firstSaid: saidOn[0]!,
      lastSaid: saidOn.at(-1)!,
      eventDate: events[0] ?? null,
      claims: claims.length,
      independentSources: sources.length,
      affirming: affirmers(sources).length,
      denying: deniers.length,
      // Some of its own claims deny what others affirm, or a statement it conflicts with says otherwise.
      contested: conflicting || (deniers.length > 0 && affirmers(sources).length > 0),
      credibility: grade,
      credibilityReason: reason,
    };
    saveStatementFigures(db, id, figures);
  }
}
