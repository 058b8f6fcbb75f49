import { foldWord, normalizeName } from '@sitrep/names';
import type { DictionaryEntry } from '../dictionary';

/**
 * Known names by the start of each of their words, sorted, so a prefix is two binary searches
 * however many names there are ("Gol" finds al-Golani, "Tart" Tartus naval facility). Each word is
 * kept as written and as folded for transliteration ("Khmei" finds Hmeimim), like the matcher.
 */
export class CompletionIndex {
  private readonly keys: string[] = [];
  private readonly owners: number[] = [];

  constructor(readonly entries: readonly DictionaryEntry[]) {
    const pairs: Array<[string, number]> = [];
    entries.forEach((entry, index) => {
      const words = normalizeName(entry.name).split(' ');
      words.forEach((_, at) => {
        const rest = words.slice(at).join(' ');
        pairs.push([rest, index]);
        const folded = words.slice(at).map(foldWord).join(' ');
        if (folded !== rest) pairs.push([folded, index]);
      });
    });
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    for (const [key, owner] of pairs) {
      this.keys.push(key);
      this.owners.push(owner);
    }
  }

  /** Entries with a word starting with `prefix`, own names and shorter names first, at most `limit`. */
  find(prefix: string, limit: number): DictionaryEntry[] {
    const found = new Set<number>();
    for (const key of new Set([normalizeName(prefix), foldWord(prefix)])) {
      if (!key) continue;
      for (let i = this.lowerBound(key); i < this.keys.length && this.keys[i]!.startsWith(key); i++) {
        found.add(this.owners[i]!);
        // Enough to rank from: a common prefix in a big dictionary would otherwise list thousands.
        if (found.size >= limit * 4) break;
      }
    }
    return [...found]
      .map((index) => this.entries[index]!)
      .sort((a, b) => Number(b.primary) - Number(a.primary) || a.name.length - b.name.length)
      .slice(0, limit);
  }

  private lowerBound(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid]! < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
