import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { KnowledgeBase } from './knowledge-base';

const article = (...paragraphs: string[]) => `date 2025-03-10 VALLETTA: ${paragraphs.join('\n\n')}`;

// An invented base known by the name of its town, as bases often are.
const knowledge = new KnowledgeBase([
  { id: 'qb', name: 'Qarawi Air Base', type: 'installation', subtype: 'airbase', aliases: ['Qarawi'] },
]);
const aboutOf = (text: string) => extractArticle(article(text), { knowledge }).claims.map((c) => c.about);

// "near Qarawi" says where something else happened: the town locates it, the claim is not about the base.
describe('a name that only says where something is', () => {
  it.each([
    'Two drones were shot down near Qarawi on Monday, the ministry said.',
    'A tanker was seen off the coast of Qarawi on Monday, the ministry said.',
    'Two drones were shot down north of Qarawi on Monday, the ministry said.',
    'A convoy stopped on the outskirts of Qarawi on Monday, the ministry said.',
  ])('%j is not about the base', (sentence) => {
    expect(aboutOf(sentence)).toEqual([[]]);
  });

  it('still finds the name as a mention of the base', () => {
    const result = extractArticle(article('Two drones were shot down near Qarawi on Monday, the ministry said.'), {
      knowledge,
    });
    expect(result.entities.map((e) => e.name)).toContain('Qarawi Air Base');
  });

  it.each([
    'Two drones struck Qarawi on Monday, the ministry said.',
    'Two drones were shot down near the Qarawi airbase on Monday, the ministry said.',
  ])('%j, which names the base itself, is about it', (sentence) => {
    expect(aboutOf(sentence)).toEqual([['Qarawi Air Base']]);
  });
});
