import type { ExtractedEntity, Extraction } from '@sitrep/extract';
import { describe, expect, it } from 'vitest';
import type { GoldArticle, GoldEntity } from './gold';
import { scoreArticle } from './score';

const entity = (name: string, aliases: string[] = [], mentions: string[] = []): ExtractedEntity => ({
  name,
  type: 'actor',
  subtype: 'state',
  aliases,
  mentions: mentions.map((text) => ({ start: 0, end: text.length, text })),
});
const goldEntity = (name: string, mentions: string[], type: GoldEntity['type'] = 'actor'): GoldEntity => ({
  name,
  type,
  subtype: '',
  mentions,
});
const extraction = (entities: ExtractedEntity[]): Extraction => ({
  article: { published: null, dateline: null, title: '' },
  entities,
  claims: [],
});
const gold = (entities: GoldEntity[], places: GoldEntity[] = []): GoldArticle => ({
  file: 'made-up.txt',
  published: null,
  dateline: null,
  entities,
  places,
  claims: [],
});

describe('entity matching', () => {
  it('matches on the name, an alias or a mention surface against the gold name or mentions', () => {
    const score = scoreArticle(
      extraction([
        entity('Northland'), // name = gold name
        entity('Coastal Fleet Command', ['the Blue Fleet']), // alias = gold mention
        entity('Port Arlen Depot', [], ['the depot at Arlen']), // mention = gold mention
        entity('Nobody Mentioned'),
      ]),
      gold([
        goldEntity('Northland', ['Northlander']),
        goldEntity('Blue Fleet', ['the Blue Fleet']),
        goldEntity('Arlen depot', ['the depot at Arlen'], 'installation'),
        goldEntity('Southland', ['Southland']),
      ]),
    );
    expect(score.counts.entities).toEqual({ extracted: 4, gold: 4, matched: 3 });
    expect(score.ratios.entityPrecision).toBe(0.75);
    expect(score.ratios.entityRecall).toBe(0.75);
    expect(score.ratios.entityF1).toBe(0.75);
  });

  it('compares after NFKC, case folding, curly apostrophes and collapsed white space', () => {
    const score = scoreArticle(
      extraction([entity('NORTHLAND’S  navy'), entity('ﬁeld station')]),
      gold([goldEntity('Northland navy', ["Northland's navy"]), goldEntity('Field Station', [])]),
    );
    expect(score.counts.entities.matched).toBe(2);
  });

  it('scores actors and installations only: gold places are neither found nor missed', () => {
    const score = scoreArticle(
      extraction([entity('Northland')]),
      gold([goldEntity('Northland', [])], [goldEntity('Harbour City', ['Harbour City'], 'place')]),
    );
    expect(score.counts.entities).toEqual({ extracted: 1, gold: 1, matched: 1 });
  });

  it('matches each gold entity at most once, so a duplicate costs precision', () => {
    const score = scoreArticle(
      extraction([entity('Northland'), entity('Northland Republic', ['Northland'])]),
      gold([goldEntity('Northland', [])]),
    );
    expect(score.counts.entities).toEqual({ extracted: 2, gold: 1, matched: 1 });
    expect(score.ratios.entityPrecision).toBe(0.5);
  });

  it('finds the largest one-to-one matching whatever the order of the lists', () => {
    // "Allied command" could be either gold entity; "the ministry" only the first. Greedy in this
    // order would give the ministry's one gold entity away and match one pair instead of two.
    const broad = entity('Allied command', ['the ministry', 'the army']);
    const narrow = entity('the ministry');
    const annotated = [goldEntity('Ministry', ['the ministry']), goldEntity('Army', ['the army'])];
    for (const entities of [
      [broad, narrow],
      [narrow, broad],
    ]) {
      for (const goldEntities of [annotated, [...annotated].reverse()]) {
        expect(scoreArticle(extraction(entities), gold(goldEntities)).counts.entities.matched).toBe(2);
      }
    }
  });
});
