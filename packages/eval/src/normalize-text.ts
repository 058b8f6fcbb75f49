/**
 * The corpus README's comparison form: Unicode NFKC, case folding, `’` → `'`, white space collapsed.
 * JavaScript has no full case fold; upper- then lower-casing gets its multi-letter folds (ß → ss,
 * final ς → σ), and a second NFKC recomposes what casing decomposed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replaceAll('\u2019', "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Words for the attribution rule: normalised, split on anything that is not a letter or digit. */
export function words(text: string): string[] {
  // Combining marks count as part of a letter, so a decomposed accent does not split a word.
  return normalizeText(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== '');
}
