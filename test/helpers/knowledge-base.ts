/**
 * A database's knowledge base as rows that name what they point at rather than ids (an article by
 * title and date, an entity by kind and name, a claim by its article and place, a statement by its
 * claims), so two databases written by different back ends compare whole with toEqual.
 */

export type Row = Record<string, unknown>;
type Rows = (query: string) => Promise<Row[]>;

const TABLES = {
  articles: 'select id, title, published_at, outlet, story_id from articles',
  entities: `select id, kind, name, review_status, actor_type, installation_type, description, role, place, region,
               country, latitude, longitude, affiliation_id, operator_id, host_country_id from entities`,
  aliases: 'select entity_id, name from aliases',
  mentions: 'select article_id, entity_id, start, "end" from mentions',
  claims: `select id, article_id, start, "end", quote, stance, hedged, source_text, source_actor_id,
             source_count, source_anonymous, event_date, said_on, statement_id, review_status from claims`,
  claimAbout: 'select claim_id, entity_id, role from claim_about',
  statements: `select id, first_said, last_said, event_date, claims, independent_sources, affirming, denying,
                 contested, credibility, credibility_reason, reliability, curated from statements`,
  conflicts: 'select statement_id, other_id, why from statement_conflicts',
  statementAbout: 'select entity_id, statement_id, last_said, contested from statement_about',
  claimStats: 'select entity_id, claims, sources from entity_claim_stats',
  statementStats: 'select entity_id, statements, contested from entity_statement_stats',
  terms: 'select term, claims from term_counts',
  reliability: 'select entity_id, grade, note from source_reliability',
  reliabilityChanges: 'select entity_id, previous, grade, note from source_reliability_changes',
};

/** Every table as rows that name what they point at (an article by title, a claim by its article and place). */
export async function knowledgeBase(rows: Rows) {
  const read = Object.fromEntries(
    await Promise.all(
      Object.entries(TABLES).map(async ([name, query]) => [
        name,
        (await rows(query)).map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])),
        ),
      ]),
    ),
  ) as Record<keyof typeof TABLES, Row[]>;
  const articles = new Map(read.articles.map((a) => [a.id, `${a.title} (${a.published_at})`]));
  const entities = new Map(read.entities.map((e) => [e.id, `${e.kind}:${e.name}`]));
  const claims = new Map(read.claims.map((c) => [c.id, `${articles.get(c.article_id)} @${c.start}`]));
  const members = new Map<unknown, string[]>();
  for (const c of read.claims) members.set(c.statement_id, [...(members.get(c.statement_id) ?? []), claims.get(c.id)!]);
  const statements = new Map([...members].map(([id, keys]) => [id, keys.sort().join(' | ')]));
  const sorted = (list: Row[]) => list.map((r) => JSON.stringify(r)).sort();
  return {
    articles: sorted(
      read.articles.map(({ id, story_id, ...a }) => ({
        ...a,
        id: articles.get(id),
        story: articles.get(story_id) ?? null,
      })),
    ),
    entities: sorted(
      read.entities.map(({ id, affiliation_id, operator_id, host_country_id, ...e }) => ({
        ...e,
        id: entities.get(id),
        affiliation: entities.get(affiliation_id) ?? null,
        operator: entities.get(operator_id) ?? null,
        hostCountry: entities.get(host_country_id) ?? null,
      })),
    ),
    aliases: sorted(read.aliases.map((a) => ({ entity: entities.get(a.entity_id), name: a.name }))),
    mentions: sorted(
      read.mentions.map((m) => ({
        ...m,
        article_id: articles.get(m.article_id),
        entity_id: entities.get(m.entity_id),
      })),
    ),
    claims: sorted(
      read.claims.map(({ id, statement_id, ...c }) => ({
        ...c,
        id: claims.get(id),
        article_id: articles.get(c.article_id),
        source_actor_id: entities.get(c.source_actor_id) ?? null,
        statement: statements.get(statement_id) ?? null,
      })),
    ),
    claimAbout: sorted(
      read.claimAbout.map((a) => ({ ...a, claim_id: claims.get(a.claim_id), entity_id: entities.get(a.entity_id) })),
    ),
    statements: sorted(
      read.statements.map(({ id, ...s }) => ({ ...s, id: statements.get(id) ?? `empty ${String(id)}` })),
    ),
    conflicts: sorted(
      read.conflicts.map((c) => ({
        ...c,
        statement_id: statements.get(c.statement_id),
        other_id: statements.get(c.other_id),
      })),
    ),
    statementAbout: sorted(
      read.statementAbout.map((a) => ({
        ...a,
        entity_id: entities.get(a.entity_id),
        statement_id: statements.get(a.statement_id),
      })),
    ),
    claimStats: sorted(read.claimStats.map((s) => ({ ...s, entity_id: entities.get(s.entity_id) }))),
    statementStats: sorted(read.statementStats.map((s) => ({ ...s, entity_id: entities.get(s.entity_id) }))),
    terms: sorted(read.terms),
    reliability: sorted(read.reliability.map((r) => ({ ...r, entity_id: entities.get(r.entity_id) }))),
    reliabilityChanges: sorted(read.reliabilityChanges.map((r) => ({ ...r, entity_id: entities.get(r.entity_id) }))),
  };
}
