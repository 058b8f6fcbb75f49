import { type NameEntry, NameMatcher } from '@sitrep/names';

/** An entity the knowledge base already holds, with every name it goes by. */
export interface KnownEntity {
  id: string;
  name: string;
  type: 'actor' | 'installation';
  subtype: string | null;
  aliases: string[];
}

interface KnownName extends NameEntry {
  known: KnownEntity;
}

/**
 * The names a knowledge base knows, found in text the way the editor finds them: longest match,
 * case, diacritics, apostrophes, hyphens and transliteration habits folded.
 */
export class KnowledgeBase {
  private readonly matcher: NameMatcher<KnownName>;

  constructor(readonly entities: readonly KnownEntity[]) {
    const names: KnownName[] = [];
    for (const known of entities) {
      const kind = known.type === 'actor' ? 'ACTOR' : 'INSTALLATION';
      for (const name of [known.name, ...known.aliases]) names.push({ name, entity: known.id, kind, known });
    }
    this.matcher = new NameMatcher(names);
  }

  /** Every known name in `text`, left to right, never overlapping, longest first where they compete. */
  find(text: string): Array<{ start: number; end: number; entity: KnownEntity }> {
    return this.matcher.findAll(text).map(({ start, end, entry }) => ({ start, end, entity: entry.known }));
  }
}
