import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { KnowledgeBase } from './knowledge-base';
import type { ExtractedEntity, Extraction } from './types';

// Invented sentences; each pins one general rule for names.
const article = (...paragraphs: string[]) => `date 2025-03-10 QARAWI: ${paragraphs.join('\n\n')}`;

/** The one entity with a mention whose text is `surface`. */
function mentioned(result: Extraction, surface: string): ExtractedEntity {
  const found = result.entities.filter((e) => e.mentions.some((m) => m.text === surface));
  expect(
    found.map((e) => e.name),
    `entities mentioned as ${surface}`,
  ).toHaveLength(1);
  return found[0]!;
}

describe('names of bodies', () => {
  it('go on over "of" and "for" after a body\'s noun: "the Institute for Frontier Studies"', () => {
    const x = extractArticle(article('Analysts at the Institute for Frontier Studies said the runway was new.'));
    expect(mentioned(x, 'Institute for Frontier Studies').subtype).toBe('organization');
  });

  it('end before a country named right after the body\'s noun: "the Qarawi Services Institute Libya specialist"', () => {
    const x = extractArticle(
      article('Omar Haddad, a Qarawi Services Institute Libya specialist, said the port was ready.'),
    );
    expect(mentioned(x, 'Qarawi Services Institute').subtype).toBe('organization');
  });

  it('take an acronym in brackets as another name, and its later uses', () => {
    const x = extractArticle(
      article('The Office of Coastal Security (OCS) said the pier was finished. The OCS later denied it.'),
    );
    const office = mentioned(x, 'Office of Coastal Security');
    expect(office.mentions.filter((m) => m.text === 'OCS')).toHaveLength(2);
  });

  it('are organisations when their noun says so: "Department of Harbours" is no person', () => {
    const x = extractArticle(article('The Department of Harbours said the port had reopened.'));
    expect(mentioned(x, 'Department of Harbours').subtype).toBe('organization');
  });
});

describe('names of people', () => {
  it('read the name left over when a known body takes the first words: "the Russian Navy Pavel Orlov"', () => {
    const x = extractArticle(
      article('Former commander of the Russian Navy Pavel Orlov said the ships were old. Orlov added that they left.'),
    );
    const orlov = mentioned(x, 'Pavel Orlov');
    expect(orlov.subtype).toBe('person');
    expect(orlov.mentions.map((m) => m.text)).toContain('Orlov');
  });

  it('read "the fall of Karim al-Haddad" as a person, and later spellings of the name as the same one', () => {
    const x = extractArticle(
      article('The fall of Karim al-Haddad surprised everyone.', 'Karim Al Haddad had ruled since 2001.'),
    );
    const person = mentioned(x, 'Karim al-Haddad');
    expect(person.mentions.map((m) => m.text)).toContain('Karim Al Haddad');
  });

  it('never make a rank a person: "Field Marshal" is a title', () => {
    const kb = new KnowledgeBase([{ id: 'h', name: 'Omar Haddad', type: 'actor', subtype: 'person', aliases: [] }]);
    const x = extractArticle(article('The airfield serves Field Marshal Omar Haddad and his forces.'), {
      knowledge: kb,
    });
    expect(x.entities.map((e) => e.name)).not.toContain('Field Marshal');
  });
});

describe('installations', () => {
  it('leave a base already named alone when "in" only locates it', () => {
    const x = extractArticle(article('Jets left the Qarawi airbase in Latakia on Friday, officials said.'));
    expect(x.entities.filter((e) => e.type === 'installation').map((e) => e.name)).toEqual(['Qarawi air base']);
  });

  it('read names with digits and particles: "the T7 airbase", "Ain al Ghazal air base"', () => {
    const x = extractArticle(
      article('Jets flew from the T7 airbase to Ain al Ghazal air base on Friday, officials said.'),
    );
    expect(mentioned(x, 'T7 airbase').type).toBe('installation');
    expect(mentioned(x, 'Ain al Ghazal air base').type).toBe('installation');
  });

  it('read a modifier inside the cue: "the Qarawi naval logistics base"', () => {
    const x = extractArticle(article('Two frigates left the Qarawi naval logistics base, officials said.'));
    expect(mentioned(x, 'Qarawi naval logistics base').subtype).toBe('naval_base');
  });
});

describe('with a knowledge base', () => {
  it('a known name at the tail of a longer name is not that entity: "Hafez al-Haddad" is not "al-Haddad"', () => {
    const people = new KnowledgeBase([
      { id: 'b', name: 'Karim al-Haddad', type: 'actor', subtype: 'person', aliases: ['al-Haddad'] },
    ]);
    const x = extractArticle(article('Hafez al-Haddad ruled before his son, officials said.'), { knowledge: people });
    expect(x.entities.find((e) => e.known === 'b')).toBeUndefined();
  });

  it('a body named by a cue keeps a known demonym inside it: "the Syrian army" stays a body', () => {
    const states = new KnowledgeBase([
      { id: 'sy', name: 'Syria', type: 'actor', subtype: 'state', aliases: ['Syrian'] },
    ]);
    const x = extractArticle(article('Russia helped the Syrian army, officials said.'), { knowledge: states });
    expect(mentioned(x, 'Syrian army').subtype).toBe('military');
  });

  const kb = new KnowledgeBase([
    { id: 'ru', name: 'Russia', type: 'actor', subtype: 'state', aliases: ['Russian', 'Moscow'] },
    { id: 'tq', name: 'Qarawi naval facility', type: 'installation', subtype: 'naval_base', aliases: ['Qarawi'] },
  ]);

  it('a known demonym leaves a longer name to the rules: "the Russian Air Force" stays a body', () => {
    const x = extractArticle(article('The Russian Air Force said the jets had landed.'), { knowledge: kb });
    expect(mentioned(x, 'Russian Air Force').subtype).toBe('military');
  });

  it('a base a rule names after a known place joins the known installation', () => {
    const x = extractArticle(
      article('Two frigates left the naval logistics base at Qarawi. The Qarawi base is the last one, officials said.'),
      { knowledge: kb },
    );
    const installations = x.entities.filter((e) => e.type === 'installation');
    expect(installations.map((e) => e.known)).toEqual(['tq']);
  });
});

