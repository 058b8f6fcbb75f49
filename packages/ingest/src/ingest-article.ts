import {
  type ArticleRow,
  type ClaimRow,
  type EntityRow,
  type IngestTarget,
  type IngestWrites,
  type NewMention,
  alreadyStoredMessage,
  contentHash,
  writesOf,
} from '@sitrep/db';
import { SitrepError, refuseOddText } from '@sitrep/vocabulary';
import {
  type ExtractedEntity,
  type Extraction,
  type Knowledge,
  extractArticle,
  hasDateHeader,
  readWireDateline,
} from '@sitrep/extract';
import { isAliasWorthKeeping, isGenericName } from './alias-worth-keeping';
import { findStory } from './copies/story';
import { groupClaims } from './statements/group';
import { publicationDateOf, refuseFutureDate } from './publication-date';
import { type ClaimReadings, publishedOn } from './statements/read-ahead';
import { type DatabaseKnowledge, knowledgeOf, knownEntityNamed } from './knowledge';

export interface ArticleInput {
  text: string;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  /** The byline, where a page or a feed gives one. */
  author?: string | null;
  /** Needed only when the text has no "date YYYY-MM-DD PLACE:" header. */
  publishedAt?: string | null;
  /** Names the source in error messages, e.g. a file path. */
  file?: string;
}

export interface IngestResult {
  article: ArticleRow;
  claims: ClaimRow[];
  /** Entities this article introduced (not known before). */
  createdEntities: EntityRow[];
  mentions: number;
}

/** A duplicate text is reported, not an error: ingesting a folder twice is normal. */
export class DuplicateArticle extends SitrepError {
  constructor(readonly existing: ArticleRow) {
    super('CONFLICT', alreadyStoredMessage(existing), { articleId: existing.id });
  }
}

/** The agency a wire dateline credits (`MOSCOW (AFP) -`: AFP), the outlet of a text that names none. */
function creditedAgency(text: string): string | null {
  return hasDateHeader(text) ? null : (readWireDateline(text)?.agency ?? null);
}

const words = (subtype: string) => subtype.replace(/_/g, ' ');

/**
 * The names of an extracted entity that may link it to a stored entity or be stored as its aliases:
 * its canonical name, even a description ("rebels"), so that a second article about the same thing
 * finds the entity the first one made; other names only when they are names of their own.
 */
const namesOf = (entity: ExtractedEntity) => [
  ...new Set([
    entity.name,
    ...[...entity.aliases, ...entity.mentions.map((m) => m.text)].filter((name) =>
      isAliasWorthKeeping(name, entity.name),
    ),
  ]),
];

/**
 * The stored entity an extracted one is: the known entity the extractor linked it to, else one that
 * one of its names resolves to (exactly, then with its spelling folded as the editor folds it:
 * Hmeymim is Hmeimim). Undefined for a new entity; null for one not to be stored, whose only name
 * is generic (a demonym, "Arab"; a bare noun): it would answer to that word ever after.
 */
export function findStoredEntity(
  target: IngestTarget,
  entity: ExtractedEntity,
  knowledge: DatabaseKnowledge,
  /** The stored rows of the known entities, read beforehand for a whole article; else read here. */
  knownRows?: ReadonlyMap<number, EntityRow>,
): EntityRow | null | undefined {
  const w = writesOf(target);
  if (entity.known !== undefined) {
    const id = Number(entity.known);
    const known = knownRows ? knownRows.get(id) : w.entitiesByIds([id])[0];
    if (known) return known;
  }
  if (isGenericName(entity.name)) return null;
  const names = namesOf(entity);
  for (const name of names) {
    const known = w.findEntityByAlias(name);
    if (known) return known;
  }
  for (const name of names) {
    const known = knownEntityNamed(w, knowledge, name);
    if (known) return known;
  }
  return undefined;
}

/** The stored entity for an extracted one (findStoredEntity), or a new one: linking wins over creating. */
function resolveEntity(
  w: IngestWrites,
  entity: ExtractedEntity,
  knowledge: DatabaseKnowledge,
  knownRows: ReadonlyMap<number, EntityRow>,
  created: EntityRow[],
): EntityRow | null {
  const stored = findStoredEntity(w, entity, knowledge, knownRows);
  if (stored !== undefined) return stored;
  const kind = entity.type;
  const row = w.createEntity({
    kind,
    name: entity.name,
    actorType: kind === 'actor' ? words(entity.subtype) : null,
    installationType: kind === 'installation' ? words(entity.subtype) : null,
    reviewStatus: 'candidate',
  });
  for (const alias of namesOf(entity)) {
    try {
      w.addAlias(row.id, alias);
    } catch (error) {
      // A name another entity already has stays with it; the two can be merged by a person.
      if (!(error instanceof SitrepError && error.code === 'CONFLICT')) throw error;
    }
  }
  created.push(row);
  return row;
}

