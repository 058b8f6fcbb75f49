import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import type { ExtractedSource } from './types';

const article = (body: string) => `date 2024-12-15 BEIRUT: ${body}`;

/** The sources of the article's claims, in order. */
const sources = (body: string): Array<ExtractedSource | null> =>
  extractArticle(article(body)).claims.map((c) => c.source);

describe('described sources', () => {
  it('"four Syrian officials" → count 4, anonymous, actor Syria', () => {
    expect(sources('Four Syrian officials said the convoy had reached the border.')).toEqual([
      { text: 'Four Syrian officials', actor: 'Syria', count: 4, anonymous: true },
    ]);
  });

  // source.ts maps the articles "a" and "an" to 1 (NUMBERS), and counts only sources described by a
  // noun for people: one unnamed source is a count of one, not an unknown count.
  it('"a Russian source" → count 1, anonymous, actor Russia', () => {
    expect(sources('A Russian source said the convoy had reached the border.')).toEqual([
      { text: 'A Russian source', actor: 'Russia', count: 1, anonymous: true },
    ]);
  });

  it.each([
    ['12 Russian officers', 12],
    ['Two Syrian diplomats', 2],
    ['Syrian sources', null],
    ['Several Russian diplomats', null],
    ['Some Syrian officials', null],
  ])('counts %j as %j', (source, count) => {
    expect(sources(`${source} said the convoy had reached the border.`)[0]).toMatchObject({
      text: source,
      count,
      anonymous: true,
    });
  });

  it('bare "officials" are anonymous and belong to no actor', () => {
    expect(sources('Officials said the convoy had reached the border.')).toEqual([
      { text: 'Officials', actor: null, count: null, anonymous: true },
    ]);
  });

  it('a described source in a body belongs to the body, not its state', () => {
    const [source] = sources('An official at Syria’s defence ministry said the convoy had reached the border.');
    expect(source).toMatchObject({ actor: 'Syrian Ministry of Defence', count: 1, anonymous: true });
  });
});

describe('named sources', () => {
  it('a named person is not anonymous and is the actor, with no count', () => {
    expect(sources('Defence Minister Karim Haddad said the convoy had reached the border.')).toEqual([
      { text: 'Defence Minister Karim Haddad', actor: 'Karim Haddad', count: null, anonymous: false },
    ]);
  });

  it('a named organisation is not anonymous and is the actor', () => {
    expect(sources('The Kremlin said the convoy had reached the border.')).toEqual([
      { text: 'The Kremlin', actor: 'Kremlin', count: null, anonymous: false },
    ]);
  });

  it('a state named by its capital is the state', () => {
    expect(sources('Damascus said the convoy had reached the border.')).toEqual([
      { text: 'Damascus', actor: 'Syria', count: null, anonymous: false },
    ]);
  });

  it('a person named with their state is the person, the most specific actor', () => {
    const [source] = sources('Syria’s foreign minister Karim Haddad said the convoy had reached the border.');
    expect(source).toMatchObject({ actor: 'Karim Haddad', anonymous: false });
  });
});

describe('follow-ups take the actor of the earlier source', () => {
  it('"The official said" and "He added" after "A Syrian official"', () => {
    expect(
      sources(
        'A Syrian official said the convoy had reached the border. The official said more trucks would follow. He added that the road was open.',
      ),
    ).toEqual([
      { text: 'A Syrian official', actor: 'Syria', count: 1, anonymous: true },
      { text: 'The official', actor: 'Syria', count: null, anonymous: true },
      { text: 'He', actor: 'Syria', count: null, anonymous: true },
    ]);
  });

  it('"the official" in quoted speech after "four Syrian officials"', () => {
    const found = sources(
      'Four Syrian officials said the convoy had reached the border.\n\n“More trucks will follow,” said the official, adding that the road was open.',
    );
    expect(found.map((s) => [s?.text, s?.actor, s?.anonymous])).toEqual([
      ['Four Syrian officials', 'Syria', true],
      ['the official', 'Syria', true],
      ['the official', 'Syria', true],
    ]);
  });

  it('"They said" after "Four Syrian officials"', () => {
    const found = sources('Four Syrian officials said the convoy had reached the border. They said the road was open.');
    expect(found[1]).toEqual({ text: 'They', actor: 'Syria', count: null, anonymous: true });
  });

  it('"He said" after a named person is that person, not anonymous', () => {
    const found = sources(
      'Defence Minister Karim Haddad said the convoy had reached the border. He said the road was open.',
    );
    expect(found[1]).toEqual({ text: 'He', actor: 'Karim Haddad', count: null, anonymous: false });
  });

  it('a follow-up points at the latest source of its kind', () => {
    const found = sources(
      'A Syrian official said the convoy had reached the border. A Russian source said the road was closed. The official said the road was open.',
    );
    expect(found.map((s) => s?.actor)).toEqual(['Syria', 'Russia', 'Syria']);
  });

  // Was a bug (fixed): the follow-up's head noun is compared without its number ("sources" → "source"), so "The
  // sources" points back to the singular "A Syrian source" named last, not to the plural
  // "Three Russian sources".
  it('"The sources" points back to the plural source, not to a later singular one', () => {
    const found = sources(
      'Three Russian sources said the convoy had reached the border. A Syrian source said the road was closed. The sources said the road was open.',
    );
    expect(found.map((s) => s?.actor)).toEqual(['Russia', 'Syria', 'Russia']);
  });
});
