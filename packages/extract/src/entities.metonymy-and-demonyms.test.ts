import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { entityNamed } from './test-support';
import type { ExtractedEntity } from './types';

const article = (body: string) => `date 2024-12-15 BEIRUT: ${body}`;

const entity = entityNamed;

const surfaces = (e: ExtractedEntity) => e.mentions.map((m) => m.text);

describe('states named by capitals and demonyms', () => {
  it('reads "Moscow" and "the Russians" as mentions of the state Russia', () => {
    const result = extractArticle(
      article('Moscow has told its allies that the Russians will keep two frigates at the Qarawi naval base.'),
    );
    const russia = entity(result, 'Russia');
    expect(russia).toMatchObject({ type: 'actor', subtype: 'state' });
    expect(surfaces(russia)).toEqual(['Moscow', 'the Russians']);
    expect(result.entities.map((e) => e.name)).not.toContain('Moscow');
  });

  it('reads "Damascus" and "Syrian" as mentions of Syria', () => {
    const result = extractArticle(
      article('Damascus has asked Moscow to leave the Qarawi airbase, two Syrian officials have said.'),
    );
    const syria = entity(result, 'Syria');
    expect(surfaces(syria)).toEqual(['Damascus', 'Syrian']);
    expect(syria.aliases).toEqual(expect.arrayContaining(['Damascus', 'Syrian']));
    expect(entity(result, 'Russia').mentions.map((m) => m.text)).toEqual(['Moscow']);
  });

  it('reads other capitals the same way: "Tehran" is Iran, "Baghdad" is Iraq', () => {
    const result = extractArticle(article('Tehran said on Friday that Baghdad had closed the border crossing.'));
    expect(surfaces(entity(result, 'Iran'))).toEqual(['Tehran']);
    expect(surfaces(entity(result, 'Iraq'))).toEqual(['Baghdad']);
  });

  it('keeps only the name of a possessive, with either apostrophe', () => {
    const text = article("Russia’s envoy met the Syrian officials, and Russia's navy left the port of Latakia.");
    const russia = entity(extractArticle(text), 'Russia');
    expect(surfaces(russia)).toEqual(['Russia', 'Russia']);
    expect(russia.mentions.map((m) => text.slice(m.end, m.end + 2))).toEqual(['’s', "'s"]);
  });

  it('gives a demonym its own text but resolves it to the state: "Russian" is a mention of Russia', () => {
    const text = article('Russian troops began loading equipment at the Qarawi airbase on Saturday.');
    const result = extractArticle(text);
    const russia = entity(result, 'Russia');
    expect(russia.mentions).toEqual([
      { start: text.indexOf('Russian'), end: text.indexOf(' troops'), text: 'Russian' },
    ]);
    expect(result.entities.map((e) => e.name)).not.toContain('Russian');
  });

  it('matches whole words only: Nigeria is not Niger', () => {
    const result = extractArticle(article('Officials in Nigeria said the convoy had been delayed.'));
    expect(result.entities.map((e) => e.name)).toContain('Nigeria');
    expect(result.entities.map((e) => e.name)).not.toContain('Niger');
  });

  it('does not repeat the canonical name among the aliases', () => {
    const result = extractArticle(article('Russia said Moscow would not leave, and Russian diplomats agreed.'));
    const russia = entity(result, 'Russia');
    expect(russia.aliases).not.toContain('Russia');
    expect(russia.aliases).toEqual(expect.arrayContaining(['Moscow', 'Russian']));
  });

  // Was a bug (fixed): the plural-demonym surface is stored only as lower-case "the Russians"; at the start of a
  // sentence "The Russians" falls through to the proper-name rule and becomes an organisation "Russians".
  it('reads a sentence-initial "The Russians" as Russia', () => {
    const result = extractArticle(article('The Russians have said the port would stay open.'));
    expect(result.entities.map((e) => e.name)).toEqual(['Russia']);
  });
});

describe('states named only in passing', () => {
  it('drops a state mentioned only in an adjective like "French colonial rule"', () => {
    const result = extractArticle(
      article('The harbour at Port Sela, built under French colonial rule, is now run by Syrian officials.'),
    );
    expect(result.entities.map((e) => e.name)).not.toContain('France');
    expect(result.entities.map((e) => e.name)).toContain('Syria');
  });

  it('keeps a state whose demonym describes people or forces ("French diplomats")', () => {
    const result = extractArticle(article('Two French diplomats have visited the Qarawi airbase.'));
    expect(surfaces(entity(result, 'France'))).toEqual(['French']);
  });

  it('keeps a state named outright even where its demonym also appears in passing', () => {
    const result = extractArticle(article('France has said the old French colonial harbour would be restored.'));
    expect(surfaces(entity(result, 'France'))).toEqual(['France', 'French']);
  });
});

describe('mention offsets', () => {
  it('gives every mention text equal to text.slice(start, end), curly typography and all', () => {
    const text = [
      '  date 2024-12-15 TARTUS: Moscow’s envoy told Damascus on Saturday that the Russians would keep the naval facility at Port Sela.',
      '',
      '“We are not leaving,” said Defence Minister Karim Haddad, adding that Russia’s navy would stay. Haddad said Syrian officials agreed.',
      '',
      'Satellite images show that two Russian frigates left the Qarawi airbase — better known as Qarawi — on Dec. 9, according to Orbital Labs.',
      '',
      'Iran and Iraq did not respond to a request for comment. The Kremlin declined to comment.',
    ].join('\n');
    const result = extractArticle(text);
    const mentions = result.entities.flatMap((e) => e.mentions);
    expect(mentions.length).toBeGreaterThan(10);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const c of result.claims) expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(result.entities.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Russia', 'Syria', 'Iran', 'Iraq', 'Kremlin', 'Orbital Labs', 'Karim Haddad']),
    );
  });

  it('lists each entity’s mentions in text order, with no span twice', () => {
    const result = extractArticle(
      article('Russia said the Russians would stay. Moscow and Russia’s navy agree, Russian officials said.'),
    );
    const starts = entity(result, 'Russia').mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts).toHaveLength(5);
  });
});