/** Writes an extraction: the article, its entities (linked or new), mentions and claims. Call inside a transaction. */
function store(w: IngestWrites, { input, extraction, readings }: PreparedArticle): IngestResult {
  // Linked against the names as they are now, the articles stored before this one included.
  const knowledge = knowledgeOf(w);
  const article = w.createArticle({
    title: extraction.article.title,
    publishedAt: publishedOn(extraction, input.publishedAt),
    dateline: extraction.article.dateline,
    outlet: input.outlet ?? creditedAgency(input.text),
    url: input.url ?? null,
    author: input.author ?? null,
    text: input.text,
  });
  // Before its own fingerprints are stored, so the article is not found as a copy of itself.
  const story = findStory(w, input.text);
  w.recordStory(article.id, story.storyId, story.fingerprints);
  const created: EntityRow[] = [];
  // null: an entity not stored, whose name must not be looked up as an alias either.
  const ids = new Map<string, number | null>();
  const mentions: NewMention[] = [];
  // The entities the extraction linked, read in one query: linking only adds entities, so they are
  // as they will be when each is reached.
  const knownIds = extraction.entities.flatMap((e) => (e.known === undefined ? [] : [Number(e.known)]));
  const knownRows = new Map(
    knownIds.length === 0 ? [] : w.entitiesByIds([...new Set(knownIds)]).map((row) => [row.id, row]),
  );
  for (const entity of extraction.entities) {
    const row = resolveEntity(w, entity, knowledge, knownRows, created);
    ids.set(entity.name, row?.id ?? null);
    if (!row) continue;
    for (const mention of entity.mentions) {
      mentions.push({ articleId: article.id, entityId: row.id, start: mention.start, end: mention.end });
    }
  }
  w.createMentions(input.text, mentions);
  const idOf = (name: string | null) =>
    name == null ? null : ids.has(name) ? ids.get(name)! : (w.findEntityByAlias(name)?.id ?? null);
  const claims = w.createClaims(
    extraction.claims.map((claim) => ({
      articleId: article.id,
      quote: claim.quote,
      start: claim.start,
      end: claim.end,
      source: claim.source && {
        text: claim.source.text,
        actorId: idOf(claim.source.actor),
        count: claim.source.count,
        anonymous: claim.source.anonymous,
      },
      about: claim.about.flatMap((name) => {
        const id = idOf(name);
        return id == null ? [] : [{ entityId: id, role: 'subject' as const }];
      }),
      stance: claim.stance,
      hedged: claim.hedged,
      eventDate: claim.event_date,
      reviewStatus: 'extracted' as const,
    })),
  );
  // A bulk load sets the indexes grouping reads aside: it groups everything once they are back.
  const placed = w.isBulkLoading() ? new Map<number, number>() : groupClaims(w, claims, readings);
  return {
    article: { ...article, storyId: story.storyId },
    claims: claims.map((claim) => ({ ...claim, statementId: placed.get(claim.id) ?? null })),
    createdEntities: created,
    mentions: mentions.length,
  };
}

/** An article checked and extracted, not yet stored: extraction needs no lock, so it runs outside transactions. */
export interface PreparedArticle {
  input: ArticleInput;
  hash: string;
  extraction: Extraction;
  /** Its claims' features, where a thread read them with the article (see ClaimReadings). */
  readings?: ClaimReadings;
}

/**
 * Checks an article before anything reads it: not empty, no text that cannot be stored as given,
 * dated, not after today, and not stored already (DuplicateArticle). Returns its content hash. Cheap: the server
 * runs it on its own thread and only then hands the text to an extraction thread.
 */
export function checkArticle(target: IngestTarget, input: ArticleInput): string {
  if (input.text.trim() === '') throw new SitrepError('BAD_USER_INPUT', `${input.file ?? 'The article'} is empty.`);
  refuseOddText('The article', input.text);
  const hash = contentHash(input.text);
  const existing = writesOf(target).findArticleByHash(hash);
  if (existing) throw new DuplicateArticle(existing);
  // Over the API a missing date line can be made up for with publishedAt; a file's parser error says more.
  // Its own date line, the date it came with, or a wire dateline that writes its year.
  const date = publicationDateOf(input.text, input.publishedAt);
  if (!input.file && !date) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      'The article has no first line "date YYYY-MM-DD PLACE: …"; add one, or give its publication date (publishedAt).',
    );
  }
  if (date) refuseFutureDate(date);
  return hash;
}

/** Extracts a checked article with `knowledge`: the slow part of an ingest, and it needs no lock. */
export function extractInput(input: ArticleInput, knowledge: Knowledge): Extraction {
  return extractArticle(input.text, {
    title: input.title ?? null,
    file: input.file,
    published: input.publishedAt ?? null,
    knowledge,
  });
}

/**
 * Checks and extracts an article (checkArticle, extractInput); throws DuplicateArticle if its text
 * is stored already. `knowledge` is the database's names to extract with (by default, as they are now).
 */
export function prepareArticle(
  target: IngestTarget,
  input: ArticleInput,
  knowledge: Knowledge = knowledgeOf(target),
): PreparedArticle {
  const hash = checkArticle(target, input);
  return { input, hash, extraction: extractInput(input, knowledge) };
}

/**
 * Stores a prepared article in one transaction (a savepoint when called inside one): the article,
 * its mentions, claims and new entities all land, or none of them does.
 */
export function storeArticle(target: IngestTarget, prepared: PreparedArticle): IngestResult {
  const w = writesOf(target);
  try {
    return w.transaction(() => store(w, prepared));
  } catch (error) {
    // Another writer stored the same text between our check and our transaction.
    const stored =
      error instanceof SitrepError && error.code === 'CONFLICT' ? w.findArticleByHash(prepared.hash) : undefined;
    if (stored) throw new DuplicateArticle(stored);
    throw error;
  }
}

/**
 * Extracts and stores one article in a single transaction: the article, its mentions, claims and
 * new entities all land, or none of them does. The same text twice throws DuplicateArticle.
 */
export function ingestArticle(target: IngestTarget, input: ArticleInput): IngestResult {
  return storeArticle(target, prepareArticle(target, input));
}
