import { describe, expect, it } from 'vitest';
import type { ClaimFact, EntityFacts, StatementFact } from '@sitrep/vocabulary';
import { renderAllFacts, renderHover, shorten, sourceInWords } from './render';

const SHOW_ALL = 'command:sitrep.showFacts?%5B%22SW5zdGFsbGF0aW9uOjE%3D%22%5D';
const GRAPHIQL = 'http://127.0.0.1:4000/graphql?query=query%20Hover';

function claim(overrides: Partial<ClaimFact> & { saidOn: string }): ClaimFact {
  return {
    quote: 'The base is operating normally.',
    stance: 'AFFIRMS',
    hedged: false,
    eventDate: null,
    source: { text: 'a Russian defence official', count: 1, anonymous: true, actor: { name: 'Russia' } },
    start: 0,
    end: 10,
    article: {
      id: 'A1',
      title: `Report of ${overrides.saidOn}`,
      publishedAt: overrides.saidOn,
      outlet: 'Coastal Wire',
    },
    ...overrides,
  };
}

const edges = <T>(...nodes: T[]) => ({ totalCount: nodes.length, edges: nodes.map((node) => ({ node })) });

let statementIds = 0;
function statement(overrides: Partial<StatementFact>, ...claims: ClaimFact[]): StatementFact {
  return {
    id: `s${++statementIds}`,
    grade: 'F6',
    independentSources: 1,
    affirming: 1,
    denying: 0,
    contested: false,
    credibilityReason: 'One anonymous source, not confirmed by any other.',
    conflicts: [],
    claims: edges(...claims),
    ...overrides,
  };
}

/** Each claim a statement of its own, as for claims nobody else repeats. */
const alone = (claims: { edges: Array<{ node: ClaimFact }> }) =>
  edges(...claims.edges.map(({ node }) => statement({}, node)));
const NONE = edges<StatementFact>();

const hmeimim = (claims = edges<ClaimFact>()): EntityFacts => ({
  id: 'SW5zdGFsbGF0aW9uOjE=',
  name: 'Hmeimim Air Base',
  kind: 'INSTALLATION',
  reviewStatus: 'CONFIRMED',
  aliases: ['Hmeimim Air Base', 'Khmeimim', 'Humaymim'],
  description: 'Russia’s main air base in Syria.',
  installationType: 'air base',
  location: {
    place: 'Hmeimim',
    region: 'Latakia Governorate',
    country: 'Syria',
    latitude: 35.40111,
    longitude: 35.94864,
  },
  operator: { name: 'Russian Armed Forces' },
  hostCountry: { name: 'Syria' },
  claimStats: { claims: claims.totalCount, sources: 3, latest: claims.edges[0]?.node.saidOn ?? null },
  claims,
  contested: NONE,
  statements: alone(claims),
});

const peskov: EntityFacts = {
  id: 'QWN0b3I6MTI=',
  name: 'Dmitry Peskov',
  kind: 'ACTOR',
  reviewStatus: 'CONFIRMED',
  aliases: ['Dmitry Peskov', 'Peskov'],
  description: null,
  actorType: 'person',
  role: 'Kremlin spokesman',
  affiliation: { name: 'Kremlin' },
  claimStats: { claims: 1, sources: 1, latest: '2025-01-10' },
  claims: edges(claim({ saidOn: '2025-01-10' })),
  contested: NONE,
  statements: alone(edges(claim({ saidOn: '2025-01-10' }))),
};

