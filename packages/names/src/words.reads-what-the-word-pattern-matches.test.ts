import { describe, expect, it } from 'vitest';
import { wordEndAt } from './word-reader';
import { joins } from './words';

// The definitions the hand-written reader stands in for.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
const JOINER = /^(?:[ \t\u00a0]*\r?\n?[ \t\u00a0]*|[-‐‑–])$/;

/** The words of a text as [start, end] pairs, read as the matcher reads them. */
function read(text: string): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  for (let i = 0; i < text.length;) {
    const end = wordEndAt(text, i);
    if (end === i) i += 1;
    else words.push([i, (i = end)]);
  }
  return words;
}

const byPattern = (text: string) =>
  [...text.matchAll(WORD)].map((m): [number, number] => [m.index, m.index + m[0].length]);

// Letters, marks, digits (Arabic too), apostrophes of three kinds, a letter and an emoji outside the BMP,
// lone surrogates, joiners and hyphens.
const PIECES = [
  'Russia',
  'É',
  'e\u0301',
  'حميميم',
  '٣',
  '42',
  "'",
  '’',
  'ʼ',
  's',
  '𝐀',
  '😀',
  '\ud800',
  '\udc00',
  '\u200d',
  '-',
  ' ',
  '\n',
  '_',
  '.',
];

describe('the word reader', () => {
  it.each([
    'Russia’s jets',
    "Hay'at Tahrir al-Sham",
    "'tis the season''s end'",
    'Hmei\u200dmim',
    'H\u0323meimim',
    '𝐀𝐁𝐂 and 😀 too',
    'x\ud800y\udc00z',
    '',
  ])('finds the words the word pattern finds in %j', (text) => {
    expect(read(text)).toEqual(byPattern(text));
  });

  it('finds the words the word pattern finds in random text', () => {
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 48271) >>> 0) % 0x7fffffff);
    for (let round = 0; round < 2000; round += 1) {
      let text = '';
      for (let k = next() % 12; k >= 0; k -= 1) text += PIECES[next() % PIECES.length];
      expect(read(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('lets words of one name be joined exactly as the joiner pattern says', () => {
    const gaps = [
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\n',
      '\r\n',
      '\r',
      ' \n ',
      '\n\n',
      '\n \n',
      '\r\n\r\n',
      '-',
      '‐',
      '‑',
      '–',
      '—',
      '--',
      ' - ',
      ',',
      '\u200d',
      '',
    ];
    for (const gap of gaps) expect(joins(`a${gap}b`, 1, 1 + gap.length), JSON.stringify(gap)).toBe(JOINER.test(gap));
  });
});