describe('bodies described by their state', () => {
  it('"the Qarawi transitional government" and "the new Qarawi authorities" keep their owner in the mention', () => {
    const x = extractArticle(
      article('Syria’s transitional government said the base would stay. The new Syrian authorities agreed.'),
    );
    const body = mentioned(x, 'Syria’s transitional government');
    expect(body.mentions.map((m) => m.text)).toContain('new Syrian authorities');
  });

  it('"the Syrian army" is a military body, but not in "a Syrian army officer"', () => {
    const x = extractArticle(article('Russia helped the Syrian army. A Syrian army officer said the jets had left.'));
    expect(mentioned(x, 'Syrian army').subtype).toBe('military');
    expect(x.entities.find((e) => e.name.includes('army'))!.mentions).toHaveLength(1);
  });
});

describe('more names of general English', () => {
  it('"a military airfield in Morovka" keeps "military" in the mention', () => {
    const x = extractArticle(article('Drones struck a military airfield in Morovka overnight, officials said.'));
    expect(mentioned(x, 'military airfield in Morovka')).toMatchObject({ type: 'installation', subtype: 'airbase' });
  });

  it('"al-Qarawi air base" keeps its lower-case article, "Ain al-Ghazal Air Base" its particle', () => {
    const x = extractArticle(
      article('Jets left Libya’s al-Qarawi air base for Ain al-Ghazal Air Base on Friday, officials said.'),
    );
    expect(mentioned(x, 'al-Qarawi air base').type).toBe('installation');
    expect(mentioned(x, 'Ain al-Ghazal Air Base').type).toBe('installation');
  });

  it('a hyphenated participle is no name: "the Moscow-controlled Belvik airbase" is Belvik\'s', () => {
    const x = extractArticle(
      article(
        'A strike hit the Moscow-controlled Belvik airbase. Ankara wants Turkish-operated airbases, officials said.',
      ),
    );
    expect(mentioned(x, 'Belvik airbase').type).toBe('installation');
    expect(x.entities.some((e) => /operated/.test(e.name))).toBe(false);
  });

  it('a numbered unit keeps its number: "the 412th Guards Aviation Regiment"', () => {
    const x = extractArticle(article('Jets of the 412th Guards Aviation Regiment were hit, officials said.'));
    expect(mentioned(x, '412th Guards Aviation Regiment').type).toBe('actor');
  });

  it('"the General Command" is a body, not a general named Command', () => {
    const x = extractArticle(article('The General Command of the army said the port was closed.'));
    expect(x.entities.map((e) => e.name)).not.toContain('Command');
  });

  it('weapons are not actors: "UAV", "ATACMS"', () => {
    const x = extractArticle(article('Russia said it downed 10 ATACMS and a UAV over the base, officials said.'));
    expect(x.entities.map((e) => e.name)).not.toEqual(expect.arrayContaining(['UAV']));
    expect(x.entities.map((e) => e.name)).not.toEqual(expect.arrayContaining(['ATACMS']));
  });

  it('"the Gulf of Thailand" names a gulf, not Thailand', () => {
    const x = extractArticle(article('The base on the Gulf of Thailand is almost complete, officials said.'));
    expect(x.entities.map((e) => e.name)).not.toContain('Thailand');
  });

  it('"Iranian-linked targets" name Iran as an actor', () => {
    const x = extractArticle(article('Israeli jets struck Iranian-linked targets near the base, officials said.'));
    expect(x.entities.map((e) => e.name)).toContain('Iran');
  });
});

describe("outlets and a country's press", () => {
  it('an outlet named before "television channel" keeps the country in its name', () => {
    const x = extractArticle(
      article('The minister told the Al-Qarawi Syria television channel that the talks went on.'),
    );
    expect(mentioned(x, 'Al-Qarawi Syria').subtype).toBe('organization');
    expect(x.entities.map((e) => e.name)).toContain('Syria');
  });

  it('"… Syrian newspaper Al-Qarawi": the words before the noun describe it, the name follows', () => {
    const x = extractArticle(article('The semi-official Syrian newspaper Al-Qarawi said the port was closed.'));
    expect(x.entities.map((e) => e.name)).not.toContain('Semi-official Syrian');
  });

  it('an acronym joined to a country by a hyphen is an outlet: "KTV-Ukraine"', () => {
    const x = extractArticle(article('A source told KTV-Ukraine that the airfield was hit.'));
    expect(mentioned(x, 'KTV-Ukraine').subtype).toBe('organization');
  });

  it('"Russian media" is one source, the country\'s press', () => {
    const x = extractArticle(article('Russian media reported that all the drones were shot down.'));
    expect(mentioned(x, 'Russian media').subtype).toBe('organization');
  });

  it('"a British-drafted resolution" names Britain as an actor', () => {
    const x = extractArticle(article('Russia vetoed a British-drafted resolution on the port, officials said.'));
    expect(x.entities.map((e) => e.name)).toContain('United Kingdom');
  });

  it('a numbered unit the tagger reads as a pronoun keeps its number: "the 559th …"', () => {
    const x = extractArticle(article('The airfield houses the 559th Guards Bomber Aviation Regiment, officials said.'));
    expect(mentioned(x, '559th Guards Bomber Aviation Regiment').type).toBe('actor');
  });
});
