import { foldWord, normalizeName } from '@sitrep/names';

export interface NameEntry {
  name: string;
  /** Global ID of the entity the name stands for. */
  entity: string;
  kind: 'ACTOR' | 'INSTALLATION';
}

export interface NameMatch {
  start: number;
  end: number;
  entry: NameEntry;
}

interface Word {
  start: number;
  end: number;
  key: string;
  /** The key without a possessive ’s, for a name's last word ("Russia’s"). */
  stem: string | null;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  entry?: NameEntry;
}

// A word: letters, digits and marks, with apostrophes inside ("Hay’at", "Russia’s"). Hyphens split words,
// as they do in normalizeName, so "al-Golani" is two words.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
// Between two words of one name: spaces, one line break, or a hyphen. A blank line ends a paragraph.
const JOINER = /^(?:[ \t\u00a0]*\r?\n?[ \t\u00a0]*|[-‐‑–])$/;

// Folding a word (NFKD, marks, case, transliteration) is most of a scan's cost, and running text
// repeats a small vocabulary: remember each distinct spelling's key (bounded, so a long session
// cannot grow it without end).
const foldedWords = new Map<string, string>();
function fold(raw: string): string {
  let key = foldedWords.get(raw);
  if (key === undefined) {
    key = foldWord(raw);
    if (foldedWords.size >= 200_000) foldedWords.clear();
    foldedWords.set(raw, key);
  }
  return key;
}

function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const raw = m[0];
    const last = raw.charCodeAt(raw.length - 1);
    const possessive = (last === 115 || last === 83) && /['’ʼ][sS]$/u.test(raw);
    words.push({
      start: m.index,
      end: m.index + raw.length,
      key: fold(raw),
      stem: possessive ? fold(raw.slice(0, -2)) : null,
    });
  }
  return words;
}

/**
 * Finds known names in text: the longest name at each place, whole words only, ignoring case,
 * diacritics, apostrophes, hyphens and transliteration habits; a possessive ends a name.
 */
export class NameMatcher {
  private readonly root: TrieNode = { children: new Map() };
  private longest = 0;
  /** Names known. */
  readonly size: number;
  /** Entities those names stand for. */
  readonly entities: number;

  constructor(entries: readonly NameEntry[]) {
    let size = 0;
    const entities = new Set<string>();
    for (const entry of entries) {
      const keys = normalizeName(entry.name).split(' ').filter(Boolean).map(foldWord);
      if (keys.length === 0) continue;
      let node = this.root;
      for (const key of keys) {
        let next = node.children.get(key);
        if (!next) {
          next = { children: new Map() };
          node.children.set(key, next);
        }
        node = next;
      }
      // The first entity to claim a name keeps it (the server guarantees one owner per name).
      if (!node.entry) {
        node.entry = entry;
        size += 1;
        entities.add(entry.entity);
      }
      this.longest = Math.max(this.longest, keys.length);
    }
    this.size = size;
    this.entities = entities.size;
  }

  /** The longest name that starts at words[i], if any. */
  private matchFrom(text: string, words: Word[], i: number): NameMatch | null {
    let node: TrieNode | undefined = this.root;
    let best: NameMatch | null = null;
    for (let j = i; j < words.length && j - i < this.longest; j += 1) {
      const word = words[j]!;
      if (j > i && !JOINER.test(text.slice(words[j - 1]!.end, word.start))) break;
      if (word.stem !== null) {
        // "Russia’s": the stem may end a name here; the whole word may go on ("Hay’at …").
        const stemNode = node.children.get(word.stem);
        if (stemNode?.entry) best = { start: words[i]!.start, end: word.end - 2, entry: stemNode.entry };
      }
      node = node.children.get(word.key);
      if (!node) break;
      if (node.entry) best = { start: words[i]!.start, end: word.end, entry: node.entry };
    }
    return best;
  }

  /** Every name in the text, left to right, never overlapping, longest first where they compete. */
  findAll(text: string): NameMatch[] {
    const words = wordsOf(text);
    const found: NameMatch[] = [];
    for (let i = 0; i < words.length; i += 1) {
      const match = this.matchFrom(text, words, i);
      if (!match) continue;
      found.push(match);
      while (i + 1 < words.length && words[i + 1]!.start < match.end) i += 1;
    }
    return found;
  }

  /** The longest name covering `offset` (as a hover asks), looking only at the paragraph around it. */
  findAt(text: string, offset: number): NameMatch | null {
    const from = paragraphStart(text, offset);
    const to = paragraphEnd(text, offset);
    const words = wordsOf(text, from, to);
    let best: NameMatch | null = null;
    for (let i = 0; i < words.length && words[i]!.start <= offset; i += 1) {
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
