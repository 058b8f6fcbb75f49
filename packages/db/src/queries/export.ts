import type { SitrepDatabase } from '../database';

/**
 * Every row of the knowledge base in id order, one kind at a time, as `sitrep export` writes it:
 * iterated, never listed, so a million claims cost one row's memory. Names of the entities a row
 * refers to come with it (a spreadsheet has no joins); lists come as JSON arrays from SQLite, each
 * in a stated order (entity id, alias id, statement id), so PostgreSQL's reads
 * (store/postgres/export-reads.ts) give the same rows.
 */

export interface EntityExportRow {
  id: number;
  kind: string;
  name: string;
  /** Its other names, JSON: ["Khmeimim", …]. */
  aliases: string;
  description: string | null;
  actorType: string | null;
  role: string | null;
  affiliation: string | null;
  installationType: string | null;
  place: string | null;
  region: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  operator: string | null;
  hostCountry: string | null;
  reviewStatus: string;
  /** Ids beside the names above, for formats that link rather than name (STIX). */
  affiliationId: number | null;
  operatorId: number | null;
  hostCountryId: number | null;
  /** The curator's reliability grade for it as a source (A–F), or null if never graded. */
  reliability: string | null;
  /** When Sitrep stored it: YYYY-MM-DDTHH:MM:SS.sssZ. */
  createdAt: string;
  /** The latest change Sitrep keeps a time for: stored, or its reliability graded. */
  changedAt: string;
}

export interface ArticleExportRow {
  id: number;
  title: string;
  publishedAt: string;
  dateline: string | null;
  outlet: string | null;
  url: string | null;
  /** The byline. */
  author: string | null;
  wordCount: number;
  /** The first article of the story this one copies, or null. */
  copyOf: number | null;
  /** Null unless asked for: articles are often not theirs to republish. */
  text: string | null;
  /** When Sitrep stored it: YYYY-MM-DDTHH:MM:SS.sssZ. */
  createdAt: string;
  /** With the lists below: the latest change Sitrep keeps a time for (stored, or a claim added). */
  changedAt: string | null;
  /** JSON: ids of its claims, and of the entities it mentions, in id order; null unless asked for. */
  claimIds: string | null;
  entityIds: string | null;
}

export interface ClaimExportRow {
  id: number;
  articleId: number;
  quote: string;
  start: number;
  end: number;
  stance: string;
  hedged: number;
  eventDate: string | null;
  saidOn: string;
  sourceText: string | null;
  sourceActorId: number | null;
  sourceActor: string | null;
  sourceCount: number | null;
  sourceAnonymous: number;
  statementId: number | null;
  reviewStatus: string;
  /** JSON: [{"entityId", "name", "role"}, …]. */
  about: string;
  createdAt: string;
}

export interface StatementExportRow {
  id: number;
  firstSaid: string;
  lastSaid: string;
  eventDate: string | null;
  claims: number;
  independentSources: number;
  affirming: number;
  denying: number;
  contested: number;
  credibility: number;
  credibilityReason: string;
  reliability: string;
  curated: number;
  /** JSON: [{"entityId", "name"}, …]. */
  about: string;
  /** JSON: [{"statementId", "why"}, …]. */
  conflicts: string;
  createdAt: string;
  /** With the list below: the latest change Sitrep keeps a time for (stored, or a claim added). */
  changedAt: string | null;
  /** JSON: ids of its claims, in id order; null unless asked for. */
  claimIds: string | null;
}

const nameOf = (column: string) => `(select name from entities x where x.id = ${column})`;

export function iterateEntities(db: SitrepDatabase): IterableIterator<EntityExportRow> {
  return db.sqlite
    .prepare<[], EntityExportRow>(
      `select e.id, e.kind, e.name,
         (select json_group_array(a.name) from (select name from aliases where entity_id = e.id and name <> e.name order by id) a) as aliases,
         e.description, e.actor_type as actorType, e.role, ${nameOf('e.affiliation_id')} as affiliation,
         e.installation_type as installationType, e.place, e.region, e.country, e.latitude, e.longitude,
         ${nameOf('e.operator_id')} as operator, ${nameOf('e.host_country_id')} as hostCountry, e.review_status as reviewStatus,
         e.affiliation_id as affiliationId, e.operator_id as operatorId, e.host_country_id as hostCountryId,
         (select grade from source_reliability r where r.entity_id = e.id) as reliability, e.created_at as createdAt,
         max(e.created_at, coalesce((select set_at from source_reliability r where r.entity_id = e.id), '')) as changedAt
       from entities e order by e.id`,
    )
    .iterate();
}

/** `withLinks`: the id lists a format that links needs (STIX); CASE leaves them unread otherwise. */
export function iterateArticles(
  db: SitrepDatabase,
  withText: boolean,
  withLinks = false,
): IterableIterator<ArticleExportRow> {
  // The change time and the two lists are read together, or not at all.
  const links = withLinks ? 1 : 0;
  return db.sqlite
    .prepare<[number, number, number, number], ArticleExportRow>(
      `select id, title, published_at as publishedAt, dateline, outlet, url, author, word_count as wordCount,
         story_id as copyOf, case when ? then text end as text, created_at as createdAt,
         case when ? then max(created_at, coalesce((select max(created_at) from claims where article_id = a.id), '')) end
           as changedAt,
         case when ? then (select json_group_array(c.id)
           from (select id from claims where article_id = a.id order by id) c) end as claimIds,
         case when ? then (select json_group_array(m.entity_id)
           from (select distinct entity_id from mentions where article_id = a.id order by entity_id) m) end as entityIds
       from articles a order by id`,
    )
    .iterate(withText ? 1 : 0, links, links, links);
}

