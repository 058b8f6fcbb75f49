import { readCorpus } from './ingest-rate';
import { Random } from './random';
import { CODAS, FILLER, NOUNS, ONSETS, PLACES_GENERIC, SAY_VERBS, SOURCE_NOUNS, VERBS, VOWELS } from './words';

/** A kind of text extraction is timed on, made to a length in characters. */
export interface Shape {
  key: string;
  label: string;
  make(chars: number): string;
}

const HEADER = 'date 2024-12-15 DAMASCUS: ';

/** `chars` characters of pieces after the wire header, the last piece cut short. */
function fill(chars: number, piece: (i: number) => string): string {
  const parts = [HEADER];
  for (let i = 0, size = HEADER.length; size < chars; i += 1) {
    const next = piece(i);
    parts.push(next);
    size += next.length;
  }
  return parts.join('').slice(0, chars);
}

/** Words of prose, repeated in a fixed order: an endless clause of ordinary words. */
const WORDS = ['the', 'Russian', 'convoy', 'moved', 'near', 'Hmeimim', 'officials', 'said', 'and', 'Syrian'];
const word = (i: number) => [...WORDS, ...FILLER][(i * 7 + (i >> 3)) % (WORDS.length + FILLER.length)]!;

// Clauses that affirm and deny by turns, with a source and a place to be about.
const CONTRASTS = [
  'the base is open but ',
  'troops did not leave — ',
  '“the convoy moved,” ',
  'officials said ',
  'and there is no deal ',
  '"we agree" — ',
  'Syrian forces at Tartous ',
];

/** A made-up capitalised name from the bench's syllables: thousands of them, each new. */
function name(random: Random): string {
  let text = '';
  for (let n = 2 + random.int(2); n > 0; n -= 1) text += random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Ordinary prose: the corpus articles one after another (read at run time, never copied into the
 * repository), or, without a corpus, generated report sentences in paragraphs.
 */
function prose(): { source: string; make: (chars: number) => string } {
  const corpus = readCorpus();
  if (corpus) {
    const bodies = corpus.map((a) => `${a.text.replace(/^\s*date\s+\S+\s+[^:]*:\s*/, '').trim()}\n\n`);
    return { source: 'the corpus articles, repeated', make: (chars) => fill(chars, (i) => bodies[i % bodies.length]!) };
  }
  return {
    source: 'generated report sentences',
    make: (chars) => {
      const random = new Random(7);
      return fill(chars, (i) => {
        const sentence = `${random.pick(SOURCE_NOUNS)} ${random.pick(SAY_VERBS)} the ${random.pick(NOUNS)} were ${random.pick(VERBS)} near ${random.pick(PLACES_GENERIC)}.`;
        return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${i % 4 === 3 ? '\n\n' : ' '}`;
      });
    },
  };
}

/** Prose first (the figure the others are compared with), then the pathological shapes. */
export function extractionShapes(): { proseSource: string; shapes: Shape[] } {
  const ordinary = prose();
  return {
    proseSource: ordinary.source,
    shapes: [
      { key: 'prose', label: `prose (${ordinary.source})`, make: ordinary.make },
      {
        key: 'commas',
        label: 'one paragraph of words and commas, no full stop',
        make: (chars) => fill(chars, (i) => word(i) + (i % 11 === 10 ? ', ' : ' ')),
      },
      {
        key: 'bare',
        label: 'one paragraph of words, no punctuation',
        make: (chars) => fill(chars, (i) => `${word(i)} `),
      },
      {
        key: 'names',
        label: 'thousands of distinct capitalised names',
        make: (chars) => {
          const random = new Random(11);
          return fill(
            chars,
            () => `${name(random)} ${name(random)} said the ${name(random)} base was near ${name(random)}. `,
          );
        },
      },
      {
        key: 'contrasts',
        label: 'contrasts ("but", "—") and quote marks in one endless sentence',
        make: (chars) => fill(chars, (i) => CONTRASTS[i % CONTRASTS.length]!),
      },
      {
        key: 'word',
        label: 'a single word, no spaces',
        make: (chars) => HEADER + 'x'.repeat(Math.max(0, chars - HEADER.length)),
      },
      {
        key: 'lines',
        label: 'short lines, no blank line (one paragraph)',
        make: (chars) =>
          fill(
            chars,
            (i) => ['Colonel Ivan Petrov said the base was open and\n', 'Syrian forces moved near Hmeimim\n'][i % 2]!,
          ),
      },
    ],
  };
}
