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
}

/**
 * Folds spelling variants of transliterated names so they meet: Tartous/Tartus,
 * Khmeimim/Hmeimim, Ahmed/Ahmad are one key. General Arabic-to-Latin habits, no list of names.
 */
export function nameKey(name: string): string {
  // The editor's word folding (Tartous/Tartus, Khmeimim/Hmeimim), plus what keys need beyond it.
  return foldWord(name)
    .replace(/\b(al|el|ad|an|as|ash)\s/g, '')
    .replace(/e/g, 'a');
}

const ACTOR_NOUNS =
  /\b(officials?|sources?|forces|troops|military|army|navy|government|authorities|president|minister|ministry|leader|people|businessm[ae]n|officers?|soldiers|diplomats?|state|rebels|fighters|security|intelligence|media|company|firm|embassy|spokes(?:man|woman)|regime)\b/i;

/** The entities of one article, each mention of each, and which text span is already spoken for. */
export class EntityTable {
  private readonly byKey = new Map<string, EntityRecord>();
  private readonly taken: Array<[number, number]> = [];

  get(key: string): EntityRecord | undefined {
    return this.byKey.get(key);
  }

  all(): EntityRecord[] {
    return [...this.byKey.values()];
  }

  /** The entity under `key`, created with this name and type the first time. */
  ensure(key: string, name: string, type: EntityType, subtype: string): EntityRecord {
    let entity = this.byKey.get(key);
    if (!entity) {
      entity = { key, name, type, subtype, aliases: new Set(), mentions: [], adjectival: new Set() };
      this.byKey.set(key, entity);
    }
    return entity;
  }

  isTaken(start: number, end: number): boolean {
    return this.taken.some(([s, e]) => start < e && end > s);
  }

  /** Records a mention; `claim` marks the span taken so weaker rules do not reuse it. */
  mention(entity: EntityRecord, text: string, start: number, end: number, claim = true): void {
    if (entity.mentions.some((m) => m.start === start && m.end === end)) return;
    const surface = text.slice(start, end);
    entity.mentions.push({ start, end, text: surface });
    entity.aliases.add(surface);
    // "the Kremlin", "The Tartous base": the article's own form, with its article, is a name too.
    const before = text.slice(Math.max(0, start - 4), start);
    if (/^(the|The) $/.test(before)) entity.aliases.add(`${before}${surface}`);
    if (claim) this.taken.push([start, end]);
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
        const next = text.slice(m.end, m.end + 60).match(/^\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u)?.[1] ?? '';
        return ACTOR_NOUNS.test(next);
      });
      if (!active) entity.mentions.length = 0;
    }
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
      }));
  }
}