export function iterateClaims(db: SitrepDatabase): IterableIterator<ClaimExportRow> {
  return db.sqlite
    .prepare<[], ClaimExportRow>(
      `select c.id, c.article_id as articleId, c.quote, c.start, c."end", c.stance, c.hedged,
         c.event_date as eventDate, c.said_on as saidOn, c.source_text as sourceText,
         c.source_actor_id as sourceActorId, ${nameOf('c.source_actor_id')} as sourceActor,
         c.source_count as sourceCount, c.source_anonymous as sourceAnonymous, c.statement_id as statementId,
         c.review_status as reviewStatus,
         (select json_group_array(json_object('entityId', a.entity_id, 'name', a.name, 'role', a.role))
            from (select x.entity_id, e.name, x.role from claim_about x join entities e on e.id = x.entity_id
                  where x.claim_id = c.id order by x.entity_id) a) as about,
         c.created_at as createdAt
       from claims c order by c.id`,
    )
    .iterate();
}

export function iterateStatements(db: SitrepDatabase, withLinks = false): IterableIterator<StatementExportRow> {
  return db.sqlite
    .prepare<[number, number], StatementExportRow>(
      `select s.id, s.first_said as firstSaid, s.last_said as lastSaid, s.event_date as eventDate, s.claims,
         s.independent_sources as independentSources, s.affirming, s.denying, s.contested, s.credibility,
         s.credibility_reason as credibilityReason, s.reliability, s.curated,
         (select json_group_array(json_object('entityId', a.entity_id, 'name', a.name))
            from (select x.entity_id, e.name from statement_about x join entities e on e.id = x.entity_id
                  where x.statement_id = s.id order by x.entity_id) a) as about,
         (select json_group_array(json_object('statementId', k.other_id, 'why', k.why))
            from (select other_id, why from statement_conflicts where statement_id = s.id order by other_id) k) as conflicts,
         s.created_at as createdAt,
         case when ? then max(s.created_at, coalesce((select max(created_at) from claims where statement_id = s.id), ''))
           end as changedAt,
         case when ? then (select json_group_array(c.id)
           from (select id from claims where statement_id = s.id order by id) c) end as claimIds
       from statements s order by s.id`,
    )
    .iterate(withLinks ? 1 : 0, withLinks ? 1 : 0);
}

/** Every outlet named by an article, once each, in name order: the publishers STIX names as identities. */
export function iterateOutlets(db: SitrepDatabase): IterableIterator<string> {
  return db.sqlite
    .prepare<[], string>('select distinct outlet from articles where outlet is not null order by outlet')
    .pluck()
    .iterate();
}

/** The ids of the installations: what a format that types its references (STIX) needs to know first. */
export function installationIds(db: SitrepDatabase): Set<number> {
  return new Set(db.sqlite.prepare<[], number>("select id from entities where kind = 'installation'").pluck().all());
}

/** The export's reads on either back end, all from one snapshot: the writers (packages/export) take only these. */
export interface ExportReads {
  entities(): AsyncIterable<EntityExportRow>;
  articles(withText: boolean, withLinks?: boolean): AsyncIterable<ArticleExportRow>;
  claims(): AsyncIterable<ClaimExportRow>;
  statements(withLinks?: boolean): AsyncIterable<StatementExportRow>;
  outlets(): AsyncIterable<string>;
  installationIds(): Promise<Set<number>>;
}

/** A knowledge base to export: `snapshot` runs the work with reads that all see one moment. */
export interface ExportSource {
  snapshot<T>(work: (reads: ExportReads) => Promise<T>): Promise<T>;
}

/**
 * SQLite's synchronous iterators, each row handed on as it is stepped: an async generator over a
 * sync iterator costs a resolved promise a row, and stepping on only when asked keeps one row in
 * memory. Leaving the loop early closes the statement.
 */
async function* stepped<T>(rows: IterableIterator<T>): AsyncGenerator<T> {
  yield* rows;
}

/**
 * The export's reads on a SQLite database, inside one read transaction: every row comes from the
 * same moment, even while an ingest writes (WAL readers see a snapshot and never block the writer).
 */
export function sqliteExportSource(db: SitrepDatabase): ExportSource {
  const reads: ExportReads = {
    entities: () => stepped(iterateEntities(db)),
    articles: (withText, withLinks) => stepped(iterateArticles(db, withText, withLinks)),
    claims: () => stepped(iterateClaims(db)),
    statements: (withLinks) => stepped(iterateStatements(db, withLinks)),
    outlets: () => stepped(iterateOutlets(db)),
    installationIds: () => Promise.resolve(installationIds(db)),
  };
  return {
    async snapshot(work) {
      db.sqlite.exec('begin');
      try {
        return await work(reads);
      } finally {
        db.sqlite.exec('commit');
      }
    },
  };
}
