import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { SitrepDatabase } from '../database';
import { SitrepError, notFound } from '../errors';
import type { DateRange, Page } from '../page';
import {
  type AboutRole,
  type ClaimAboutRow,
  type ClaimRow,
  type ReviewStatus,
  type Stance,
  articles,
  claimAbout,
  claims,
} from '../schema';
import { articlesByIds } from './articles';
import { entitiesByIds } from './entities';

export interface ClaimFilter extends DateRange {
  /** Claims about this entity. */
  about?: number | null;
  sourceActor?: number | null;
  stance?: Stance | null;
  reviewStatus?: ReviewStatus | null;
  articleId?: number | null;
}

export interface NewClaim {
  articleId: number;
  quote: string;
  /** Span of the quote in the article; found by searching the text when absent. */
  start?: number | null;
  end?: number | null;
  source?: { text: string; actorId?: number | null; count?: number | null; anonymous?: boolean | null } | null;
  about?: ReadonlyArray<{ entityId: number; role?: AboutRole | null }>;
  stance: Stance;
  hedged?: boolean | null;
  eventDate?: string | null;
  reviewStatus?: ReviewStatus | null;
}

export function claimsByIds(db: SitrepDatabase, ids: readonly number[]): ClaimRow[] {
  if (ids.length === 0) return [];
  return db.orm
    .select()
    .from(claims)
    .where(inArray(claims.id, [...ids]))
    .all();
}

export function claimAboutForClaims(db: SitrepDatabase, claimIds: readonly number[]): ClaimAboutRow[] {
  if (claimIds.length === 0) return [];
  return db.orm
    .select()
    .from(claimAbout)
    .where(inArray(claimAbout.claimId, [...claimIds]))
    .all();
}

function claimConditions(filter: ClaimFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.about != null) {
    conditions.push(
      sql`${claims.id} in (select ${claimAbout.claimId} from ${claimAbout} where ${claimAbout.entityId} = ${filter.about})`,
    );
  }
  if (filter.sourceActor != null) conditions.push(eq(claims.sourceActorId, filter.sourceActor));
  if (filter.stance) conditions.push(eq(claims.stance, filter.stance));
  if (filter.reviewStatus) conditions.push(eq(claims.reviewStatus, filter.reviewStatus));
  if (filter.articleId != null) conditions.push(eq(claims.articleId, filter.articleId));
  if (filter.from) conditions.push(gte(claims.saidOn, filter.from));
  if (filter.to) conditions.push(lte(claims.saidOn, filter.to));
  return and(...conditions);
}

/** `latest`: by publication date, newest first; `position`: by article, in reading order. */
export type ClaimOrder = 'latest' | 'position';

