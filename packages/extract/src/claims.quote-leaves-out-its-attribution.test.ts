import { describe, expect, it } from 'vitest';
import { extractChecked } from './test-support';

const article = (...paragraphs: string[]) => `date 2025-03-10 VALLETTA: ${paragraphs.join('\n\n')}`;

// The quote is what was said, without the "X said" frame; the source is who, without punctuation.
describe('a quote without its attribution, a source without its punctuation', () => {
  it('ends the source of `X, a Y, said …` before its comma', () => {
    const result = extractChecked(
      article('Mara Lind, a researcher at the Dockside Institute, said two tugs had sailed.'),
    );
    expect(result.claims.map((c) => [c.quote, c.source?.text])).toEqual([
      ['two tugs had sailed', 'Mara Lind, a researcher at the Dockside Institute'],
    ]);
  });

  it.each([
    'Two tugs had sailed from the pier on Monday, said Mara Lind, a researcher at the Dockside Institute.',
    'Two tugs had sailed from the pier on Monday, Mara Lind, a researcher at the Dockside Institute, said.',
  ])('leaves a trailing `said X, a Y` out of the quote of %j', (sentence) => {
    const result = extractChecked(article(sentence));
    expect(result.claims.map((c) => [c.quote, c.source?.text])).toEqual([
      ['Two tugs had sailed from the pier on Monday', 'Mara Lind, a researcher at the Dockside Institute'],
    ]);
  });

  it('leaves a second, trailing attribution out of the quote of `X said …, Y told reporters`', () => {
    const result = extractChecked(
      article('Malta said the talks over the pier had ended, two officials told reporters.'),
    );
    expect(result.claims.map((c) => [c.quote, c.source?.text])).toEqual([
      ['the talks over the pier had ended', 'Malta'],
    ]);
  });

  it('leaves `a spokesman told … on Tuesday` out of a denial', () => {
    const result = extractChecked(
      article('The Kremlin denied that the Qarawi airbase would close, a spokesman told state television on Tuesday.'),
    );
    expect(result.claims.map((c) => [c.quote, c.stance])).toEqual([['the Qarawi airbase would close', 'denies']]);
  });

  it('ends the source of `“…,” X, a Y, said` before its comma', () => {
    const result = extractChecked(
      article('“The tugs have sailed,” Mara Lind, a researcher at the Dockside Institute, said.'),
    );
    expect(result.claims.map((c) => [c.quote, c.source?.text])).toEqual([
      ['The tugs have sailed', 'Mara Lind, a researcher at the Dockside Institute'],
    ]);
  });

  it('reads a quotation split by `X said` as two quotes of X, neither holding the frame', () => {
    const result = extractChecked(
      article('“Malta will keep the pier open,” the Kremlin said, “and the tugs will stay there.”'),
    );
    expect(result.claims.map((c) => [c.quote, c.source?.text])).toEqual([
      ['Malta will keep the pier open', 'the Kremlin'],
      ['and the tugs will stay there', 'the Kremlin'],
    ]);
  });

  it('leaves a `, X said,` inside a sentence out of both of its parts', () => {
    const result = extractChecked(
      article('Malta will keep the pier open on Monday, the Kremlin said, and the tugs will stay there.'),
    );
    expect(result.claims.map((c) => [c.quote, c.source?.text])).toEqual([
      ['Malta will keep the pier open on Monday', 'the Kremlin'],
      ['the tugs will stay there', 'the Kremlin'],
    ]);
  });

  it('reads `A, X said, will …` as what X said, from the verb on', () => {
    const result = extractChecked(article('Malta, the Kremlin said, will keep the pier open.'));
    expect(result.claims.map((c) => [c.quote, c.source?.text, c.about])).toEqual([
      ['will keep the pier open', 'the Kremlin', ['Malta']],
    ]);
  });
});
