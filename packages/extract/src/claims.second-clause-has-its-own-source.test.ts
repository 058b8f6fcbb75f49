import { describe, expect, it } from 'vitest';
import { extractChecked } from './test-support';

const article = (...paragraphs: string[]) => `date 2025-03-10 VALLETTA: ${paragraphs.join('\n\n')}`;

// "A said …, but B denied it": the second clause names its own speaker, who is its source.
describe('a second clause with a speaker of its own', () => {
  it('credits "but B denied it" to B, as a denial', () => {
    const result = extractChecked(article('Maltese officials said the tugs had sailed, but the Kremlin denied it.'));
    expect(result.claims.map((c) => [c.quote, c.source?.text, c.stance])).toEqual([
      ['the tugs had sailed', 'Maltese officials', 'affirms'],
      ['the Kremlin denied it', 'the Kremlin', 'denies'],
    ]);
  });

  it('credits "and B confirmed the reports" to B, the clause as its quote', () => {
    const result = extractChecked(
      article('Maltese officials said the tugs had sailed, and the Kremlin confirmed the reports.'),
    );
    expect(result.claims.map((c) => [c.quote, c.source?.text, c.stance])).toEqual([
      ['the tugs had sailed', 'Maltese officials', 'affirms'],
      ['the Kremlin confirmed the reports', 'the Kremlin', 'affirms'],
    ]);
  });

  it('does not take a clause saying what someone has not said for a second speaker', () => {
    const result = extractChecked(
      article('Maltese officials said the tugs had sailed, but Moscow hasn’t confirmed it.'),
    );
    expect(result.claims.every((c) => !c.source?.text.includes('hasn’t'))).toBe(true);
  });

  it('credits "while B said …" to B, with what B said as the quote', () => {
    const result = extractChecked(
      article('The Kremlin said the pier was closed, while Maltese officials said two tugs were still moored there.'),
    );
    expect(result.claims.map((c) => [c.quote, c.source?.text])).toEqual([
      ['the pier was closed', 'The Kremlin'],
      ['two tugs were still moored there', 'Maltese officials'],
    ]);
  });

  it('keeps "…, but said …" with the first speaker, who says both', () => {
    const result = extractChecked(
      article('The Kremlin said the pier was closed, but said two tugs were still moored there.'),
    );
    expect(result.claims.map((c) => c.source?.text)).toEqual(['The Kremlin', 'The Kremlin']);
  });
});
