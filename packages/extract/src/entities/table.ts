import { foldWord } from '@sitrep/names';
import type { EntityType, ExtractedEntity } from '../types';
import { type LatestIndex, latestIndex } from './latest-index';
import { type Filed, MentionIndex } from './mention-index';
import { SpanTree } from './span-tree';

export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface EntityRecord {
  key: string;
  name: string;
  type: EntityType;
  subtype: string;
  aliases: Set<string>;
  /** Changed only through the table, which indexes them. */
  readonly mentions: readonly Mention[];
  /** Starts of mentions that are a demonym used as an adjective ("Syrian"). */
  adjectival: Set<number>;
  /** The knowledge base's id for it, when it is an entity the knowledge base knows. */
  known?: string;
}

/**
 * Folds spelling variants of transliterated names so they meet: Tartous/Tartus,
 * Khmeimim/Hmeimim, Ahmed/Ahmad are one key. General Arabic-to-Latin habits, no list of names.
 */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    // The editor's word folding (Tartous/Tartus, Khmeimim/Hmeimim), plus what keys need beyond it.
    key = foldWord(name)
      .replace(/\b(al|el|ad|an|as|ash)\s/g, '')
      .replace(/e/g, 'a');
    // Bounded: a long-running process meets ever new words, and most are asked for once.
    if (nameKeys.size >= MAX_NAME_KEYS) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

// Folding is a chain of Unicode normalisation and replacements, and the same capitalised words
// come back in every sentence and every article: remember the keys of the words seen lately.
const nameKeys = new Map<string, string>();
const MAX_NAME_KEYS = 20_000;

const ACTOR_NOUNS =
  /\b(officials?|sources?|forces|troops|military|army|navy|government|authorities|president|minister|ministry|leader|people|businessm[ae]n|officers?|soldiers|diplomats?|analysts?|experts?|observers?|residents|witnesses|state|rebels|fighters|security|intelligence|services|agencies|media|company|firm|embassy|spokes(?:man|woman)|regime)\b/i;

const AGENT_COMPOUND =
  /^-(?:linked|backed|led|aligned|supported|allied|controlled|operated|funded|run|held|drafted|sponsored|proposed|brokered)\b/;
// Up to three words after a mention.
const NEXT_WORDS = /^\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u;

/** What the table keeps of each of its entities beside the record. */
interface Kept {
  /** Its place in all(): entities are listed in the order they were made. */
  rank: number;
  /** Bumped when its mentions are cleared: mentions filed before are no longer its. */
  generation: number;
}

export type FiledMention = Filed<EntityRecord, Mention>;

/**
 * The entities of one article, each mention of each, and which text span is already spoken for.
 * Every look-up by position goes through an index: the rules ask once per name, per match and
 * per claim, and a scan of every entity's mentions for each made extraction quadratic.
 */
export class EntityTable {
  private readonly byKey = new Map<string, EntityRecord>();
  private readonly kept = new Map<EntityRecord, Kept>();
  /** Spans taken, by start: a span [s, e) overlaps one iff a taken span starting before e ends after s. */
  private readonly taken: SpanTree;
  private readonly mentions: MentionIndex<EntityRecord, Mention>;
  /** all(), kept until an entity is added: the rules ask for it for every name and every claim. */
  private list: readonly EntityRecord[] | null = null;
  private ranks = 0;
  private counted = 0;
  /** Bumped by every change, so that answers kept for a state of the table are not reused after it. */
  private version = 0;
  private readonly latest = new WeakMap<(entity: EntityRecord) => boolean, LatestIndex>();

  /** `length`: of the text, for the position indexes to be made the right size at once. */
  constructor(length = 0) {
    this.taken = new SpanTree(length);
    this.mentions = new MentionIndex(length, (filed) => this.isLive(filed));
  }

  get(key: string): EntityRecord | undefined {
    return this.byKey.get(key);
  }

