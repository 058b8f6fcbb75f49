import type { EntityKind, GraphQLName } from '@sitrep/vocabulary';
import { foldWord, normalizeName } from './normalize';
import { NameTrie, ROOT } from './name-trie';
import { SliceMap } from './slice-map';
import { WordReader } from './word-reader';
import { Words, joins } from './words';

export interface NameEntry {
  name: string;
  /** The entity the name stands for (in the API, its global ID). */
  entity: string;
  kind: GraphQLName<EntityKind>;
}

export interface NameMatch<E extends NameEntry = NameEntry> {
  start: number;
  end: number;
  entry: E;
}

/** What one spelling met in text means to the trie: the ids of its folded key and of its possessive stem. */
interface Spelling {
  readonly key: number;
  /** The key without a possessive ’s, for a name's last word ("Russia’s"); NONE when not possessive. */
  readonly stem: number;
}

/** The id of a key that is in no name. */
const NONE = -1;

/** What most words of a text mean: one object for all of them, known by its identity alone. */
const UNNAMED: Spelling = { key: NONE, stem: NONE };

const POSSESSIVE = /['’ʼ][sS]$/u;

/**
 * Finds known names in text: the longest name at each place, whole words only, ignoring case,
 * diacritics, apostrophes, hyphens and transliteration habits; a possessive ends a name.
 */
export class NameMatcher<E extends NameEntry = NameEntry> {
  private readonly trie = new NameTrie<E>();
  private longest = 0;
  /** Every folded word key of every name, by id: the trie and the scan compare numbers, not strings. */
  private readonly keyIds = new Map<string, number>();
  // Folding a word (NFKD, marks, case, transliteration) is costly, and running text repeats a small
  // vocabulary: remember what each distinct spelling means (bounded, so a long session cannot grow
  // it without end).
  private readonly spellings = new SliceMap<Spelling>();
  /** The last scan's words, kept for the next scan to fill again (they grow to the longest text scanned). */
  private readonly words = new Words();
  private readonly reader = new WordReader();
  /** Names known. */
  readonly size: number;
  /** Entities those names stand for. */
  readonly entities: number;

  constructor(entries: readonly E[]) {
    let size = 0;
    const entities = new Set<string>();
    for (const entry of entries) {
      const keys = normalizeName(entry.name).split(' ').filter(Boolean).map(foldWord);
      if (keys.length === 0) continue;
      let node = ROOT;
      for (const key of keys) node = this.trie.childOrNew(node, this.idOf(key));
      // The first entity to claim a name keeps it (the server guarantees one owner per name).
      if (!this.trie.valueAt(node)) {
        this.trie.setValue(node, entry);
        size += 1;
        entities.add(entry.entity);
      }
      this.longest = Math.max(this.longest, keys.length);
    }
    this.size = size;
    this.entities = entities.size;
  }

  private idOf(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
    }
    return id;
  }

  /** Folds a spelling not met before and remembers what it means. */
  private learn(raw: string): Spelling {
    const stem = POSSESSIVE.test(raw) ? this.keyIds.get(foldWord(raw.slice(0, -2))) : undefined;
    const key = this.keyIds.get(foldWord(raw)) ?? NONE;
    const spelling = key === NONE && stem === undefined ? UNNAMED : { key, stem: stem ?? NONE };
    if (this.spellings.size >= 200_000) this.spellings.clear();
    this.spellings.add(raw, spelling);
    return spelling;
  }

  /**
   * The words that start in text[from, to) (the last one read whole, even past `to`) and are in some
   * name: most words of a text are in none. Leaving them out changes no match, since the gap between
   * the known words around one has a letter in it, which no name's words may have between them.
   */
  private wordsOf(text: string, from: number, to: number): Words {
    const { words, reader, spellings } = this;
    words.clear();
    for (let end = reader.next(text, from, to); end >= 0; end = reader.next(text, end, to)) {
      const i = reader.start;
      const spelling = spellings.get(text, i, end, reader.hash) ?? this.learn(text.slice(i, end));
      if (spelling !== UNNAMED) words.push(i, end, spelling.key, spelling.stem);
    }
    return words;
  }

  /** The longest name that starts at word i, if any. */
  private matchFrom(text: string, words: Words, i: number): NameMatch<E> | null {
    const { start, end, key, stem } = words;
    const trie = this.trie;
    const last = Math.min(words.length, i + this.longest);
    let node = ROOT;
    // The best so far as numbers, made into a match once at the end: most words start no name.
    let bestEnd = -1;
    let bestEntry: E | undefined;
    for (let j = i; j < last; j += 1) {
      if (j > i && !joins(text, end[j - 1]!, start[j]!)) break;
      if (stem[j] !== NONE) {
        // "Russia’s": the stem may end a name here; the whole word may go on ("Hay’at …").
        const entry = trie.valueAt(trie.child(node, stem[j]!));
        if (entry !== undefined) {
          bestEnd = end[j]! - 2;
          bestEntry = entry;
        }
      }
      node = trie.child(node, key[j]!);
      if (node === ROOT) break;
      const entry = trie.valueAt(node);
      if (entry !== undefined) {
        bestEnd = end[j]!;
        bestEntry = entry;
      }
    }
    return bestEntry === undefined ? null : { start: start[i]!, end: bestEnd, entry: bestEntry };
  }

  /** Every name in the text, left to right, never overlapping, longest first where they compete. */
  findAll(text: string): NameMatch<E>[] {
    const words = this.wordsOf(text, 0, text.length);
    const found: NameMatch<E>[] = [];
    for (let i = 0; i < words.length; i += 1) {
      const match = this.matchFrom(text, words, i);
      if (!match) continue;
      found.push(match);
      while (i + 1 < words.length && words.start[i + 1]! < match.end) i += 1;
    }
    return found;
  }

  /** The longest name covering `offset` (as a hover asks), looking only at the paragraph around it. */
  findAt(text: string, offset: number): NameMatch<E> | null {
    const from = paragraphStart(text, offset);
    const to = paragraphEnd(text, offset);
    const words = this.wordsOf(text, from, to);
    let best: NameMatch<E> | null = null;
    for (let i = 0; i < words.length && words.start[i]! <= offset; i += 1) {
      const match = this.matchFrom(text, words, i);
      if (!match) continue;
      // A possessive belongs to the name it follows: hovering the "s" of "Russia’s" is hovering Russia.
      const reach = /^['’ʼ]s/u.test(text.slice(match.end, match.end + 2)) ? 2 : 0;
      if (
        match.start <= offset &&
        offset <= match.end + reach &&
        (!best || match.end - match.start > best.end - best.start)
      ) {
        best = match;
      }
    }
    return best;
  }
}

// A paragraph is bounded by blank lines; a hover never looks further than this either way.
const REACH = 4000;

function paragraphStart(text: string, offset: number): number {
  const floor = Math.max(0, offset - REACH);
  const blank = text.slice(floor, offset).search(/\n[ \t]*\r?\n(?![\s\S]*\n[ \t]*\r?\n)/);
  return blank < 0 ? floor : floor + blank + 1;
}

function paragraphEnd(text: string, offset: number): number {
  const ceiling = Math.min(text.length, offset + REACH);
  const blank = text.slice(offset, ceiling).search(/\n[ \t]*\r?\n/);
  return blank < 0 ? ceiling : offset + blank;
}
