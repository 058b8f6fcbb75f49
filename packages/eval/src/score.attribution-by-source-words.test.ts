import type { ExtractedClaim, ExtractedEntity, ExtractedSource, Extraction } from '@sitrep/extract';
import { describe, expect, it } from 'vitest';
import type { GoldArticle, GoldClaim } from './gold';
import { scoreArticle } from './score';

const said = (text: string, actor: string | null = null): ExtractedSource => ({
  text,
  actor,
  count: null,
  anonymous: false,
});
const claim = (source: ExtractedSource | null, about: string[] = []): ExtractedClaim => ({
  start: 0,
  end: 10,
  quote: '',
  source,
  about,
  stance: 'affirms',
  hedged: false,
  event_date: null,
});
const goldClaim = (source: string, more: Partial<GoldClaim> = {}): GoldClaim => ({
  quote: '',
  start: 0,
  end: 10,
  source,
  source_actor: null,
  about: [],
  stance: 'affirms',
  hedged: false,
  ...more,
});
const entity = (name: string, aliases: string[] = [], mentions: string[] = []): ExtractedEntity => ({
  name,
  type: 'actor',
  subtype: 'state',
  aliases,
  mentions: mentions.map((text) => ({ start: 0, end: 0, text })),
});
const gold: GoldArticle = {
  file: 'x.txt',
  published: null,
  dateline: null,
  entities: [
    { name: 'Northland', type: 'actor', subtype: 'state', mentions: ['Northland', 'Northlander', 'Capitol City'] },
    { name: 'Lake Station', type: 'installation', subtype: 'base', mentions: ['the lake base'] },
  ],
  places: [],
  claims: [],
};
const score = (extracted: ExtractedClaim, annotated: GoldClaim, entities: ExtractedEntity[] = []) => {
  const extraction: Extraction = {
    article: { published: null, dateline: null, title: '' },
    entities,
    claims: [extracted],
  };
  return scoreArticle(extraction, { ...gold, claims: [annotated] });
};
const attributed = (extracted: ExtractedClaim, annotated: GoldClaim) =>
  score(extracted, annotated).counts.attribution.correct === 1;

describe('attribution', () => {
  it('is right for the outlet’s own voice exactly when the extracted claim has no source', () => {
    expect(attributed(claim(null), goldClaim('the article'))).toBe(true);
    expect(attributed(claim(said('the article')), goldClaim('the article'))).toBe(false);
    expect(attributed(claim(null), goldClaim('two Northlander officers'))).toBe(false);
  });

  it('needs half of the gold source’s words, not counting a, an and the', () => {
    const annotated = goldClaim('the head of the Northlander coast guard'); // head, of, northlander, coast, guard
    expect(attributed(claim(said('Northlander coast guard')), annotated)).toBe(true); // 3 of 5
    expect(attributed(claim(said('coast guard')), annotated)).toBe(false); // 2 of 5
    expect(attributed(claim(said('The  COAST guard’s head')), annotated)).toBe(true); // "guard’s" is guard + s
    expect(attributed(claim(said('The head of the coast, guard')), annotated)).toBe(true); // 4 of 5
  });

  it('also accepts the words of the follow-up’s source_mention', () => {
    const annotated = goldClaim('a Northlander naval spokesperson', { source_mention: 'the spokesperson' });
    expect(attributed(claim(said('the spokesperson')), annotated)).toBe(true);
    expect(attributed(claim(said('he')), annotated)).toBe(false);
    expect(attributed(claim(said('he')), goldClaim('the minister', { source_mention: 'he' }))).toBe(true);
  });
});

describe('source actor and about', () => {
  it('matches the source actor as an entity, through the extraction’s aliases and mentions', () => {
    const annotated = goldClaim('officials in Capitol City', { source_actor: 'Northland' });
    const entities = [entity('Republic of Northland', ['Capitol City'])];
    expect(
      score(claim(said('officials', 'Republic of Northland')), annotated, entities).counts.sourceActor.correct,
    ).toBe(1);
    expect(score(claim(said('officials', 'Republic of Northland')), annotated).counts.sourceActor.correct).toBe(0);
    expect(score(claim(said('officials', null)), annotated, entities).counts.sourceActor.correct).toBe(0);
  });

  it('counts both null as right, and one null as wrong', () => {
    const evidence = goldClaim('satellite pictures');
    expect(score(claim(said('satellite pictures')), evidence).counts.sourceActor.correct).toBe(1);
    expect(score(claim(null), evidence).counts.sourceActor.correct).toBe(1);
    expect(score(claim(said('pictures', 'Northland')), evidence).counts.sourceActor.correct).toBe(0);
  });

  it('scores about as the Jaccard overlap of the entity sets, empty against empty being 1', () => {
    const entities = [entity('Northland State'), entity('Lakeside Base', [], ['the lake base'])];
    const annotated = goldClaim('the article', { about: ['Northland', 'Lake Station'] });
    // "Lakeside Base" is Lake Station through a mention; "Northland State" matches nothing; an unknown name stands for itself.
    const s = score(claim(null, ['Lakeside Base', 'Northland State', 'Northland']), annotated, entities);
    expect(s.counts.about).toEqual({ correct: 2 / 3, total: 1 });
    expect(score(claim(null, []), goldClaim('the article')).ratios.about).toBe(1);
    expect(score(claim(null, ['Northland']), goldClaim('the article')).ratios.about).toBe(0);
  });
});