  all(): readonly EntityRecord[] {
    this.list ??= [...this.byKey.values()];
    this.counted += this.list.length;
    return this.list;
  }

  /**
   * How many entities and mentions the table has handed to its readers, look-up by look-up: a
   * measure of the work reading it costs, which tests hold to growing linearly with the text (a
   * rule that scans every entity for each name or claim makes it grow with the square).
   */
  get work(): number {
    return this.counted;
  }

  /** Where the entity stands in all(): earlier entities win where the rules ask for the first. */
  rankOf(entity: EntityRecord): number {
    return this.kept.get(entity)?.rank ?? Infinity;
  }

  /** The entity under `key`, created with this name and type the first time. */
  ensure(key: string, name: string, type: EntityType, subtype: string): EntityRecord {
    let entity = this.byKey.get(key);
    if (!entity) {
      entity = { key, name, type, subtype, aliases: new Set(), mentions: [], adjectival: new Set() };
      this.byKey.set(key, entity);
      this.kept.set(entity, { rank: this.ranks++, generation: 0 });
      this.list = null;
      this.version += 1;
    }
    return entity;
  }

  isTaken(start: number, end: number): boolean {
    this.counted += 1;
    return this.taken.maxEnd(0, end - 1) > start;
  }

  /**
   * Records a mention; `claim` marks the span taken so weaker rules do not reuse it. Returns
   * whether it is new (an entity is mentioned once at each span).
   */
  mention(entity: EntityRecord, text: string, start: number, end: number, claim = true): boolean {
    if (this.count(this.mentions.startingAt(start)).some((f) => f.entity === entity && f.mention.end === end))
      return false;
    const surface = text.slice(start, end);
    this.file(entity, { start, end, text: surface });
    entity.aliases.add(surface);
    // "the Kremlin", "The Tartous base": the article's own form, with its article, is a name too.
    const before = text.slice(Math.max(0, start - 4), start);
    if (before === 'the ' || before === 'The ') entity.aliases.add(`${before}${surface}`);
    if (claim) this.taken.add(start, end);
    return true;
  }

  /**
   * Of the entities `fits` accepts, the one mentioned last before `before` (a follow-up's
   * antecedent): the latest end, and between equal ends the first entity, then its first mention.
   */
  lastMentionedBefore(before: number, fits: (entity: EntityRecord) => boolean): EntityRecord | undefined {
    return this.latestBefore(before, fits)?.entity;
  }

  /**
   * lastMentionedBefore, and where that mention ends. `fits` should be one function, not a new
   * one for each call: the answers are indexed by it until the table changes.
   */
  latestBefore(
    before: number,
    fits: (entity: EntityRecord) => boolean,
  ): { entity: EntityRecord; end: number } | undefined {
    let index = this.latest.get(fits);
    if (index?.version !== this.version) {
      index = latestIndex(this.version, this.all(), fits, (e) => this.rankOf(e));
      this.latest.set(fits, index);
      this.counted += index.size;
    }
    this.counted += 1;
    return index.before(before);
  }

  /** The entity with a mention covering [start, end), if any: the first of them. */
  at(start: number, end: number): EntityRecord | undefined {
    return this.first(this.count(this.mentions.covering(start, end)));
  }

  /** The first entity with a mention that `fits` among those ending in [from, to] (a short range). */
  endingIn(from: number, to: number, fits: (filed: FiledMention) => boolean = () => true): EntityRecord | undefined {
    return this.first(this.count(this.mentions.endingIn(from, to)).filter(fits));
  }

  /** The mentions overlapping [start, end), in no order. */
  overlapping(start: number, end: number): FiledMention[] {
    return this.count(this.mentions.overlapping(start, end));
  }

  /** The mentions inside [start, end], in no order. */
  inside(start: number, end: number): FiledMention[] {
    return this.count(this.mentions.inside(start, end));
  }

