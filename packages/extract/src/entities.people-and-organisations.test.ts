import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { entityNamed } from './test-support';
import type { Extraction } from './types';

const article = (body: string) => `date 2024-12-15 BEIRUT: ${body}`;

const entity = entityNamed;

const names = (result: Extraction) => result.entities.map((e) => e.name);

describe('people', () => {
  it('reads a titled person by name, the title left out', () => {
    const text = article('Defence Minister Karim Haddad has visited the Qarawi airbase.');
    const haddad = entity(extractArticle(text), 'Karim Haddad');
    expect(haddad).toMatchObject({ type: 'actor', subtype: 'person' });
    expect(haddad.mentions).toEqual([
      { start: text.indexOf('Karim'), end: text.indexOf(' has'), text: 'Karim Haddad' },
    ]);
  });

  it('reads a person after a demonym and a title, and the state too', () => {
    const result = extractArticle(article('Syrian President Nadim Faris has met the Russian envoy in Damascus.'));
    expect(entity(result, 'Nadim Faris').subtype).toBe('person');
    expect(entity(result, 'Syria').mentions.map((m) => m.text)).toEqual(['Syrian', 'Damascus']);
  });

  it('reads "Haddad said" after the full name as a mention of the same person', () => {
    const result = extractArticle(
      article('Defence Minister Karim Haddad has visited the port.\n\nHaddad said the talks were going well.'),
    );
    expect(entity(result, 'Karim Haddad').mentions.map((m) => m.text)).toEqual(['Karim Haddad', 'Haddad']);
    expect(names(result)).not.toContain('Haddad');
  });

  it('reads a surname with an Arabic article ("al-Amin" then "Amin") as the same person', () => {
    const result = extractArticle(
      article('Interior Minister Rami al-Amin has closed the border.\n\nAmin said the crossing would reopen.'),
    );
    expect(entity(result, 'Rami al-Amin').mentions.map((m) => m.text)).toEqual(['Rami al-Amin', 'Amin']);
  });

  // Was a bug (fixed): findProperNames runs before findRepeatedNames, and its "speaks" rule makes a lone capitalised
  // word before "said" (not at the start of a sentence) an organisation: "Haddad" becomes its own entity.
  it('reads “…,” Haddad said as a mention of Karim Haddad', () => {
    const result = extractArticle(
      article('Defence Minister Karim Haddad has visited the port.\n\n“The talks are going well,” Haddad said.'),
    );
    expect(names(result)).not.toContain('Haddad');
    expect(entity(result, 'Karim Haddad').mentions.map((m) => m.text)).toEqual(['Karim Haddad', 'Haddad']);
  });
});

describe('one entity with two names', () => {
  it('"X — better known as Y" makes one entity, later Y mentions included', () => {
    const result = extractArticle(
      article(
        'The rebel commander Omar Saleh — better known as Abu Tariq — has taken the port.\n\nAbu Tariq said his men held the airbase.',
      ),
    );
    const saleh = entity(result, 'Omar Saleh');
    expect(saleh.mentions.map((m) => m.text)).toEqual(['Omar Saleh', 'Abu Tariq', 'Abu Tariq']);
    expect(saleh.aliases).toContain('Abu Tariq');
    expect(names(result)).not.toContain('Abu Tariq');
  });

  it('"X, also known as Y," makes one entity', () => {
    const result = extractArticle(article('Omar Saleh, also known as Abu Tariq, has taken the port.'));
    expect(entity(result, 'Omar Saleh').aliases).toContain('Abu Tariq');
    expect(result.entities.filter((e) => e.subtype === 'person')).toHaveLength(1);
  });
});

describe('organisations', () => {
  it('reads "Orbital Labs" as an organisation by its cue word', () => {
    const result = extractArticle(article('Images from Orbital Labs have shown two ships at the pier.'));
    expect(entity(result, 'Orbital Labs')).toMatchObject({ type: 'actor', subtype: 'organization' });
  });

  it('reads "the Daily Courier" as an organisation, the article kept only as an alias', () => {
    const result = extractArticle(article('The port was closed on Friday, the Daily Courier has reported.'));
    const courier = entity(result, 'Daily Courier');
    expect(courier.subtype).toBe('organization');
    expect(courier.mentions.map((m) => m.text)).toEqual(['Daily Courier']);
    expect(courier.aliases).toContain('the Daily Courier');
  });

  it('reads a whole name after "the" even where its first word is also a verb ("to levant")', () => {
    const result = extractArticle(
      article('Images released by the Levant Imagery Group showed no aircraft at the pier.'),
    );
    expect(names(result)).toContain('Levant Imagery Group');
    expect(names(result)).not.toContain('Imagery Group');
  });

  it('reads no organisation in a capitalised pronoun or acronym after "the" ("the IT network")', () => {
    expect(names(extractArticle(article('Officials said the IT network of the port had been restored.')))).toEqual([]);
  });

  it('reads that whole name after a preposition too, where the name goes on past the word read as a verb', () => {
    const result = extractArticle(article('Analysts at Levant Imagery Group said the ships had gone.'));
    expect(names(result)).toContain('Levant Imagery Group');
    expect(names(result)).not.toContain('Imagery Group');
  });

  it('reads a name after "the newspaper" as an organisation', () => {
    const result = extractArticle(article('The newspaper Al Sabah said the port had reopened.'));
    expect(entity(result, 'Al Sabah').subtype).toBe('organization');
  });

  it('knows well-known bodies by their short names: Reuters, the Kremlin, NATO', () => {
    const result = extractArticle(
      article('The Kremlin told Reuters on Friday that NATO ships had been seen off the coast.'),
    );
    expect(entity(result, 'Kremlin').subtype).toBe('government_body');
    expect(entity(result, 'Reuters').subtype).toBe('organization');
    expect(entity(result, 'NATO').subtype).toBe('organization');
  });

  it('reads a state’s defence ministry as a government body owned by the state', () => {
    const result = extractArticle(article('Syria’s defence ministry said the convoy had reached the border.'));
    const ministry = result.entities.find((e) => e.subtype === 'government_body');
    expect(ministry?.name).toBe('Syrian Ministry of Defence');
    expect(names(result)).toContain('Syria');
  });
});

describe('vessels', () => {
  it.each([
    ['the frigate', 'Russia has moved the frigate Admiral Kasatonov out of the harbour.', 'Admiral Kasatonov'],
    ['the cargo ship', 'The cargo ship Sparta Nine has left the port of Latakia.', 'Sparta Nine'],
    ['the tanker', 'Officials have said the tanker Volga Star was turned away.', 'Volga Star'],
  ])('does not read a name after %s as an entity', (_, body, ship) => {
    const result = extractArticle(article(body));
    for (const e of result.entities) expect(e.mentions.map((m) => m.text).join(' ')).not.toContain(ship);
  });

  it('reads both ships of a list that starts with one as no entities', () => {
    const result = extractArticle(
      article('The landing ships Ivan Petrov and Sergei Volkov have sailed from the naval facility at Port Sela.'),
    );
    expect(result.entities.filter((e) => e.subtype === 'person')).toEqual([]);
  });
});
