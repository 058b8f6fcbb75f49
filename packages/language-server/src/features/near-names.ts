import { distance } from 'fastest-levenshtein';
import { foldWord } from '@sitrep/names';
import type { DictionaryEntry } from '../dictionary';

/** Words shorter than this are too often another word altogether one letter away. */
const MIN_LETTERS = 5;

/** Edits allowed between two folded words: one for short words, two from six letters, three from eight. */
const allowed = (length: number) => (length >= 8 ? 3 : length >= 6 ? 2 : 1);

/**
 * The known names' words, folded as the matcher folds them and grouped by first letter, for
 * "did you mean": an unknown "Humaymim" is two edits from Hmeimim, a spelling the matcher's
 * folding does not meet on its own. Built once per dictionary.
 */
export class NearNames {
  private readonly byInitial = new Map<string, Array<{ folded: string; entry: DictionaryEntry }>>();

  constructor(readonly entries: readonly DictionaryEntry[]) {
    for (const entry of entries) {
      for (const word of entry.name.split(/[\s-]+/)) {
        const folded = foldWord(word);
        if (folded.length < MIN_LETTERS) continue;
        const bucket = this.byInitial.get(folded[0]!);
        if (bucket) bucket.push({ folded, entry });
        else this.byInitial.set(folded[0]!, [{ folded, entry }]);
      }
    }
  }

  /** The entry with a word nearest to `word`, if one is close enough; null for a word it already is. */
  nearest(word: string): DictionaryEntry | null {
    const folded = foldWord(word);
    if (folded.length < MIN_LETTERS) return null;
    let best: { entry: DictionaryEntry; edits: number } | null = null;
    for (const candidate of this.byInitial.get(folded[0]!) ?? []) {
      if (Math.abs(candidate.folded.length - folded.length) > allowed(folded.length)) continue;
      const edits = distance(folded, candidate.folded);
      if (edits === 0) return null;
      const better =
        !best || edits < best.edits || (edits === best.edits && candidate.entry.primary && !best.entry.primary);
      if (edits <= allowed(folded.length) && better) best = { entry: candidate.entry, edits };
    }
    return best?.entry ?? null;
  }
}
