import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import type { Extraction, ExtractedEntity } from './types';

const article = (body: string) => `date 2024-12-15 LATAKIA: ${body}`;

const installations = (result: Extraction) => result.entities.filter((e) => e.type === 'installation');

/** The one installation with a mention whose text is `surface`. */
function installationMentioned(result: Extraction, surface: string): ExtractedEntity {
  const found = installations(result).filter((e) => e.mentions.some((m) => m.text === surface));
  expect(found, `installations mentioned as ${surface}`).toHaveLength(1);
  return found[0]!;
}

describe('installations named by a cue noun', () => {
  it('reads "the Qarawi airbase" as an air base, without the article', () => {
    const result = extractArticle(article('Two Russian transport planes landed at the Qarawi airbase on Saturday.'));
    const base = installationMentioned(result, 'Qarawi airbase');
    expect(base.subtype).toMatch(/^air_?base$/);
    expect(base.name).toMatch(/^Qarawi /);
  });

  it('reads "the naval facility at Port Sela" as a naval base named for Port Sela', () => {
    const result = extractArticle(article('Russia has kept two frigates at the naval facility at Port Sela.'));
    const base = installationMentioned(result, 'naval facility at Port Sela');
    expect(base.subtype).toBe('naval_base');
    expect(base.name).toContain('Port Sela');
  });

  it('reads "the Sela base" as a base named Sela', () => {
    const result = extractArticle(article('Engineers have been repairing the runway at the Sela base since October.'));
    expect(installationMentioned(result, 'Sela base').name).toBe('Sela base');
  });

  it('reads "posts in the Zagros Mountains" as an installation', () => {
    const result = extractArticle(article('Iran has staffed posts in the Zagros Mountains since the spring.'));
    expect(installationMentioned(result, 'posts in the Zagros Mountains').type).toBe('installation');
  });

  it('reads "eavesdropping posts" as listening posts', () => {
    const result = extractArticle(article('Russia has dismantled two eavesdropping posts near the coast.'));
    expect(installationMentioned(result, 'eavesdropping posts').subtype).toBe('listening_post');
  });

  it('reads "the Tartus and Khmeimim bases" as two installations', () => {
    const result = extractArticle(article('Russia wants to keep the Tartus and Khmeimim bases open.'));
    const names = installations(result).flatMap((e) => e.mentions.map((m) => m.text));
    expect(names).toEqual(['Tartus', 'Khmeimim']);
    expect(installations(result)).toHaveLength(2);
  });

  it('later uses of the bare name become mentions of the installation', () => {
    const result = extractArticle(
      article('Russian jets left the Qarawi airbase on Saturday.\n\nBy Sunday Qarawi was quiet, officials have said.'),
    );
    const base = installationMentioned(result, 'Qarawi airbase');
    expect(base.mentions.map((m) => m.text)).toEqual(['Qarawi airbase', 'Qarawi']);
  });
});

describe('transliteration variants', () => {
  it('folds "Tartous" and "Tartus" into one entity', () => {
    const result = extractArticle(
      article('Russia is keeping the Tartus naval base. Ships were seen leaving Tartous on Saturday.'),
    );
    expect(installations(result)).toHaveLength(1);
    expect(installations(result)[0]!.mentions.map((m) => m.text)).toEqual(['Tartus naval base', 'Tartous']);
  });

  it('folds "Khmeimim" and "Hmeimim" into one entity', () => {
    const result = extractArticle(
      article('Russian jets left the Khmeimim airbase on Saturday. The Hmeimim airbase was quiet on Sunday.'),
    );
    expect(installations(result)).toHaveLength(1);
    expect(installations(result)[0]!.mentions.map((m) => m.text)).toEqual(['Khmeimim airbase', 'Hmeimim airbase']);
  });

  it('folds a bare variant spelling into the named base', () => {
    const result = extractArticle(
      article('Russian jets left the Khmeimim airbase on Saturday. Hmeimim was quiet on Sunday.'),
    );
    expect(installations(result)).toHaveLength(1);
    expect(installations(result)[0]!.aliases).toContain('Hmeimim');
  });

  // Was a bug (fixed): in "Qarawi Air Base" the name pattern takes the capitalised "Air" as a second name word, so
  // the cue is only "Base": the entity is "Qarawi Air base" (subtype base, key "qarawi air"), apart from
  // "the Qarawi airbase" (subtype airbase, key "qarawi"). Same for "Khmeimim Air Base" vs "Hmeimim airbase".
  it('folds "Qarawi Air Base" and "the Qarawi airbase" into one air base', () => {
    const result = extractArticle(
      article('Russian jets left Qarawi Air Base on Saturday. The Qarawi airbase was quiet on Sunday.'),
    );
    expect(installations(result)).toHaveLength(1);
    expect(installations(result)[0]!.subtype).toMatch(/^air_?base$/);
  });
});

describe('places that locate a base do not name it', () => {
  it('"a base in Syria" does not make Syria an installation', () => {
    const result = extractArticle(article('Russia has kept a base in Syria since 2015, officials have said.'));
    expect(installations(result)).toEqual([]);
    expect(result.entities.find((e) => e.name === 'Syria')).toMatchObject({ type: 'actor', subtype: 'state' });
  });

  it('"an air base in Syria’s Latakia province" names no installation after the province', () => {
    const result = extractArticle(article('Russian jets have left an air base in Syria’s Latakia province.'));
    expect(installations(result)).toEqual([]);
  });

  it('"the Syrian base" is no installation named Syrian', () => {
    const result = extractArticle(article('Russian officers have inspected the Syrian base on Saturday.'));
    expect(installations(result)).toEqual([]);
  });

  it('a ship named after "the frigate" is not an installation or an actor', () => {
    const result = extractArticle(
      article('The frigate Admiral Sela and the cargo ship Port Star have left the Qarawi naval base.'),
    );
    expect(installations(result).map((e) => e.mentions.map((m) => m.text))).toEqual([['Qarawi naval base']]);
    expect(result.entities.map((e) => e.name).join(' ')).not.toMatch(/Admiral Sela|Port Star/);
  });
});
