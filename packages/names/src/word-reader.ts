import { HASH_SEED, hashStep } from './hash';

// Reading words out of a document by hand, one character class at a time: a regex match per word
// (an array and a string each) and an object per word cost more than all the rest of a scan.

// A word: letters, digits and marks, with apostrophes inside ("Hay’at", "Russia’s"). Hyphens split words,
// as they do in normalizeName, so "al-Golani" is two words. These two classes define what the scan reads:
// as a regex, a word is /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/u.
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const APOSTROPHE = /^['’ʼ]$/u;

// Character classes by UTF-16 code unit, learned on first sight (ASCII up front).
const UNKNOWN = 0;
const IS_WORD = 1;
const IS_APOSTROPHE = 2;
const IS_OTHER = 3;
/** The first half of a surrogate pair: the pair (a character outside the BMP) may be a letter. */
const IS_HIGH_SURROGATE = 4;
const classes = new Uint8Array(0x10000);
for (let c = 0; c < 128; c += 1) classes[c] = classify(c);

function classify(c: number): number {
  if (c >= 0xd800 && c <= 0xdbff) return IS_HIGH_SURROGATE;
  const char = String.fromCharCode(c);
  return WORD_CHAR.test(char) ? IS_WORD : APOSTROPHE.test(char) ? IS_APOSTROPHE : IS_OTHER;
}

function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let cls = classes[c]!;
  if (cls === UNKNOWN) {
    cls = classify(c);
    classes[c] = cls;
  }
  return cls;
}

/** How many code units the word character at text[i] takes: 0 when it is none (or i is past the end). */
function wordCharLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const cls = classAt(text, i);
  if (cls === IS_WORD) return 1;
  if (cls === IS_HIGH_SURROGATE && i + 1 < text.length) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  return 0;
}

/**
 * How many code units at text[i], just after a word character, carry the word on: for what the reader's
 * fast path leaves (a character not classed yet, a letter outside the BMP, an apostrophe).
 */
function continuation(text: string, i: number): number {
  const n = wordCharLength(text, i);
  if (n > 0) return n;
  // An apostrophe between two word characters is part of the word ("Hay’at").
  return classAt(text, i) === IS_APOSTROPHE && wordCharLength(text, i + 1) > 0 ? 1 : 0;
}

/**
 * Finds words and hashes them (as SliceMap hashes keys) in one pass over their characters: reading each
 * word once to find its end and again to hash it cost a scan a third of its time.
 */
export class WordReader {
  /** Where the word last found starts. */
  start = 0;
  /** The hash of the word last read. */
  hash = 0;

  /** Finds the first word that starts in text[from, to): where it ends (read whole, even past `to`), or -1. */
  next(text: string, from: number, to: number): number {
    let i = from;
    let c = 0;
    let first = 0;
    for (; ; i += 1) {
      if (i >= to) return -1;
      c = text.charCodeAt(i);
      first = classes[c]!;
      if (first === IS_WORD) break;
      if (first !== IS_OTHER && wordCharLength(text, i) > 0) break;
    }
    const start = i;
    const length = text.length;
    let hash = HASH_SEED;
    if (first !== IS_WORD && wordCharLength(text, i) === 2) {
      hash = hashStep(hash, c);
      i += 1;
      c = text.charCodeAt(i);
    }
    // Each turn takes the code unit c at i, whose place in the word is settled, and looks at the next.
    // The common case (a letter, a digit) costs a load and a compare, so it comes first.
    for (;;) {
      hash = hashStep(hash, c);
      i += 1;
      if (i >= length) break;
      c = text.charCodeAt(i);
      const cls = classes[c]!;
      if (cls === IS_WORD) continue;
      if (cls === IS_OTHER) break;
      // What precedes is a word character, never an apostrophe: one is only taken with the letter after it.
      const n = continuation(text, i);
      if (n === 0) break;
      if (n === 2) {
        hash = hashStep(hash, c);
        i += 1;
        c = text.charCodeAt(i);
      }
    }
    this.start = start;
    this.hash = hash;
    return i;
  }
}

const reader = new WordReader();

/** Where the word that starts at text[i] ends: i itself when no word starts there. */
export function wordEndAt(text: string, i: number): number {
  return wordCharLength(text, i) === 0 ? i : reader.next(text, i, i + 1);
}
