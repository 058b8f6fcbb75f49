import {
  type ClaimFact,
  type EntityFacts,
  type EntityKind,
  type EntityReviewStatus,
  HOVER_FIRST,
  HOVER_TELLINGS,
  type HoverAnswer,
  type Stance,
  type StatementPage,
  graphqlName,
} from '@sitrep/vocabulary';
import type { SitrepDatabase } from '@sitrep/db';
import { lookupKeys } from '@sitrep/db';

/**
 * The hover and list questions answered the way a hand-written handler would: prepared
 * statements, plain objects, no GraphQL. The answers have the GraphQL response's shape, so the
 * two can be compared field by field.
 */
interface EntityRow {
  id: number;
  kind: EntityKind;
  name: string;
  description: string | null;
  review_status: EntityReviewStatus;
  actor_type: string | null;
  affiliation_id: number | null;
  role: string | null;
  installation_type: string | null;
  place: string | null;
  region: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  operator_id: number | null;
  host_country_id: number | null;
}

interface ClaimRow {
  id: number;
  article_id: number;
  quote: string;
  start: number;
  end: number;
  source_text: string | null;
  source_actor_id: number | null;
  source_count: number | null;
  source_anonymous: number;
  stance: Stance;
  hedged: number;
  event_date: string | null;
  said_on: string;
}

interface StatementRow {
  id: number;
  claims: number;
  independent_sources: number;
  affirming: number;
  denying: number;
  contested: number;
  credibility: number;
  credibility_reason: string;
  reliability: string;
}

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64');
const typeName = (kind: string) => (kind === 'actor' ? 'Actor' : 'Installation');
const ids = (values: Iterable<number>) => JSON.stringify([...new Set(values)]);

export class BaselineQueries {
  private readonly s;

  constructor(db: SitrepDatabase) {
    const p = (sql: string) => db.sqlite.prepare(sql);
    this.s = {
      byAlias: p('select e.* from aliases a join entities e on e.id = a.entity_id where a.normalized = ?'),
      aliases: p('select name from aliases where entity_id = ? order by id').pluck(),
      nameOf: p('select name from entities where id = ?').pluck(),
      // The counts triggers keep per entity (see claimStatsFor), and the latest date by index.
      stats: p(`select claims, sources,
          (select max(said_on) from claim_about where entity_id = s.entity_id) as latest
        from entity_claim_stats s where entity_id = ?`),
      total: p('select claims from entity_claim_stats where entity_id = ?').pluck(),
      latest: p(`select c.* from claim_about ca join claims c on c.id = ca.claim_id
        where ca.entity_id = ? order by ca.said_on desc, ca.claim_id desc limit ?`),
      article: p('select id, title, published_at, outlet from articles where id = ?'),
      page: p('select * from claims where said_on <= ? order by said_on desc, id desc limit ?'),
      articles: p('select id, title, outlet, published_at from articles where id in (select value from json_each(?))'),
      about: p(`select claim_id, entity_id, role from claim_about
        where claim_id in (select value from json_each(?)) order by claim_id, entity_id`),
      names: p('select id, name from entities where id in (select value from json_each(?))'),
      statementCounts: p('select statements, contested from entity_statement_stats where entity_id = ?'),
      statements: p(`select s.* from statement_about sa join statements s on s.id = sa.statement_id
        where sa.entity_id = ? order by sa.last_said desc, sa.statement_id desc limit ?`),
      contested: p(`select s.* from statement_about sa join statements s on s.id = sa.statement_id
        where sa.entity_id = ? and sa.contested = 1 order by sa.last_said desc, sa.statement_id desc limit ?`),
      conflicts: p('select why from statement_conflicts where statement_id = ? order by other_id').pluck(),
      statementClaims: p('select * from claims where statement_id = ? order by said_on desc, id desc limit ?'),
    };
  }

  private name(id: number | null): { name: string } | null {
    return id == null ? null : { name: this.s.nameOf.get(id) as string };
  }

