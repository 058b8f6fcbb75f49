import { describe, expect, it } from 'vitest';
import { extractChecked } from './test-support';

const article = (...paragraphs: string[]) => `date 2025-03-10 VALLETTA: ${paragraphs.join('\n\n')}`;

// Not commenting denies nothing: the claim says the source did not comment, and keeps the source.
describe('a source that did not comment', () => {
  it.each([
    ['Brightwater Freight did not comment.', 'Brightwater Freight'],
    ['The harbour authority has not commented.', 'The harbour authority'],
    ['The Maltese navy would not comment on the sighting.', 'The Maltese navy'],
    ['A spokeswoman for the Kremlin refused to comment.', 'A spokeswoman for the Kremlin'],
    ['The port operator could not be reached.', 'The port operator'],
    ['The ship’s owner could not immediately be reached for comment.', 'The ship’s owner'],
    ['Brightwater Freight did not reply to an emailed request for comment.', 'Brightwater Freight'],
    ['The coastguard had no immediate comment.', 'The coastguard'],
  ])('reads %j as no_comment, not as a denial', (sentence, source) => {
    const result = extractChecked(article(sentence));
    expect(result.claims.map((c) => [c.stance, c.source?.text])).toEqual([['no_comment', source]]);
  });

  it('keeps the no-comment sentence apart from the claims around it', () => {
    const result = extractChecked(
      article('Two tugboats left the harbour on Sunday, the coastguard said.', 'The tugboats’ owner did not comment.'),
    );
    expect(result.claims.map((c) => c.stance)).toEqual(['affirms', 'no_comment']);
  });

  it('still reads a refusal of something said as a denial', () => {
    const result = extractChecked(article('The Maltese navy denied that the frigate had docked at the pier.'));
    expect(result.claims.map((c) => c.stance)).toEqual(['denies']);
  });
});
