// FNV-1a over UTF-16 code units, a step at a time, so that a reader can hash a word while it reads it.

export const HASH_SEED = 0x811c9dc5;

export function hashStep(hash: number, c: number): number {
  return Math.imul(hash ^ c, 0x01000193);
}

/** The hash of text[start, end). */
export function hashOf(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i += 1) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}
