import { type ClaimFacts, type Statement, type StatementContradiction, StatementGrouper } from '@sitrep/corroborate';
import type { ExtractedClaim, ExtractedEntity, Extraction } from '@sitrep/extract';
import { normalizeText } from './normalize-text';

/** One article's extraction, as the statement eval reads it. */
export interface ExtractedArticle {
  /** The article's file name under `articles/`. */
  file: string;
  extraction: Extraction;
  /** The gold's publication date, used where the extraction read none. */
  published: string | null;
}

export interface GroupedClaims {
  /** The statement each extracted claim was placed in. */
  statementOf: Map<ExtractedClaim, string>;
  statements: Statement[];
  contradictions: StatementContradiction[];
}

/**
 * Entity keys across articles, as ingest links them: the knowledge base's id where extraction
 * linked one, else the first key any of the entity's names (canonical or alias) was given.
 */
class EntityKeys {
  private readonly byName = new Map<string, string>();

  keyOf(entity: ExtractedEntity): string {
    if (entity.known !== undefined) return `known ${entity.known}`;
    const names = [entity.name, ...entity.aliases].map(normalizeText).filter(Boolean);
    const key =
      names.map((n) => this.byName.get(n)).find((k) => k !== undefined) ?? `name ${normalizeText(entity.name)}`;
    for (const name of names) if (!this.byName.has(name)) this.byName.set(name, key);
    return key;
  }
}

/**
 * Feeds every article's extracted claims to one StatementGrouper in publication order (then file
 * name), as ingest would: entities keyed across articles, copies of one wire story sharing a story.
 */
export function groupArticles(articles: readonly ExtractedArticle[], copies: readonly string[][] = []): GroupedClaims {
  const storyOf = new Map<string, string>();
  for (const group of copies) for (const base of group) storyOf.set(base, group[0]!);
  const dateOf = (a: ExtractedArticle) => a.extraction.article.published ?? a.published ?? '';
  const ordered = [...articles].sort((x, y) => dateOf(x).localeCompare(dateOf(y)) || x.file.localeCompare(y.file));
  const keys = new EntityKeys();
  const grouper = new StatementGrouper();
  const statementOf = new Map<ExtractedClaim, string>();
  for (const article of ordered) {
    const base = article.file.replace(/\.txt$/, '');
    const entities = new Map(article.extraction.entities.map((e) => [e.name, e]));
    const keyOf = (name: string) => {
      const entity = entities.get(name);
      return entity ? keys.keyOf(entity) : `name ${normalizeText(name)}`;
    };
    article.extraction.claims.forEach((claim, i) => {
      const facts: ClaimFacts = {
        id: `${base}#${i}`,
        articleId: base,
        storyId: storyOf.get(base) ?? base,
        quote: claim.quote,
        about: claim.about.map(keyOf),
        installations: claim.about.filter((n) => entities.get(n)?.type === 'installation').map(keyOf),
        stance: claim.stance,
        hedged: claim.hedged,
        eventDate: claim.event_date,
        saidOn: dateOf(article) || null,
        source: claim.source && {
          text: claim.source.text,
          actor: claim.source.actor === null ? null : keyOf(claim.source.actor),
          count: claim.source.count,
          anonymous: claim.source.anonymous,
        },
      };
      statementOf.set(claim, grouper.add(facts).statementId);
    });
  }
  return { statementOf, statements: grouper.statements(), contradictions: grouper.contradictions() };
}
