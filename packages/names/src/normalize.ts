const COMBINING_MARKS = /\p{M}+/gu;
// Apostrophes and letter-like quote marks vanish: "Russia’s" and "Russias" fold together,
// and Arabic transliterations drop their ʿayn/hamza marks.
const APOSTROPHES = /['’‘`´ʼʻʿʾ]/gu;
const DASHES_AND_SPACE = /[\s\-‐‑‒–—_]+/gu;
const LEADING_ARTICLE = /^the /u;

/**
 * Folds a name for exact, indexed look-up: case, diacritics, apostrophes, hyphens and a
 * leading "the" do not matter ("al-Golani" = "Al Golani", "the Kremlin" = "Kremlin").
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(DASHES_AND_SPACE, ' ')
    .toLowerCase()
    .trim()
    .replace(LEADING_ARTICLE, '');
}

/**
 * The look-up keys to try for a name as typed, most specific first: the name itself,
 * then without a possessive ("Russia’s" → "Russia").
 */
export function lookupKeys(name: string): string[] {
  const key = normalizeName(name);
  const keys = [key];
  const withoutPossessive = normalizeName(name.replace(/['’]s$/u, '').replace(/s['’]$/u, 's'));
  if (withoutPossessive !== key && withoutPossessive.length > 0) keys.push(withoutPossessive);
  return keys;
}

/**
 * Folds one word of a name further, for matching names in running text: spelling habits of
 * Arabic transliteration meet (Tartous/Tartus, Khmeimim/Hmeimim, Assad/Asad).
 */
export function foldWord(word: string): string {
  return normalizeName(word)
    .replace(/ou/g, 'u')
    .replace(/kh/g, 'h')
    .replace(/([a-z])\1+/g, '$1');
}