  /** The answer to HOVER_QUERY for `name`, with `first` left to its default, as the bench asks it. */
  hover(name: string): { data: HoverAnswer } {
    let e: EntityRow | undefined;
    for (const key of lookupKeys(name)) {
      if (key === '') continue;
      e = this.s.byAlias.get(key) as EntityRow | undefined;
      if (e) break;
    }
    if (!e) return { data: { entity: null } };
    const aliases = (this.s.aliases.all(e.id) as string[]).filter((n) => n !== e.name);
    const kindFields =
      e.kind === 'installation'
        ? {
            installationType: e.installation_type,
            location: {
              place: e.place,
              region: e.region,
              country: e.country,
              latitude: e.latitude,
              longitude: e.longitude,
            },
            operator: this.name(e.operator_id),
            hostCountry: this.name(e.host_country_id),
          }
        : { actorType: e.actor_type, role: e.role, affiliation: this.name(e.affiliation_id) };
    const stats = (this.s.stats.get(e.id) as
      { claims: number; sources: number; latest: string | null } | undefined) ?? {
      claims: 0,
      sources: 0,
      latest: null,
    };
    const claims = this.s.latest.all(e.id, HOVER_FIRST) as ClaimRow[];
    const counts = (this.s.statementCounts.get(e.id) as { statements: number; contested: number } | undefined) ?? {
      statements: 0,
      contested: 0,
    };
    const entity: EntityFacts = {
      id: globalId(typeName(e.kind), e.id),
      name: e.name,
      kind: graphqlName(e.kind),
      reviewStatus: graphqlName(e.review_status),
      aliases: [e.name, ...aliases],
      description: e.description,
      ...kindFields,
      claimStats: stats,
      contested: this.statements(this.s.contested.all(e.id, HOVER_FIRST) as StatementRow[], counts.contested),
      statements: this.statements(this.s.statements.all(e.id, HOVER_FIRST) as StatementRow[], counts.statements),
      claims: {
        totalCount: (this.s.total.get(e.id) as number | undefined) ?? 0,
        edges: claims.map((c) => ({ node: this.telling(c) })),
      },
    };
    return { data: { entity } };
  }

  /** A page of statements as the hover's `Told` fragment asks for them. */
  private statements(rows: StatementRow[], totalCount: number): StatementPage {
    return {
      totalCount,
      edges: rows.map((st) => ({
        node: {
          id: globalId('Statement', st.id),
          grade: `${st.reliability}${st.credibility}`,
          credibilityReason: st.credibility_reason,
          independentSources: st.independent_sources,
          affirming: st.affirming,
          denying: st.denying,
          contested: st.contested === 1,
          conflicts: (this.s.conflicts.all(st.id) as string[]).map((why) => ({ why })),
          claims: {
            totalCount: st.claims,
            edges: (this.s.statementClaims.all(st.id, HOVER_TELLINGS) as ClaimRow[]).map((c) => ({
              node: this.telling(c),
            })),
          },
        },
      })),
    };
  }

  /** A claim as the hover's `Telling` fragment asks for it. */
  private telling(c: ClaimRow): ClaimFact {
    const a = this.s.article.get(c.article_id) as {
      id: number;
      title: string;
      published_at: string;
      outlet: string | null;
    };
    return {
      quote: c.quote,
      stance: graphqlName(c.stance),
      hedged: c.hedged === 1,
      eventDate: c.event_date,
      saidOn: c.said_on,
      start: c.start,
      end: c.end,
      source: this.source(c),
      article: { id: globalId('Article', a.id), title: a.title, publishedAt: a.published_at, outlet: a.outlet },
    };
  }

  private source(c: ClaimRow) {
    if (c.source_text == null && c.source_actor_id == null) return null;
    return {
      text: c.source_text ?? '',
      count: c.source_count,
      anonymous: c.source_anonymous === 1,
      actor: this.name(c.source_actor_id),
    };
  }

  /** The answer to LIST_QUERY for claims published on or before `to`. */
  list(to: string): { data: { claims: { edges: Array<{ node: Record<string, unknown> }> } } } {
    const claims = this.s.page.all(to, 50) as ClaimRow[];
    const articles = new Map(
      (
        this.s.articles.all(ids(claims.map((c) => c.article_id))) as Array<{
          id: number;
          title: string;
          outlet: string | null;
          published_at: string;
        }>
      ).map((a) => [a.id, a]),
    );
    const about = this.s.about.all(ids(claims.map((c) => c.id))) as Array<{
      claim_id: number;
      entity_id: number;
      role: string;
    }>;
    const names = new Map(
      (
        this.s.names.all(
          ids([
            ...about.map((a) => a.entity_id),
            ...claims.flatMap((c) => (c.source_actor_id == null ? [] : [c.source_actor_id])),
          ]),
        ) as Array<{
          id: number;
          name: string;
        }>
      ).map((r) => [r.id, r.name]),
    );
    const aboutOf = new Map<number, Array<{ role: string; entity: { name: string } }>>();
    for (const a of about) {
      let list = aboutOf.get(a.claim_id);
      if (!list) aboutOf.set(a.claim_id, (list = []));
      list.push({ role: a.role.toUpperCase(), entity: { name: names.get(a.entity_id)! } });
    }
    return {
      data: {
        claims: {
          edges: claims.map((c) => {
            const a = articles.get(c.article_id)!;
            return {
              node: {
                id: globalId('Claim', c.id),
                quote: c.quote,
                stance: c.stance.toUpperCase(),
                hedged: c.hedged === 1,
                saidOn: c.said_on,
                source:
                  c.source_text == null && c.source_actor_id == null
                    ? null
                    : {
                        text: c.source_text ?? '',
                        actor: c.source_actor_id == null ? null : { name: names.get(c.source_actor_id)! },
                      },
                article: { title: a.title, outlet: a.outlet, publishedAt: a.published_at },
                about: aboutOf.get(c.id) ?? [],
              },
            };
          }),
        },
      },
    };
  }
}