  /** The entities of these mentions, each once, in the order of all(). */
  entitiesOf(found: readonly FiledMention[]): EntityRecord[] {
    return this.ordered(new Set(found.map((f) => f.entity)));
  }

  /** These entities in the order of all(). */
  ordered(entities: Iterable<EntityRecord>): EntityRecord[] {
    return [...entities].sort((a, b) => this.rankOf(a) - this.rankOf(b));
  }

  private count<T>(found: T[]): T[] {
    this.counted += found.length + 1;
    return found;
  }

  private first(found: readonly FiledMention[]): EntityRecord | undefined {
    let best: EntityRecord | undefined;
    for (const { entity } of found) if (!best || this.rankOf(entity) < this.rankOf(best)) best = entity;
    return best;
  }

  /**
   * Drops states named only in passing by an adjective ("French colonial rule"): a state counts
   * when named, or when its demonym describes people or forces ("Syrian officials").
   */
  dropPassingStates(text: string): void {
    for (const entity of this.all()) {
      if (entity.subtype !== 'state') continue;
      const active = entity.mentions.some((m) => {
        if (!entity.adjectival.has(m.start)) return true;
        // "Iranian-linked targets", "Turkish-operated bases": the state acts through the compound.
        if (AGENT_COMPOUND.test(text.slice(m.end, m.end + 16))) return true;
        const next = NEXT_WORDS.exec(text.slice(m.end, m.end + 60))?.[1] ?? '';
        return ACTOR_NOUNS.test(next);
      });
      if (!active) this.clear(entity);
    }
  }

  /**
   * Moves `from`'s mentions and names into `into` and forgets `from`: two rules found one entity
   * under two keys (the knowledge base's "Hmeimim Air Base" and a rule's "Hmeymim airbase").
   */
  merge(from: EntityRecord, into: EntityRecord): void {
    if (from === into) return;
    for (const m of from.mentions) {
      if (this.count(this.mentions.startingAt(m.start)).some((f) => f.entity === into && f.mention.end === m.end))
        continue;
      this.file(into, m);
      if (from.adjectival.has(m.start)) into.adjectival.add(m.start);
    }
    for (const alias of from.aliases) into.aliases.add(alias);
    into.aliases.add(from.name);
    this.byKey.delete(from.key);
    this.kept.delete(from);
    this.list = null;
    this.version += 1;
  }

  /**
   * Gives `from`'s mentions and names to `into`, as they are, and leaves `from` with none: the
   * text names one entity two ways ("X, also known as Y"; "STG Stroytransgaz" and "Stroytransgaz").
   */
  absorb(from: EntityRecord, into: EntityRecord): void {
    for (const m of from.mentions) this.file(into, m);
    for (const alias of from.aliases) into.aliases.add(alias);
    this.clear(from);
  }

  toOutput(): ExtractedEntity[] {
    return this.all()
      .filter((e) => e.mentions.length > 0)
      .map((e) => ({
        name: e.name,
        type: e.type,
        subtype: e.subtype,
        aliases: [...e.aliases].filter((a) => a !== e.name),
        mentions: [...e.mentions].sort((a, b) => a.start - b.start),
        ...(e.known === undefined ? {} : { known: e.known }),
      }));
  }

  private file(entity: EntityRecord, mention: Mention): void {
    const kept = this.kept.get(entity)!;
    const mentions = entity.mentions as Mention[];
    this.mentions.add({ entity, mention, index: mentions.length, generation: kept.generation });
    mentions.push(mention);
    this.version += 1;
  }

  private clear(entity: EntityRecord): void {
    (entity.mentions as Mention[]).length = 0;
    const kept = this.kept.get(entity);
    if (kept) kept.generation += 1;
    this.version += 1;
  }

  private isLive({ entity, generation }: FiledMention): boolean {
    const kept = this.kept.get(entity);
    return kept !== undefined && kept.generation === generation;
  }
}
