/**
 * The matches of a global `pattern` in `text`, exactly as `text.matchAll(pattern)` gives them.
 *
 * Why not matchAll: it matches with a copy of the pattern, and V8 builds that copy from the
 * pattern's source, parsing it again on every call. For a gazetteer thousands of characters long
 * that costs tens of microseconds, and even a short pattern costs more than the match itself.
 *
 * The pattern's own lastIndex is used instead, from 0, and put back to 0 when the loop ends
 * (also on `break` or `return`). So the same pattern must not be iterated again inside the loop.
 */
export function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  // Without the g flag exec ignores lastIndex and the loop would never end; matchAll throws too.
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: ${String(pattern)}`);
  pattern.lastIndex = 0;
  try {
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      // As matchAll does: an empty match moves on by one character, else it would be found forever.
      if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode);
      yield match;
    }
  } finally {
    pattern.lastIndex = 0;
  }
}

/** The index after the character at `index`: a whole surrogate pair in unicode mode. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const lead = text.charCodeAt(index);
  const trail = text.charCodeAt(index + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? index + 2 : index + 1;
}
