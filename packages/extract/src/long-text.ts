import type { Token } from './segment';

/**
 * The longest run of characters between wink's separators that wink is given to read. wink tests
 * every new word against /[a-z].*\.$/i (its abbreviation feature), which takes time quadratic in
 * the word's length: one 100 KB "word" took 6 s, 500 KB took 140 s. English words stay under 50
 * characters (the corpus' longest run is 18); a longer run is a URL, a hash or a paste.
 */
export const MAX_WORD_CHARS = 64;

/**
 * The longest sentence the rules read, in characters. A longer one is text the splitter found no
 * end in (a list, a paste, a hostile input), and is read as pieces of at most this length. The
 * rules read each sentence with patterns and scans that may cost the square of its length, which
 * this bounds: however the text is punctuated, their cost grows linearly with it. The corpus'
 * longest sentence has 625 characters; 2,000 is over 300 words, far beyond any in news copy, and
 * the length up to which findFrames searches a sentence for attributions.
 */
export const MAX_SENTENCE_CHARS = 2_000;

// wink's own separators (its model's `splitter`): what lies between two of them is one raw token.
function isWinkSeparator(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    (code >= 0x2002 && code <= 0x2005) ||
    code === 0x2009 ||
    code === 0x200a ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** The [start, end) of each run between wink's separators longer than MAX_WORD_CHARS. */
export function longRuns(body: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= body.length; i += 1) {
    if (i < body.length && !isWinkSeparator(body.charCodeAt(i))) continue;
    if (i - start > MAX_WORD_CHARS) runs.push([start, i]);
    start = i + 1;
  }
  return runs;
}

/** `body` with each run blanked out by as many spaces: wink reads around them, offsets unchanged. */
export function blankRuns(body: string, runs: ReadonlyArray<[number, number]>): string {
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of runs) {
    parts.push(body.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(body.slice(at));
  return parts.join('');
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A long run as tokens of at most MAX_WORD_CHARS (a surrogate pair kept whole), tagged X (other). */
export function runTokens(body: string, [start, end]: [number, number], offset: number): Token[] {
  const tokens: Token[] = [];
  for (let at = start; at < end;) {
    let to = Math.min(end, at + MAX_WORD_CHARS);
    if (to < end && isHighSurrogate(body.charCodeAt(to - 1)) && isLowSurrogate(body.charCodeAt(to))) to -= 1;
    tokens.push({ start: offset + at, end: offset + to, text: body.slice(at, to), pos: 'X' });
    at = to;
  }
  return tokens;
}

const CLAUSE_END = new Set([',', ';', ':', '—', '–', '.', '!', '?', '…']);

/**
 * A sentence's tokens cut into pieces of at most MAX_SENTENCE_CHARS: after the last clause
 * punctuation of the piece's second half, else after its last token followed by a space, else
 * where the limit falls. Tokens are shorter than half the limit (MAX_WORD_CHARS), so each token is
 * looked at no more than twice.
 */
export function cutLongSentence(tokens: readonly Token[]): Token[][] {
  const pieces: Token[][] = [];
  let first = 0;
  while (first < tokens.length) {
    const from = tokens[first]!.start;
    let last = first;
    let clause = -1;
    let space = -1;
    for (;;) {
      const token = tokens[last]!;
      const next = tokens[last + 1];
      if (token.end - from >= MAX_SENTENCE_CHARS / 2) {
        if (CLAUSE_END.has(token.text)) clause = last;
        if (next && token.end < next.start) space = last;
      }
      if (!next || next.end - from > MAX_SENTENCE_CHARS) break;
      last += 1;
    }
    const cut = last + 1 === tokens.length ? last : clause >= 0 ? clause : space >= 0 ? space : last;
    pieces.push(tokens.slice(first, cut + 1));
    first = cut + 1;
  }
  return pieces;
}
