import { SitrepError } from '@sitrep/vocabulary';
import { extractArticle, parseHeader } from '@sitrep/extract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Longest a single extraction may take, even of 200 KB: far above the ~1 s the worst case needs. */
const BOUND_MS = 8000;
const MAX_CHARS = 200_000;

// Pieces an article is made of, and pieces that break naive text code.
const HOSTILE = [
  'date 2025-03-01 TARTOUS: ',
  'date 2025-02-30 HOMS: ',
  'The Kremlin said ',
  'Hmeimim air base',
  ' Tartus ',
  ' denied ',
  'Colonel Ivan Petrov, a spokesman for the ministry, said ',
  'two officials who declined to be named',
  ' may have ',
  '"',
  '“',
  '”',
  '’s',
  ', ',
  '.',
  '. ',
  '?',
  ':',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  ' ',
  'al-',
  'أحمد الشرع',
  'قاعدة حميميم الجوية',
  '\u200f',
  '\u202e',
  '\u200d',
  '\u200c',
  '\u200b',
  '\ufeff',
  '\u0301',
  '\u0308\u0327',
  'e\u0301',
  '👩‍👩‍👧',
  '\ud800',
  '\udfff',
  '\u0000',
  'ＴＡＲＴＵＳ',
  'İ',
  'ß',
  'THE KREMLIN SAID ',
  'on Tuesday ',
  'March 3',
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  // bytes that are not UTF-8, decoded the forgiving way (U+FFFD), as a careless reader would
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 24 }).map((b) => new TextDecoder().decode(b)) },
);
const header = fc.oneof(
  fc.constant('date 2025-03-01 TARTOUS: '),
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('date 2025-3-1 X: ', 'date 2025-03-01 tartus: ', '  date 2025-03-01 AL-BAB:', 'date 9999-12-31 Ω: '),
);
const smallArticle = fc.tuple(header, fc.array(piece, { maxLength: 200 })).map(([h, body]) => h + body.join(''));
/** Long texts: one hostile line, sentence or paragraph repeated up to 200 KB. */
const hugeArticle = fc
  .tuple(
    fc.constantFrom(
      'Colonel Ivan Petrov said the base was open and\n', // thousands of lines, no full stop
      'Ivan Petrov Sergei Ivanov Ahmad Sharaa ', // one endless capitalised "name"
      'قال أحمد الشرع إن قاعدة حميميم مفتوحة. ',
      'Hme\u200dimim a\u0301ir base said\u200b ',
      '"The base is open," ',
      '\ufffd\ufffd\u0000 ',
      'Officials denied that the Tartus naval facility had been handed over, the Kremlin said.\n\n',
    ),
    fc.integer({ min: 1_000, max: MAX_CHARS }),
  )
  .map(([unit, size]) => `date 2025-03-01 TARTOUS: ${unit.repeat(Math.ceil(size / unit.length))}`.slice(0, MAX_CHARS));

/** Extraction either succeeds, with offsets that index into the text, or refuses with a SitrepError. */
function extractsOrRefuses(text: string, published: string | null = null): void {
  const started = performance.now();
  try {
    const extraction = extractArticle(text, { published });
    for (const claim of extraction.claims) expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
    for (const mention of extraction.entities.flatMap((e) => e.mentions)) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    }
  } catch (error) {
    if (!(error instanceof SitrepError)) throw error;
    expect(error.code).toBe('BAD_USER_INPUT');
  }
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
}

describe('the article reader, fed hostile text', () => {
  it('reads the header of any string or refuses it with BAD_USER_INPUT', () => {
    fc.assert(
      fc.property(fc.oneof(header, smallArticle), (text) => {
        try {
          const { published, bodyStart } = parseHeader(text);
          expect(published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(bodyStart).toBeLessThanOrEqual(text.length);
        } catch (error) {
          expect(error).toBeInstanceOf(SitrepError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('extracts short hostile articles or refuses them with a SitrepError', { timeout: 30_000 }, () => {
    fc.assert(fc.property(smallArticle, fc.option(fc.string({ maxLength: 12 })), extractsOrRefuses), {
      numRuns: 1500,
    });
  });

  it('extracts articles of up to 200 KB in bounded time', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(hugeArticle, (text) => extractsOrRefuses(text)),
      { numRuns: 30 },
    );
  });
});
