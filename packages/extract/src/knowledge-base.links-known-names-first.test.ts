import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { KnowledgeBase, subtypeOfStoredType } from './knowledge-base';
import { entityNamed } from './test-support';

const article = (body: string) => `date 2025-02-03 QARAWI: ${body}`;

// An invented knowledge base: a base with a transliterated name, its operator, a person.
const kb = new KnowledgeBase([
  { id: 'qb', name: 'Qarawi Air Base', type: 'installation', subtype: 'airbase', aliases: ['Qaraoui', 'Qarawi'] },
  { id: 'nf', name: 'Northern Fleet Command', type: 'actor', subtype: 'military', aliases: ['the Command'] },
  { id: 'ht', name: 'Hadi al-Tamimi', type: 'actor', subtype: 'person', aliases: ['al-Tamimi'] },
]);

describe('extraction with a knowledge base', () => {
  it('links a name the knowledge base knows, in another spelling, and says which entity it is', () => {
    const x = extractArticle(
      article('Two transport planes landed at the Qaraouï airbase on Saturday, officials said.'),
      {
        knowledge: kb,
      },
    );
    const base = entityNamed(x, 'Qarawi Air Base');
    expect(base.known).toBe('qb');
    expect(base.mentions.map((m) => m.text)).toContain('Qaraouï');
  });

  it('folds what a rule found under another key into the known entity', () => {
    const x = extractArticle(
      article('Hadi al-Tamimi, the commander, said the runway was repaired. Al-Tamimi added that it was open.'),
      { knowledge: kb },
    );
    const person = entityNamed(x, 'Hadi al-Tamimi');
    expect(person.known).toBe('ht');
    expect(x.entities.filter((e) => /tamimi/i.test(e.name))).toHaveLength(1);
    const claim = x.claims.find((c) => c.quote.includes('runway'));
    expect(claim?.source?.actor).toBe('Hadi al-Tamimi');
  });

  it('leaves entities it does not know to the general rules, without a known id', () => {
    const x = extractArticle(article('The Turkish defence ministry said on Monday that its troops had left.'), {
      knowledge: kb,
    });
    expect(x.entities.every((e) => e.known === undefined)).toBe(true);
    expect(x.entities.some((e) => e.name === 'Türkiye')).toBe(true);
  });

  it('reads stored types as the extractor names subtypes', () => {
    expect(subtypeOfStoredType('air base')).toBe('airbase');
    expect(subtypeOfStoredType('government ministry')).toBe('government_body');
    expect(subtypeOfStoredType('listening post')).toBe('listening_post');
    expect(subtypeOfStoredType(null)).toBeNull();
  });
});