export function listClaims(
  db: SitrepDatabase,
  filter: ClaimFilter,
  page: Page,
  order: ClaimOrder = 'latest',
): ClaimRow[] {
  if (filter.about != null && order === 'latest') return latestClaimsAbout(db, filter.about, filter, page);
  return db.orm
    .select()
    .from(claims)
    .where(claimConditions(filter))
    .orderBy(
      ...(order === 'latest'
        ? [desc(claims.saidOn), desc(claims.id)]
        : [asc(claims.articleId), asc(claims.start), asc(claims.id)]),
    )
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

/**
 * The latest claims about one entity, read in index order from claim_about (entity, said_on,
 * claim): no sort over every claim about Russia, only the page. Same rows and order as listClaims.
 */
function latestClaimsAbout(db: SitrepDatabase, entityId: number, filter: ClaimFilter, page: Page): ClaimRow[] {
  const rest = claimConditions({ ...filter, about: null, from: null, to: null });
  return db.orm
    .select({ claim: claims })
    .from(claimAbout)
    .innerJoin(claims, eq(claims.id, claimAbout.claimId))
    .where(
      and(
        eq(claimAbout.entityId, entityId),
        filter.from ? gte(claimAbout.saidOn, filter.from) : undefined,
        filter.to ? lte(claimAbout.saidOn, filter.to) : undefined,
        rest,
      ),
    )
    .orderBy(desc(claimAbout.saidOn), desc(claimAbout.claimId))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((row) => row.claim);
}

export function countClaims(db: SitrepDatabase, filter: ClaimFilter): number {
  const { about, ...rest } = filter;
  const onlyAbout = about != null && Object.values(rest).every((v) => v == null);
  // All claims about one entity: counted on the claim_about index alone, without touching claims.
  if (onlyAbout) {
    return db.orm.select({ n: count() }).from(claimAbout).where(eq(claimAbout.entityId, about)).get()?.n ?? 0;
  }
  return db.orm.select({ n: count() }).from(claims).where(claimConditions(filter)).get()?.n ?? 0;
}

/** How many claims are about an entity, from how many distinct sources, and the latest date. */
export function claimStatsFor(
  db: SitrepDatabase,
  entityIds: readonly number[],
): Array<{ entityId: number; claims: number; sources: number; latest: string | null }> {
  if (entityIds.length === 0) return [];
  return db.orm
    .select({
      entityId: claimAbout.entityId,
      claims: count(),
      // A source is its actor, else its words; the outlet's own narrative counts as the outlet.
      sources: sql<number>`count(distinct coalesce('actor:' || ${claims.sourceActorId}, 'text:' || lower(${claims.sourceText}), 'outlet:' || coalesce(${articles.outlet}, '')))`,
      latest: sql<string | null>`max(${claimAbout.saidOn})`,
    })
    .from(claimAbout)
    .innerJoin(claims, eq(claims.id, claimAbout.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(inArray(claimAbout.entityId, [...entityIds]))
    .groupBy(claimAbout.entityId)
    .all();
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function locateQuote(text: string, claim: NewClaim): { start: number; end: number } {
  const { quote } = claim;
  if (claim.start != null || claim.end != null) {
    const start = claim.start ?? -1;
    const end = claim.end ?? -1;
    if (text.slice(start, end) !== quote || start < 0) {
      throw new SitrepError(
        'BAD_USER_INPUT',
        `The span [${start}, ${end}) of article ${claim.articleId} does not hold the quote; leave start and end out to have it found.`,
      );
    }
    return { start, end };
  }
  const start = text.indexOf(quote);
  if (start < 0) {
    throw new SitrepError('BAD_USER_INPUT', `The quote does not occur verbatim in article ${claim.articleId}.`);
  }
  return { start, end: start + quote.length };
}

function checkClaimEntities(db: SitrepDatabase, claim: NewClaim): void {
  const ids = [...(claim.about ?? []).map((a) => a.entityId)];
  const sourceActor = claim.source?.actorId;
  if (sourceActor != null) ids.push(sourceActor);
  const found = new Map(entitiesByIds(db, ids).map((e) => [e.id, e]));
  for (const id of ids) if (!found.has(id)) throw notFound('entity', id);
  if (sourceActor != null && found.get(sourceActor)?.kind !== 'actor') {
    throw new SitrepError('BAD_USER_INPUT', `A claim's source must be an actor; entity ${sourceActor} is not.`);
  }
}

/** Stores a claim with the entities it is about. Call inside a transaction to group several writes. */
export function createClaim(db: SitrepDatabase, claim: NewClaim): ClaimRow {
  if (claim.quote.trim() === '') throw new SitrepError('BAD_USER_INPUT', 'A claim needs a non-empty quote.');
  if (claim.eventDate != null && !DATE.test(claim.eventDate)) {
    throw new SitrepError('BAD_USER_INPUT', `eventDate must be YYYY-MM-DD, got “${claim.eventDate}”.`);
  }
  const count = claim.source?.count;
  if (count != null && (!Number.isInteger(count) || count < 1)) {
    throw new SitrepError('BAD_USER_INPUT', `A source count must be a whole number of at least 1, got ${count}.`);
  }
  const [article] = articlesByIds(db, [claim.articleId]);
  if (!article) throw notFound('article', claim.articleId);
  const span = locateQuote(article.text, claim);
  checkClaimEntities(db, claim);
  return db.sqlite.transaction(() => {
    const row = db.orm
      .insert(claims)
      .values({
        articleId: article.id,
        quote: claim.quote,
        ...span,
        sourceText: claim.source?.text.trim() || null,
        sourceActorId: claim.source?.actorId ?? null,
        sourceCount: count ?? null,
        sourceAnonymous: claim.source?.anonymous ?? false,
        stance: claim.stance,
        hedged: claim.hedged ?? false,
        eventDate: claim.eventDate ?? null,
        saidOn: article.publishedAt,
        reviewStatus: claim.reviewStatus ?? 'extracted',
      })
      .returning()
      .get();
    const seen = new Set<number>();
    for (const about of claim.about ?? []) {
      if (seen.has(about.entityId)) continue;
      seen.add(about.entityId);
      db.orm
        .insert(claimAbout)
        .values({ claimId: row.id, entityId: about.entityId, role: about.role ?? 'subject', saidOn: row.saidOn })
        .run();
    }
    return row;
  })();
}

export function setClaimReviewStatus(db: SitrepDatabase, claimId: number, status: ReviewStatus): ClaimRow {
  const row = db.orm.update(claims).set({ reviewStatus: status }).where(eq(claims.id, claimId)).returning().get();
  if (!row) throw notFound('claim', claimId);
  return row;
}
