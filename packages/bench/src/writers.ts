import {
  type NewEntity,
  type SitrepDatabase,
  contentHash,
  countWords,
  createArticle,
  createClaims,
  createEntity,
  createMentions,
  inTransaction,
  normalizeName,
  withEveryField,
  sourceKey,
} from '@sitrep/db';
import type { AboutRole } from '@sitrep/vocabulary';
import type { PlannedArticle } from './article-plan';

/** `api`: the db package's named functions (the real write path); `sql`: prepared statements, for the large scale only. */
export const WRITERS = ['api', 'sql'] as const;
export type WriterName = (typeof WRITERS)[number];

/** Writes planned rows; both writers must leave the same rows behind (a test compares them). */
export interface Writer {
  transaction(work: () => void): void;
  /** Returns the new entity's id. */
  entity(row: NewEntity, extraNames: readonly string[]): number;
  /** The article, its mentions, then its claims with what they are about; `ids` maps plan indices to entity ids. */
  article(planned: PlannedArticle, ids: readonly number[]): void;
}

// By place in a planned claim's `about`, not the vocabulary's order.
const ROLES = ['subject', 'object', 'location'] as const satisfies readonly AboutRole[];

/** The real write path, as ingestion takes it: createEntity, createArticle, createMentions, createClaims inside inTransaction. */
export function apiWriter(db: SitrepDatabase): Writer {
  return {
    transaction: (work) => inTransaction(db, work),
    entity: (row, extraNames) => createEntity(db, row, extraNames).id,
    article(planned, ids) {
      const article = createArticle(db, {
        title: planned.title,
        publishedAt: planned.publishedAt,
        dateline: planned.dateline,
        outlet: planned.outlet,
        text: planned.text,
      });
      createMentions(
        db,
        planned.text,
        planned.mentions.map((m) => ({ articleId: article.id, entityId: ids[m.entity]!, start: m.start, end: m.end })),
      );
      createClaims(
        db,
        planned.claims.map((c) => ({
          articleId: article.id,
          quote: c.quote,
          start: c.start,
          end: c.end,
          source: c.source && {
            text: c.source.text,
            actorId: c.source.actor == null ? null : ids[c.source.actor]!,
            count: c.source.count,
            anonymous: c.source.anonymous,
          },
          about: c.about.map((entity, role) => ({ entityId: ids[entity]!, role: ROLES[role]! })),
          stance: c.stance,
          hedged: c.hedged,
          eventDate: c.eventDate,
          reviewStatus: c.reviewStatus,
        })),
      );
    },
  };
}

/**
 * The same rows through statements prepared once, without the per-row checks and re-reads of the
 * named functions: what the write path could cost. Only for building databases the real path
 * takes too long for; the report says which writer built the database.
 */
export function sqlWriter(db: SitrepDatabase): Writer {
  const p = (sql: string) => db.sqlite.prepare(sql);
  const s = {
    entity: p(`insert into entities (kind, name, description, actor_type, affiliation_id, role, installation_type,
        place, region, country, latitude, longitude, operator_id, host_country_id, review_status)
      values (@kind, @name, @description, @actorType, @affiliationId, @role, @installationType,
        @place, @region, @country, @latitude, @longitude, @operatorId, @hostCountryId, @reviewStatus)`),
    alias: p('insert into aliases (entity_id, name, normalized) values (?, ?, ?)'),
    article: p(`insert into articles (title, published_at, dateline, outlet, url, text, word_count, content_hash)
      values (?, ?, ?, ?, null, ?, ?, ?)`),
    mention: p('insert into mentions (article_id, entity_id, start, "end", text) values (?, ?, ?, ?, ?)'),
    claim: p(`insert into claims (article_id, quote, start, "end", source_text, source_actor_id, source_count,
        source_anonymous, stance, hedged, event_date, said_on, review_status)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    about: p('insert into claim_about (claim_id, entity_id, role, said_on, source_key) values (?, ?, ?, ?, ?)'),
  };
  return {
    transaction: (work) => inTransaction(db, work),
    entity(row, extraNames) {
      const name = row.name.trim();
      const full = { ...withEveryField(row), name };
      const id = Number(s.entity.run(full).lastInsertRowid);
      const seen = new Set<string>();
      for (const alias of [name, ...extraNames]) {
        const trimmed = alias.trim();
        const normalized = normalizeName(trimmed);
        if (seen.has(normalized)) continue;
        seen.add(normalized);
        s.alias.run(id, trimmed, normalized);
      }
      return id;
    },
    article(planned, ids) {
      const { text } = planned;
      const articleId = Number(
        s.article.run(
          planned.title.trim(),
          planned.publishedAt,
          planned.dateline,
          planned.outlet,
          text,
          countWords(text),
          contentHash(text),
        ).lastInsertRowid,
      );
      for (const m of planned.mentions)
        s.mention.run(articleId, ids[m.entity]!, m.start, m.end, text.slice(m.start, m.end));
      for (const c of planned.claims) {
        const claimId = s.claim.run(
          articleId,
          c.quote,
          c.start,
          c.end,
          c.source?.text.trim() || null,
          c.source?.actor == null ? null : ids[c.source.actor]!,
          c.source?.count ?? null,
          c.source?.anonymous ? 1 : 0,
          c.stance,
          c.hedged ? 1 : 0,
          c.eventDate,
          planned.publishedAt,
          c.reviewStatus,
        ).lastInsertRowid;
        const source = c.source && {
          text: c.source.text,
          actorId: c.source.actor == null ? null : ids[c.source.actor]!,
        };
        const key = sourceKey(source, planned.outlet);
        c.about.forEach((entity, role) => s.about.run(claimId, ids[entity]!, ROLES[role]!, planned.publishedAt, key));
      }
    },
  };
}
