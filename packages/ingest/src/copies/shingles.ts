// Copies of one wire story are found by the runs of words they share: each article is cut into
// word 5-grams ("shingles"), hashed to 32 bits. Five words are rare enough that two reports of the
// same event in their own words share few, and short enough that a cut or lightly edited copy
// keeps most of them. No npm package for this is kept up (minhash 0.0.9, simhash-js 1.0.0, both
// years without a release), and the whole of it is the forty lines below.

const SHINGLE_WORDS = 5;
/** One shingle hash in this many is stored as a fingerprint (0 mod p sampling). */
export const FINGERPRINT_SAMPLE = 8;

// The corpus's first line ("date 2024-12-15 DAMASCUS:") is ours, not the story's: a re-datelined copy differs there.
const HEADER = /^\s*date\s+\d{4}-\d{2}-\d{2}\b[^:\n]*:?/;
const WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a over a word's UTF-16 code units. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/** Murmur3's finaliser: spreads the bits so that `% FINGERPRINT_SAMPLE` samples evenly. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The distinct shingle hashes of a text, sorted. Case and punctuation do not count. */
export function shingles(text: string): Uint32Array {
  const words = text.replace(HEADER, '').toLowerCase().match(WORD) ?? [];
  const hashes = words.map(hashWord);
  const out = new Uint32Array(Math.max(0, hashes.length - SHINGLE_WORDS + 1));
  for (let i = 0; i < out.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = Math.imul(h ^ hashes[i + j]!, 0x01000193);
    out[i] = mix(h);
  }
  out.sort();
  return unique(out);
}

function unique(sorted: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/** The shingles stored for look-up: a fixed eighth of them, the same eighth in every article. */
export const fingerprints = (all: Uint32Array): number[] => Array.from(all.filter((h) => h % FINGERPRINT_SAMPLE === 0));

/** How many shingles two sorted sets share. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** The share of the shorter text's shingles that the other has too: 1 for a cut copy, near 0 for two reports. */
export const containment = (a: Uint32Array, b: Uint32Array): number =>
  Math.min(a.length, b.length) === 0 ? 0 : sharedCount(a, b) / Math.min(a.length, b.length);
