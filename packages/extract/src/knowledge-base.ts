import { type NameEntry, NameMatcher } from '@sitrep/names';
import { graphqlName } from '@sitrep/vocabulary';
import type { EntityType } from './types';

/** An entity the knowledge base already holds, with every name it goes by. */
export interface KnownEntity {
  /** How the caller refers to it (a database id, a demo key); handed back on the entities it links. */
  id: string;
  name: string;
  type: EntityType;
  /** As the extractor names subtypes (state, person, airbase, …), or null where unknown. */
  subtype: string | null;
  /** Other names, the canonical name not repeated. */
  aliases: readonly string[];
}

const MAX_REMEMBERED = 10_000;
const LEADING_THE = /^\s*(?:the\s+)?$/iu;
const POSSESSIVE_TAIL = /^(?:['’ʼ]s)?\s*$/u;

interface KnownEntry extends NameEntry {
  known: KnownEntity;
}

export interface KnownMatch {
  start: number;
  end: number;
  entity: KnownEntity;
}

/** What extraction asks of known names: a KnowledgeBase, or several read as one (see layeredKnowledge). */
export interface Knowledge {
  /** Every known name in `text`, the longest at each place, in order. */
  find(text: string): KnownMatch[];
  /** The entity a whole name stands for, if any. */
  lookup(name: string): KnownEntity | undefined;
}

/**
 * Several knowledge bases read as one (a large one built rarely, a small one of the names added
 * since): the first that knows a whole name wins; in text, the longest name at each place.
 */
export function layeredKnowledge(layers: readonly Knowledge[]): Knowledge {
  if (layers.length === 1) return layers[0]!;
  return {
    find(text) {
      const all = layers.flatMap((layer) => layer.find(text));
      all.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: KnownMatch[] = [];
      for (const match of all) if (match.start >= (kept.at(-1)?.end ?? 0)) kept.push(match);
      return kept;
    },
    lookup(name) {
      for (const layer of layers) {
        const hit = layer.lookup(name);
        if (hit) return hit;
      }
      return undefined;
    },
  };
}

/**
 * The names a knowledge base knows, matched in running text the way the editor matches them
 * (longest name, whole words, folded case, diacritics, hyphens and transliteration), so that
 * ingestion, the API and the editor agree on what a name is.
 */
export class KnowledgeBase implements Knowledge {
  private readonly matcher: NameMatcher<KnownEntry>;
  private readonly byFoldedName = new Map<string, KnownEntity>();

  constructor(readonly entities: readonly KnownEntity[]) {
    const entries: KnownEntry[] = [];
    for (const known of entities) {
      const kind = graphqlName(known.type);
      for (const name of [known.name, ...known.aliases]) entries.push({ name, entity: known.id, kind, known });
    }
    this.matcher = new NameMatcher(entries);
  }

  /** Every known name in `text`, the longest at each place. */
  find(text: string): KnownMatch[] {
    return this.matcher.findAll(text).map(({ start, end, entry }) => ({ start, end, entity: entry.known }));
  }

  /**
   * The entity a whole name stands for ("Hmeymim" for Hmeimim Air Base, "the Kremlin’s" for the
   * Kremlin), if any: one known name, with nothing around it but a leading "the" or a possessive.
   */
  lookup(name: string): KnownEntity | undefined {
    let hit = this.byFoldedName.get(name);
    if (hit === undefined) {
      const found = this.matcher.findAll(name);
      const only = found.length === 1 ? found[0]! : undefined;
      if (only && LEADING_THE.test(name.slice(0, only.start)) && POSSESSIVE_TAIL.test(name.slice(only.end)))
        hit = only.entry.known;
      // Bounded: a knowledge base lives as long as its connection's names do not change.
      if (this.byFoldedName.size >= MAX_REMEMBERED) this.byFoldedName.clear();
      if (hit) this.byFoldedName.set(name, hit);
    }
    return hit;
  }
}

// Moved to the vocabulary (export reads stored types too); kept here for extraction's callers.
export { subtypeOfStoredType } from '@sitrep/vocabulary';
