import { describe, expect, it } from 'vitest';
import { CAPITAL_AHEAD, startOfOneOf, wholeWordsIn, wordAlternation } from './alternation';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The plain form the trie replaces: every word, longest first. */
const plain = (words: string[]) =>
  `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})`;

const spans = (source: string, text: string) =>
  [...text.matchAll(new RegExp(source, 'gu'))].map((m) => [m.index, m[0], m[1]]);

describe('wordAlternation', () => {
  const words = [
    'Niger',
    'Nigeria',
    'Nigerian',
    'Niue',
    'the Russians',
    'Russia',
    'Russian',
    'U.S.',
    'US',
    'São Tomé',
    'a+b',
  ];

  it('matches where the word list does, taking the longest word that lets the rest match', () => {
    const texts = [
      'Nigerian troops left Niger for Nigeria; Niue and the Russians, Russia’s allies, U.S. and US forces.',
      'São Tomé, a+b, Nigerians, NigeriaN, the Russian, Russiann',
    ];
    // The rest of the pattern decides how long the word may be: "Nigerian" must give way to "Nigeria" before "n".
    for (const rest of ['', '(?![\\p{L}])', '(n\\b)?', '(?:’s)? (\\p{L}+)', 'ns?\\b']) {
      for (const text of texts) {
        expect(spans(`(${wordAlternation(words)})${rest}`, text)).toEqual(spans(`(${plain(words)})${rest}`, text));
      }
    }
  });

  it('escapes what regular expressions read as syntax', () => {
    expect(new RegExp(wordAlternation(['U.S.', 'a+b'])).test('UxSx')).toBe(false);
    expect(new RegExp(`^${wordAlternation(['U.S.', 'a+b'])}$`).test('a+b')).toBe(true);
  });

  it('can be told where a word may start, which changes no match', () => {
    const text = 'Nigerian-led, non-Niger Russia’s São Tomé a+b ^caret ]bracket';
    const odd = [...words, '^caret', ']bracket', '-led'];
    const guarded = `${startOfOneOf(odd)}(?<![\\p{L}-])${wordAlternation(odd)}`;
    expect(spans(guarded, text)).toEqual(spans(`(?<![\\p{L}-])${plain(odd)}`, text));
    expect(spans(guarded, text).length).toBeGreaterThan(3);
  });

  it('lets through every capital letter, and no ASCII character that is not one', () => {
    const ahead = new RegExp(`^${CAPITAL_AHEAD}`, 'u');
    for (let code = 0; code <= 0xffff; code += 1) {
      const char = String.fromCharCode(code);
      if (/^\p{Lu}/u.test(char)) expect(ahead.test(char)).toBe(true);
      if (code < 0x80) expect(ahead.test(char)).toBe(/[A-Z]/.test(char));
    }
  });
});

describe('wholeWordsIn', () => {
  const viaPattern = (text: string, words: string[]) =>
    [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${plain(words)}(?![\\p{L}\\p{N}])`, 'gu'))].map((m) => [
      m.index,
      m[0],
    ]);

  it.each([
    ['Trifonov met Dmitry Trifonov; Trifonovs and 2Trifonov are not him.', ['Dmitry Trifonov', 'Trifonov']],
    ['HUR HURR HUR-led (HUR) ÉHUR HUR𝒜 𝒜HUR HUR', ['HUR']],
    ['Bashar al-Assad, al-Assad and Assad; Assadist Assad’s', ['Bashar al-Assad', 'al-Assad', 'Assad']],
    ['STG Engineering STG Engineering Ltd STG', ['STG Engineering Ltd', 'STG Engineering', 'STG']],
    ['Abu Abu Abu', ['Abu Abu', 'Abu']],
    ['nothing here', []],
  ])('finds what the pattern finds in %j', (text, words) => {
    expect(wholeWordsIn(text, words)).toEqual(viaPattern(text, words));
  });
});
