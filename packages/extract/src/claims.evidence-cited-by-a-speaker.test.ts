import { describe, expect, it } from 'vitest';
import { extractChecked } from './test-support';

const article = (...paragraphs: string[]) => `date 2025-03-10 VALLETTA: ${paragraphs.join('\n\n')}`;

// Evidence that someone is quoted reading is part of what they said: the speaker is the source.
describe('evidence cited by a named speaker', () => {
  it.each([
    'Satellite photos show three tugs at the quay, said Mara Lind, a researcher at the Dockside Institute.',
    'Satellite photos show three tugs at the quay, Mara Lind, a researcher at the Dockside Institute, said.',
  ])('credits %j to the speaker, not to the photos', (sentence) => {
    const result = extractChecked(article(sentence));
    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]).toMatchObject({
      quote: 'Satellite photos show three tugs at the quay',
      source: { text: 'Mara Lind, a researcher at the Dockside Institute', actor: 'Mara Lind' },
    });
  });

  it('still credits evidence that no one is quoted reading to the evidence', () => {
    const result = extractChecked(article('Satellite photos show three tugs at the quay of the Qarawi airbase.'));
    expect(result.claims[0]!.source).toMatchObject({ text: 'Satellite photos', actor: null });
  });
});