describe('renderHover', () => {
  it('shows an installation: name, type, place with coordinates, operator, host country, other names', () => {
    const md = renderHover(hmeimim(), 5);
    expect(md.split('\n\n')[0]).toBe('**Hmeimim Air Base** · air base');
    expect(md).toContain('Hmeimim, Latakia Governorate, Syria (35.4011, 35.9486)');
    expect(md).toContain('operated by Russian Armed Forces');
    expect(md).toContain('in Syria');
    expect(md).toContain('Also: Khmeimim, Humaymim');
    expect(md).not.toContain('Also: Hmeimim Air Base');
    expect(md).toContain('No claims yet.');
  });

  it('shows an actor: type, role and what it is part of', () => {
    const md = renderHover(peskov, 5);
    expect(md).toContain('**Dmitry Peskov** · person');
    expect(md).toContain('Kremlin spokesman · part of Kremlin');
    expect(md).toContain('Also: Peskov');
  });

  it('counts claims and sources, then lists at most maxClaims statements, each with its grade and quotes', () => {
    const claims = edges(
      claim({ saidOn: '2025-02-03', stance: 'DENIES', hedged: true, eventDate: '2025-02-01' }),
      claim({ saidOn: '2025-01-20', stance: 'NO_COMMENT' }),
      claim({ saidOn: '2025-01-05' }),
      claim({ saidOn: '2024-12-30' }),
    );
    const md = renderHover(hmeimim(claims), 3);
    expect(md).toContain('**4 claims** from 3 sources, latest 2025-02-03');
    expect(md).toContain('**4 statements**:');
    const heads = md.split('\n').filter((l) => l.startsWith('- '));
    expect(heads).toHaveLength(3);
    expect(heads[0]).toBe('- **F6** · 1 independent source — One anonymous source, not confirmed by any other.');
    const quotes = md.split('\n').filter((l) => l.startsWith('  - '));
    expect(quotes[0]).toMatch(/^ {2}- 2025-02-03 \(event 2025-02-01\) · \*\*denies\*\*, \*hedged\* · /);
    expect(quotes[1]).toMatch(/^ {2}- 2025-01-20 · no comment · /);
    expect(quotes[2]).toMatch(/^ {2}- 2025-01-05 · affirms · /);
    expect(quotes[0]).toContain('— *Report of 2025-02-03*, 2025-02-03');
    expect(md).not.toContain('2024-12-30');
    expect(
      renderHover(hmeimim(claims), 0)
        .split('\n')
        .filter((l) => l.trimStart().startsWith('- ')),
    ).toEqual([]);
  });

  it('leads with what is contested, then the latest statements, each once, with who says otherwise and why', () => {
    const left = claim({ saidOn: '2025-03-04', quote: 'Two transport aircraft left the base.' });
    const denial = claim({ saidOn: '2025-03-06', stance: 'DENIES', quote: 'any aircraft had left the base' });
    const disputed = statement({
      grade: 'B4',
      independentSources: 2,
      affirming: 2,
      denying: 1,
      contested: true,
      credibilityReason: 'Contested: 2 sources for, 1 against.',
      conflicts: [{ why: 'One affirms what the other denies.' }],
      claims: { totalCount: 3, edges: [{ node: left }, { node: left }] },
    });
    const latest = statement({}, denial);
    const md = renderHover(
      { ...hmeimim(edges(left, denial)), contested: edges(disputed), statements: edges(latest, disputed) },
      5,
    );
    expect(md).toContain('**2 statements**, 1 contested:');
    const heads = md.split('\n').filter((l) => l.startsWith('- '));
    expect(heads).toEqual([
      '- **B4** · 2 independent sources · 1 says otherwise · *contested* — Contested&#58; 2 sources for, 1 against.',
      '- **F6** · 1 independent source — One anonymous source, not confirmed by any other.',
    ]);
    expect(md).toContain('  - *and 1 more telling*');
    expect(md).toContain('  - ⚠ One affirms what the other denies.');
  });

  it('says one claim from one source in the singular', () => {
    expect(renderHover(peskov, 5)).toContain('**1 claim** from 1 source, latest 2025-01-10');
  });

  it('shortens a long quote at a word, with an ellipsis', () => {
    const quote = `${'word '.repeat(60)}end`;
    const line = renderHover(hmeimim(edges(claim({ saidOn: '2025-01-01', quote }))), 5)
      .split('\n')
      .find((l) => l.startsWith('  - '))!;
    const shown = line.match(/“(.*)”/)![1]!;
    expect(shown.endsWith('word…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(161);
    expect(shown).not.toContain('end');
  });

  it('shows the show-all command link and the GraphiQL link only when given', () => {
    const plain = renderHover(hmeimim(), 5);
    expect(plain).not.toContain('](');
    expect(plain).not.toContain('command:');
    const linked = renderHover(hmeimim(), 5, { showAllLink: SHOW_ALL, graphiqlLink: GRAPHIQL });
    expect(linked).toContain(`[Show all 0 claims](${SHOW_ALL})`);
    expect(linked).toContain(`[Open in GraphiQL](${GRAPHIQL})`);
    expect(renderHover(hmeimim(), 5, { graphiqlLink: GRAPHIQL })).not.toContain('command:');
    expect(renderHover(hmeimim(), 5, { showAllLink: SHOW_ALL })).not.toContain('GraphiQL');
  });
});

describe('sourceInWords', () => {
  it('names the source and, in brackets, the actor behind it', () => {
    const source = { text: 'a senior official', count: 1, anonymous: true, actor: { name: 'Kremlin' } };
    expect(sourceInWords(claim({ saidOn: '2025-01-01', source }))).toBe('a senior official (Kremlin)');
  });

  it('does not repeat the actor when the text already names it', () => {
    const source = {
      text: 'Kremlin spokesman Dmitry Peskov',
      count: 1,
      anonymous: false,
      actor: { name: 'Dmitry Peskov' },
    };
    expect(sourceInWords(claim({ saidOn: '2025-01-01', source }))).toBe('Kremlin spokesman Dmitry Peskov');
  });

  // Was a bug (fixed): the "already named" test is a substring test, so "Syrian" counts as naming "Syria" and the
  // actor disappears: "four Syrian officials" instead of "four Syrian officials (Syria)", and likewise
  // "a Russian defence official" without "(Russia)".
  it('gives “four Syrian officials (Syria)”: an adjective is not the name', () => {
    const source = { text: 'four Syrian officials', count: 4, anonymous: true, actor: { name: 'Syria' } };
    expect(sourceInWords(claim({ saidOn: '2025-01-01', source }))).toBe('four Syrian officials (Syria)');
  });

  it('gives “a Russian defence official (Russia)”', () => {
    const source = { text: 'a Russian defence official', count: 1, anonymous: true, actor: { name: 'Russia' } };
    expect(sourceInWords(claim({ saidOn: '2025-01-01', source }))).toBe('a Russian defence official (Russia)');
  });

  it('names the outlet when the article speaks for itself', () => {
    expect(sourceInWords(claim({ saidOn: '2025-01-01', source: null }))).toBe('Coastal Wire (own reporting)');
    const noOutlet = claim({ saidOn: '2025-01-01', source: null });
    noOutlet.article = { ...noOutlet.article, outlet: null };
    expect(sourceInWords(noOutlet)).toBe('the outlet (own reporting)');
  });
});

describe('article text in a hover is inert', () => {
  const ATTACKS = [
    '[click](command:workbench.action.terminal.new)',
    '<img src=x onerror=alert(1)>',
    '**bold**',
    '`code` and ``more``',
    '![x](http://evil)',
  ].join(' ');
  const hostile = claim({
    saidOn: '2025-03-01',
    quote: `He said ${ATTACKS} and left.`,
    source: { text: `an aide ${ATTACKS}`, count: 1, anonymous: true, actor: { name: 'Russia [x](command:y)' } },
    article: { id: 'A2', title: `Title ${ATTACKS}`, publishedAt: '2025-03-01', outlet: 'Wire' },
  });
  const ownVoice = claim({
    saidOn: '2025-02-01',
    source: null,
    article: { id: 'A3', title: 'Plain', publishedAt: '2025-02-01', outlet: `Outlet ${ATTACKS}` },
  });
  const facts = { ...hmeimim(edges(hostile, ownVoice)), description: `Described ${ATTACKS}` };
  const md = renderHover(facts, 5, { showAllLink: SHOW_ALL, graphiqlLink: GRAPHIQL });
  const ours = [`[Show all 2 claims](${SHOW_ALL})`, `[Open in GraphiQL](${GRAPHIQL})`];
  /** The hover without the two links it is meant to have: all that is left came from data. */
  const rest = ours.reduce((text, link) => text.replace(link, ''), md);

  it('has our two links and no other link, image or HTML', () => {
    for (const link of ours) expect(md).toContain(link);
    // `](` opens a link target; escaped text reads `\]\(`, which never contains it.
    expect(rest).not.toMatch(/\]\(/);
    expect(rest).not.toMatch(/\]\s*\[/);
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/<[a-z/!?]/i);
    // We write no backticks or brackets ourselves: any left unescaped would have come from the article.
    expect(rest).not.toMatch(/(?<!\\)[`[\]]/);
  });

  it('keeps article text readable: every character is there, escaped', () => {
    const unescaped = md
      .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&#58;/g, ':')
      .replace(/&#46;/g, '.')
      .replace(/&amp;/g, '&');
    expect(unescaped).toContain(`Title ${ATTACKS}`);
    expect(unescaped).toContain(`an aide ${ATTACKS}`);
    expect(unescaped).toContain(`Outlet ${ATTACKS} (own reporting)`);
  });

  it('escapes bold, code and image markers from the article', () => {
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).toContain('\\`code\\`');
    expect(md).toContain('!\\[x\\]\\(http&#58;//evil\\)');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)\\>');
  });

  it('has no command: link but ours', () => {
    expect(md.match(/\]\(command:/g)).toEqual(['](command:']);
    expect(md.indexOf('](command:')).toBe(md.indexOf(`](${SHOW_ALL})`));
    expect(md).not.toMatch(/<command:/);
  });

  // Was a bug (fixed, defence in depth): the literal text "command:workbench.action.terminal.new" from an article survives
  // escaping, so the hover spells `command:` once per field that held it. Escaped as it is, it renders as plain text in
  // CommonMark and marked, but a renderer that links any scheme would make it a command link.
  it('spells command: only in the show-all link', () => {
    expect(md.split('command:')).toHaveLength(2);
  });

  // Was a bug (fixed): a bare URL in article text stays a URL. VS Code renders hovers with marked (GFM), which autolinks
  // http(s):// URLs: `\!\[x\]\(http://evil\)` renders as `![x](<a href="http://evil%5C">…</a>)`, a link
  // from article text (checked by hand with marked 15, gfm: true). Only the GraphiQL link may hold a URL.
  it('leaves no URL a GFM renderer would link, except the GraphiQL link', () => {
    expect(rest).not.toMatch(/https?:\/\/|www\./i);
  });

  it('renders the all-facts view with the same escaping', () => {
    const all = renderAllFacts(facts);
    expect(all.startsWith('# Hmeimim Air Base\n\n')).toBe(true);
    expect(all).toContain('## Claims (2 of 2, newest first)');
    expect(all).not.toMatch(/\]\(/);
    expect(all).not.toContain('<img');
  });
});

describe('shorten', () => {
  it('keeps a short text, flattening its whitespace', () => {
    expect(shorten('  one\n two  ', 20)).toBe('one two');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(shorten('one two three four five six seven', 15)).toBe('one two three…');
    expect(shorten('alpha beta, gamma delta', 12)).toBe('alpha beta…');
  });

  it('cuts inside a word only when there is no space late enough', () => {
    const cut = shorten(`a ${'x'.repeat(50)}`, 20);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(21);
  });
});
