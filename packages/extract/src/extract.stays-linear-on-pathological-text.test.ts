import { describe, expect, it } from 'vitest';
import { buildClaims } from './claims/build';
import { recognizeEntities } from './entities/recognize';
import { extractArticle } from './extract';
import { parseHeader } from './header';
import { MAX_SENTENCE_CHARS, MAX_WORD_CHARS } from './long-text';
import { segment } from './segment';

// No clock here: the machine is shared. Linear time is shown by what it is made of: every
// sentence the rules read is bounded (so is what reading one costs), and the look-ups into the
// entity table, which the rules make per name and per claim, grow with the text, not its square.

const HEADER = 'date 2024-12-15 DAMASCUS: ';
const WORDS = 'the Russian convoy moved near Hmeimim officials said and Syrian forces at Tartous base of troops'.split(
  ' ',
);
const SYLLABLES = 'ka lo mi ra tu ze ban quo vi dor sel an pe gri hol nu wex ya bri tos'.split(' ');

/** Text of `length` characters from pieces `piece(i)`, after the wire header. */
function fill(length: number, piece: (i: number) => string): string {
  const parts = [HEADER];
  for (let i = 0, size = HEADER.length; size < length; i += 1) size += parts[parts.push(piece(i)) - 1]!.length;
  return parts.join('').slice(0, length);
}

/** A made-up capitalised name, different for every i. */
function name(i: number): string {
  let word = '';
  for (let n = i + 7; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// Our own plain sentences, for a text as articles are written.
const PROSE = [
  'Russian officials said on Monday that the convoy had left the Hmeimim air base.',
  '“We are not leaving Tartous,” a Syrian military source told reporters, but declined to give details.',
  'The Kremlin did not respond to a request for comment.',
  'Satellite images showed two ships near the port, according to an analyst.\n\n',
];

const SHAPES: Record<string, (length: number) => string> = {
  prose: (length) => fill(length, (i) => `${PROSE[i % PROSE.length]} `),
  'commas, no full stop': (length) =>
    fill(length, (i) => WORDS[(i * 7 + (i >> 3)) % WORDS.length] + (i % 11 === 10 ? ', ' : ' ')),
  'no punctuation': (length) => fill(length, (i) => `${WORDS[(i * 7 + (i >> 3)) % WORDS.length]} `),
  'thousands of names': (length) =>
    fill(length, (i) => `${name(3 * i)} ${name(3 * i + 1)} said the ${name(3 * i + 2)} base moved. `),
  'contrasts and quotes': (length) =>
    fill(
      length,
      (i) =>
        ['the base is open but ', 'troops did not leave — ', '“the convoy moved,” ', 'and there is no deal '][i % 4]!,
    ),
  'one long word': (length) => HEADER + 'x'.repeat(length - HEADER.length),
  'lines, no blank line': (length) =>
    fill(
      length,
      (i) => ['Colonel Ivan Petrov said the base was open and\n', 'Syrian forces moved near Hmeimim\n'][i % 2]!,
    ),
};

/** The entity table's work and the output of one extraction, checked for exact offsets. */
function measure(text: string) {
  const { bodyStart, published } = parseHeader(text);
  const sentences = segment(text, bodyStart);
  const table = recognizeEntities(text, bodyStart, sentences);
  buildClaims(text, sentences, table, published);
  const result = extractArticle(text);
  for (const claim of result.claims) expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
  const mentions = result.entities.flatMap((e) => e.mentions);
  for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  return { sentences, work: table.work, claims: result.claims.length, mentions: mentions.length };
}

describe('extraction of pathological text', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`stays linear on ${shape}`, () => {
      const small = measure(make(40_000));
      const large = measure(make(80_000));
      for (const sentence of [...small.sentences, ...large.sentences]) {
        expect(sentence.end - sentence.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
        for (const token of sentence.tokens) expect(token.end - token.start).toBeLessThanOrEqual(MAX_WORD_CHARS);
      }
      // Twice the text: about twice the work and the output, never four times.
      expect(large.work).toBeLessThanOrEqual(2.5 * small.work + 100);
      expect(large.claims).toBeLessThanOrEqual(2.5 * small.claims + 10);
      expect(large.mentions).toBeLessThanOrEqual(2.5 * small.mentions + 10);
    });
  }
});
