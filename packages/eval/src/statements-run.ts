import {
  type ClaimFacts,
  type GrouperOptions,
  type Statement,
  type StatementContradiction,
  StatementGrouper,
  type TermWeights,
} from '@sitrep/corroborate';
import type { ExtractedClaim, ExtractedEntity, Extraction } from '@sitrep/extract';
import { foldWord, normalizeName } from '@sitrep/names';
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
  /** What the grouper was given for each extracted claim, and the term weights it learnt: for explaining. */
  factsOf: Map<ExtractedClaim, ClaimFacts>;
  weights: TermWeights;
}

// Words that say what kind of installation a name is, not which: "Tartous naval facility" and
// "Tartus base" are one place.
const INSTALLATION_WORDS = new Set(
  'air airbase airfield airport base facility field harbor harbour hub logistics military naval navy port station commercial main'.split(
    ' ',
  ),
);

/**
 * Entity keys across articles, approximating how ingest links entities (by name and alias, with
 * spellings folded: Tartous is Tartus): the knowledge base's id where extraction linked one, else
 * the first key one of its folded names was given. An installation is also known by its name
 * without the words for its kind.
 */
class EntityKeys {
  private readonly byName = new Map<string, string>();

  keyOf(entity: ExtractedEntity): string {
    if (entity.known !== undefined) return `known ${entity.known}`;
    const folded = (name: string) => normalizeName(name).split(' ').filter(Boolean).map(foldWord);
    // A name made only of words for a kind ("the base") names no one place: it links nothing.
    const names = [entity.name, ...entity.aliases]
      .map(folded)
      .filter((words) => words.some((w) => !INSTALLATION_WORDS.has(w)));
    const keys = names.map((words) => words.join(' '));
    if (entity.type === 'installation')
      for (const words of names) {
        const core = words.filter((w) => !INSTALLATION_WORDS.has(w));
        if (core.length > 0) keys.push(`installation ${core.join(' ')}`);
      }
    const key = keys.map((k) => this.byName.get(k)).find((k) => k !== undefined) ?? `name ${keys[0] ?? entity.name}`;
    for (const k of keys) if (!this.byName.has(k)) this.byName.set(k, key);
    return key;
  }
}

/**
 * Feeds every article's extracted claims to one StatementGrouper in publication order (then file
 * name), as ingest would: entities keyed across articles, copies of one wire story sharing a story.
 */
export function groupArticles(
  articles: readonly ExtractedArticle[],
  copies: readonly string[][] = [],
  options: GrouperOptions = {},
): GroupedClaims {
  const storyOf = new Map<string, string>();
  for (const group of copies) for (const base of group) storyOf.set(base, group[0]!);
  const dateOf = (a: ExtractedArticle) => a.extraction.article.published ?? a.published ?? '';
  const ordered = [...articles].sort((x, y) => dateOf(x).localeCompare(dateOf(y)) || x.file.localeCompare(y.file));
  const keys = new EntityKeys();
  const grouper = new StatementGrouper(options);
  const statementOf = new Map<ExtractedClaim, string>();
  const factsOf = new Map<ExtractedClaim, ClaimFacts>();
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
      factsOf.set(claim, facts);
      statementOf.set(claim, grouper.add(facts).statementId);
    });
  }
  // A statement may have been merged into another after a claim was placed in it: read where each
  // claim ended up.
  const statements = grouper.statements();
  const finalOf = new Map(statements.flatMap((st) => st.claims.map((c) => [c.id, st.id] as const)));
  for (const [claim, facts] of factsOf) statementOf.set(claim, finalOf.get(facts.id)!);
  return {
    statementOf,
    statements,
    contradictions: grouper.contradictions(),
    factsOf,
    weights: grouper.terms,
  };
}
