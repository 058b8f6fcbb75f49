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

/** Where the word that starts at text[i] ends: i itself when no word starts there. */
export function wordEndAt(text: string, i: number): number {
  let n = wordCharLength(text, i);
  while (n > 0) {
    i += n;
    n = wordCharLength(text, i);
    // An apostrophe between two word characters is part of the word ("Hay’at").
    if (n === 0 && i < text.length && classAt(text, i) === IS_APOSTROPHE && wordCharLength(text, i + 1) > 0) n = 1;
  }
  return i;
}

/**
 * Whether text[from, to), the gap between two words, may lie inside one name: spaces with at most one
 * line break (a blank line ends a paragraph), or one hyphen. As a regex,
 * /^(?:[ \t\u00a0]*\r?\n?[ \t\u00a0]*|[-‐‑–])$/, here read in place rather than cut out.
 */
export function joins(text: string, from: number, to: number): boolean {
  if (to - from === 1 && isHyphen(text.charCodeAt(from))) return true;
  let i = skipSpaces(text, from, to);
  if (i < to && text.charCodeAt(i) === 13) i += 1;
  if (i < to && text.charCodeAt(i) === 10) i += 1;
  return skipSpaces(text, i, to) === to;
}

function skipSpaces(text: string, i: number, to: number): number {
  for (; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) break;
  }
  return i;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/**
 * The words of a text as parallel arrays of numbers: where each starts and ends, and the ids of its
 * folded key and of its possessive stem. Reused from scan to scan, so a scan allocates nothing per word.
 */
export class Words {
  length = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  key = new Int32Array(1024);
  stem = new Int32Array(1024);

  clear(): void {
    this.length = 0;
  }

  push(start: number, end: number, key: number, stem: number): void {
    if (this.length === this.start.length) this.grow();
    const i = this.length;
    this.start[i] = start;
    this.end[i] = end;
    this.key[i] = key;
    this.stem[i] = stem;
    this.length = i + 1;
  }

  private grow(): void {
    this.start = doubled(this.start);
    this.end = doubled(this.end);
    this.key = doubled(this.key);
    this.stem = doubled(this.stem);
  }
}

/** A copy of `a` with twice the room. */
export function doubled<A extends Int32Array | Uint16Array>(a: A): A {
  const b = new (a.constructor as new (length: number) => A)(a.length * 2);
  b.set(a);
  return b;
}
