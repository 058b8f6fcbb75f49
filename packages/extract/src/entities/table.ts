import { foldWord } from '@sitrep/names';
import type { EntityType, ExtractedEntity } from '../types';

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
  mentions: Mention[];
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

/** The entities of one article, each mention of each, and which text span is already spoken for. */
export class EntityTable {
  private readonly byKey = new Map<string, EntityRecord>();
  private readonly taken: Array<[number, number]> = [];
  /** all(), kept until an entity is added: the rules ask for it for every name and every claim. */
  private list: readonly EntityRecord[] | null = null;

  get(key: string): EntityRecord | undefined {
    return this.byKey.get(key);
  }

  all(): readonly EntityRecord[] {
    this.list ??= [...this.byKey.values()];
    return this.list;
  }

  /** The entity under `key`, created with this name and type the first time. */
  ensure(key: string, name: string, type: EntityType, subtype: string): EntityRecord {
    let entity = this.byKey.get(key);
    if (!entity) {
      entity = { key, name, type, subtype, aliases: new Set(), mentions: [], adjectival: new Set() };
      this.byKey.set(key, entity);
      this.list = null;
    }
    return entity;
  }

  isTaken(start: number, end: number): boolean {
    for (const span of this.taken) if (start < span[1] && end > span[0]) return true;
    return false;
  }

  /** Records a mention; `claim` marks the span taken so weaker rules do not reuse it. */
  mention(entity: EntityRecord, text: string, start: number, end: number, claim = true): void {
    if (entity.mentions.some((m) => m.start === start && m.end === end)) return;
    const surface = text.slice(start, end);
    entity.mentions.push({ start, end, text: surface });
    entity.aliases.add(surface);
    // "the Kremlin", "The Tartous base": the article's own form, with its article, is a name too.
    const before = text.slice(Math.max(0, start - 4), start);
    if (before === 'the ' || before === 'The ') entity.aliases.add(`${before}${surface}`);
    if (claim) this.taken.push([start, end]);
  }

  /** Of the entities `fits` accepts, the one mentioned last before `before` (a follow-up's antecedent). */
  lastMentionedBefore(before: number, fits: (entity: EntityRecord) => boolean): EntityRecord | undefined {
    let best: { entity: EntityRecord; end: number } | undefined;
    for (const entity of this.all()) {
      if (!fits(entity)) continue;
      for (const m of entity.mentions)
        if (m.end <= before && (!best || m.end > best.end)) best = { entity, end: m.end };
    }
    return best?.entity;
  }

  /** The entity with a mention covering [start, end), if any. */
  at(start: number, end: number): EntityRecord | undefined {
    return this.all().find((e) => e.mentions.some((m) => m.start <= start && m.end >= end));
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
      if (!active) entity.mentions.length = 0;
    }
  }

  /**
   * Moves `from`'s mentions and names into `into` and forgets `from`: two rules found one entity
   * under two keys (the knowledge base's "Hmeimim Air Base" and a rule's "Hmeymim airbase").
   */
  merge(from: EntityRecord, into: EntityRecord): void {
    if (from === into) return;
    for (const m of from.mentions) {
      if (into.mentions.some((n) => n.start === m.start && n.end === m.end)) continue;
      into.mentions.push(m);
      if (from.adjectival.has(m.start)) into.adjectival.add(m.start);
    }
    for (const alias of from.aliases) into.aliases.add(alias);
    into.aliases.add(from.name);
    this.byKey.delete(from.key);
    this.list = null;
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
}
