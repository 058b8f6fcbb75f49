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

// Consonants (y aside): a y between two of them is a vowel, written i as often ("Syrte"/"Sirte").
const Y_AS_VOWEL = /(?<=[bcdfghjklmnpqrstvwxz])y(?=[bcdfghjklmnpqrstvwxz])/g;
// The Arabic article as transliterations write it: al-, el-, ul- (a word of its own once hyphens fold).
const ARABIC_ARTICLE = /(?<![\p{L}\p{N}])(?:el|ul)(?![\p{L}\p{N}])/gu;

/**
 * Folds one word of a name further, for matching names in running text: spelling habits of
 * Arabic transliteration meet, whichever way a writer goes (Tartous/Tartus, Khmeimim/Hmeimim,
 * Hmeymim/Hmeimim, Syrte/Sirte, Assad/Asad, el-/ul-/al-). A y is folded only as a vowel between two
 * consonants: at the end of a word it is English too often ("Sunny" is not "Sunni"), and vowels are
 * never dropped (Humaymim stays apart from Hmeimim: that takes an alias).
 */
export function foldWord(word: string): string {
  let folded = normalizeName(word).replace(/ou/g, 'u').replace(/kh/g, 'h');
  // Most words have no y and no article: a test is cheaper than a replace that finds nothing.
  if (folded.includes('y')) folded = folded.replace(/ey/g, 'ei').replace(Y_AS_VOWEL, 'i');
  if (folded.includes('l')) folded = folded.replace(ARABIC_ARTICLE, 'al');
  return folded.replace(/([a-z])\1+/g, '$1');
}
