import { createServer } from 'node:net';
import type { Hover, InitializeResult, MarkupContent, Range } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LanguageServerProcess, SITREP_LSP_COMMAND, dataOf, startLanguageServer, useTestServer } from '../helpers';
import {
  EntityAtRequest,
  FactsMarkdownRequest,
  IngestDocumentRequest,
  RefreshDictionaryRequest,
  type Status,
  StatusNotification,
  StatusRequest,
} from '@sitrep/language-server/protocol';

const api = useTestServer();

const connected = (s: Status) => s.state === 'connected';

const URI = 'file:///notes/coast.md';
// Our own notes: names in the spellings people use, one of them broken across a line.
const DOC = [
  '# Notes on the coast',
  '',
  'Satellite images show new hangars at Khmeimim this week.',
  'Ships were loading at Tartous on Monday.',
  '',
  'Analysts expect al-Golani to raise the bases with the Kremlin,',
  'and Russia’s envoy is due soon.',
  '',
  'Flights continued from Hmeimim Air',
  'Base despite the talks.',
  '',
  'Nothing here names anyone at all.',
  '',
].join('\n');

/** The line and character of `needle` in the document, `delta` characters in. */
function positionOf(needle: string, delta = 0, text = DOC) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the document`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

const markdownOf = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';
/** The hover as a reader sees it: Markdown escapes removed. */
const readable = (hover: Hover | null) =>
  markdownOf(hover)
    .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
/** A statement's line: its grade and backing; its quotes follow, indented. */
const statementLines = (hover: Hover | null) =>
  markdownOf(hover)
    .split('\n')
    .filter((line) => line.startsWith('- '));
const quoteLines = (hover: Hover | null) =>
  markdownOf(hover)
    .split('\n')
    .filter((line) => line.startsWith('  - '));

interface EntityData {
  id: string;
  name: string;
  role?: string | null;
  affiliation?: { name: string } | null;
  location?: { latitude: number; longitude: number } | null;
  operator?: { name: string } | null;
  claimStats: { claims: number; sources: number; latest: string };
  claims: {
    totalCount: number;
    edges: Array<{
      node: { quote: string; source: { text: string } | null; article: { title: string; publishedAt: string } };
    }>;
  };
  contested: { totalCount: number };
  statements: {
    totalCount: number;
    edges: Array<{
      node: {
        grade: string;
        independentSources: number;
        claims: EntityData['claims'];
      };
    }>;
  };
}

const ENTITY = `query($name: String!) {
  entity(name: $name) {
    id name
    claimStats { claims sources latest }
    claims(first: 5) { totalCount edges { node { quote source { text } article { title publishedAt } } } }
    contested: statements(first: 0, filter: { contested: true }) { totalCount }
    statements(first: 5) {
      totalCount
      edges { node { grade independentSources claims(first: 2) { totalCount edges { node { quote source { text } article { title publishedAt } } } } } }
    }
    ... on Actor { role affiliation { name } }
    ... on Installation { location { latitude longitude } operator { name } }
  }
}`;
/** What the GraphQL server knows about a name: what the hover must agree with. */
async function entityNamed(name: string): Promise<EntityData> {
  const { entity } = dataOf(await api.gql<{ entity: EntityData | null }>(ENTITY, { name }));
  if (!entity) throw new Error(`the demo data has no ${name}`);
  return entity;
}

/** A port on 127.0.0.1 that was free a moment ago and where nothing listens now. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Rejects when `promise` takes longer than `ms`: a server that hangs fails the test instead of stalling it. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('the language server over stdio, against a running Sitrep', () => {
  let ls: LanguageServerProcess;
  let init: InitializeResult;
  beforeAll(async () => {
    ls = startLanguageServer();
    init = await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, DOC);
  });
  afterAll(() => ls?.[Symbol.asyncDispose]());

  it('answers a hover sent before the names have loaded, by waiting for them', async () => {
    expect(ls.notifications.some((n) => n.method === StatusNotification.method && connected(n.params as Status))).toBe(
      false,
    );
    const hover = await ls.hover(URI, positionOf('Khmeimim').line, positionOf('Khmeimim', 3).character);
    expect(readable(hover)).toContain('**Hmeimim Air Base**');
  });

  it('offers hovers and incremental sync, under its own name', () => {
    expect(init.capabilities).toMatchObject({ hoverProvider: true, textDocumentSync: 2 });
    expect(init.serverInfo?.name).toBe('sitrep-language-server');
  });

  it('sends sitrep/status: connecting, then connected to the endpoint with what it loaded', async () => {
    const status = await ls.notification(StatusNotification, connected);
    expect(status).toMatchObject({ state: 'connected', endpoint: api.url });
    expect(status.entities).toBeGreaterThan(0);
    const statuses = ls.notifications
      .filter((n) => n.method === StatusNotification.method)
      .map((n) => n.params as Status);
    expect(statuses[0]).toMatchObject({ state: 'connecting', endpoint: api.url, entities: 0 });
    expect(await ls.connection.sendRequest(StatusRequest)).toEqual(status);
  });

  // Was a bug (fixed): `entities` is the number of distinct folded *names* in the dictionary (NameMatcher.size, 126 with
  // the demo data), not the number of entities (30), so a status bar saying "126 entities" is wrong.
  it('counts entities, not names, in sitrep/status', async () => {
    const { aliasDictionary } = dataOf(
      await api.gql<{ aliasDictionary: { entries: Array<{ entity: string }> } }>(
        '{ aliasDictionary { entries { entity } } }',
      ),
    );
    const entities = new Set(aliasDictionary.entries.map((e) => e.entity)).size;
    const status = await ls.notification(StatusNotification, connected);
    expect(status.entities).toBe(entities);
  });

  it('hovers on an installation with its place, coordinates, operator, numbers and latest claim', async () => {
    const facts = await entityNamed('Khmeimim');
    const at = positionOf('Khmeimim', 2);
    const hover = await ls.hover(URI, at.line, at.character);
    const text = readable(hover);
    expect(text.split('\n\n')[0]).toBe(`**${facts.name}** · air base`);
    expect(text).not.toContain('Candidate');
    expect(text).toContain(`(${facts.location!.latitude.toFixed(4)}, ${facts.location!.longitude.toFixed(4)})`);
    expect(text).toContain(`operated by ${facts.operator!.name}`);
    const { claims, sources, latest } = facts.claimStats;
    expect(text).toContain(`**${claims} claims** from ${sources} sources, latest ${latest}`);

    // What is said of it, as statements: none contested here, so the latest lead, each with its grade.
    expect(facts.contested.totalCount).toBe(0);
    const lines = statementLines(hover);
    expect(lines).toHaveLength(Math.min(5, facts.statements.totalCount));
    const lead = facts.statements.edges[0]!.node;
    expect(lines[0]).toMatch(
      new RegExp(`^- \\*\\*${lead.grade}\\*\\* · ${lead.independentSources} independent source`),
    );
    const newest = lead.claims.edges[0]!.node;
    const first = readable({ contents: { kind: 'markdown', value: quoteLines(hover)[0]!.trim() } });
    expect(first).toContain(newest.source!.text);
    expect(first).toContain(`“${newest.quote.slice(0, 20)}`);
    expect(first).toContain(`— *${newest.article.title}*, ${newest.article.publishedAt}`);

    expect(markdownOf(hover)).toContain(`(command:sitrep.showFacts?${encodeURIComponent(JSON.stringify([facts.id]))})`);
    expect(markdownOf(hover)).toContain(`[Open in GraphiQL](${api.url}?query=`);
    expect(hover?.range).toEqual<Range>({ start: positionOf('Khmeimim'), end: positionOf('Khmeimim', 8) });
  });

  it.each([
    ['Tartous', 'Tartous', 'Tartous'],
    ['al-Golani', 'al-Golani', 'al-Golani'],
    ['Kremlin', 'the Kremlin', 'Kremlin'],
    ['Russia’s', 'Russia’s', 'Russia'],
  ])('hovers on %s as the entity it names, over just the name', async (needle, asKnown, covered) => {
    const facts = await entityNamed(asKnown);
    const hover = await ls.hover(URI, positionOf(needle, 1).line, positionOf(needle, 1).character);
    expect(readable(hover).split('\n\n')[0]).toMatch(new RegExp(`^\\*\\*${facts.name}\\*\\* · `));
    expect(readable(hover)).toContain(`**${facts.claimStats.claims} claim`);
    expect(hover?.range).toEqual<Range>({ start: positionOf(needle), end: positionOf(needle, covered.length) });
  });

  it('shows an actor’s role and what it belongs to', async () => {
    const facts = await entityNamed('al-Golani');
    const hover = await ls.hover(URI, positionOf('al-Golani').line, positionOf('al-Golani', 4).character);
    expect(readable(hover)).toContain(`${facts.role} · part of ${facts.affiliation!.name}`);
  });

  it('reads a name broken across a line, from either line', async () => {
    const facts = await entityNamed('Hmeimim Air Base');
    const range = { start: positionOf('Hmeimim Air'), end: positionOf('Base despite', 4) };
    for (const at of [positionOf('Hmeimim Air', 1), positionOf('Base despite', 2)]) {
      const hover = await ls.hover(URI, at.line, at.character);
      expect(readable(hover)).toContain(`**${facts.name}**`);
      expect(hover?.range).toEqual(range);
    }
  });

  it('answers null on plain words, blank lines and past the end', async () => {
    for (const at of [positionOf('Nothing here', 3), positionOf('names anyone', 2), positionOf('Satellite')]) {
      expect(await ls.hover(URI, at.line, at.character)).toBeNull();
    }
    expect(await ls.hover(URI, 1, 0)).toBeNull();
    expect(await ls.hover(URI, 40, 0)).toBeNull();
    expect(await ls.hover('file:///notes/never-opened.md', 0, 0)).toBeNull();
  });

  it('hovers only in the languages it is set for', async () => {
    await ls.open('file:///notes/code.ts', '// Khmeimim', 'typescript');
    expect(await ls.hover('file:///notes/code.ts', 0, 5)).toBeNull();
  });

  it('tells the entity under the cursor (sitrep/entityAt)', async () => {
    const facts = await entityNamed('Tartous');
    const at = positionOf('Tartous', 3);
    expect(await ls.connection.sendRequest(EntityAtRequest, { textDocument: { uri: URI }, position: at })).toEqual({
      entity: facts.id,
      name: 'Tartous',
    });
    const nothing = positionOf('Nothing', 2);
    expect(await ls.connection.sendRequest(EntityAtRequest, { textDocument: { uri: URI }, position: nothing })).toBe(
      null,
    );
  });

  it('renders every claim about an entity (sitrep/factsMarkdown)', async () => {
    const facts = await entityNamed('Khmeimim');
    const markdown = await ls.connection.sendRequest(FactsMarkdownRequest, { entity: facts.id });
    const shown = Math.min(100, facts.claims.totalCount);
    expect(markdown).toMatch(/^# Hmeimim Air Base\n\n/);
    expect(markdown).toContain(`## Claims (${shown} of ${facts.claims.totalCount}, newest first)`);
    expect(markdown!.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(shown);
    expect(markdown).not.toContain('command:');
  });

  it('refetches the names on sitrep/refreshDictionary', async () => {
    const before = ls.notifications.length;
    const status = await ls.connection.sendRequest(RefreshDictionaryRequest);
    expect(status).toMatchObject({ state: 'connected', endpoint: api.url });
    expect(ls.notifications.slice(before).some((n) => n.method === StatusNotification.method)).toBe(true);
  });
});

describe('settings', () => {
  it('reads the sitrep section by workspace/configuration when the client offers it', async () => {
    await using ls = startLanguageServer({
      configuration: (section) => (section === 'sitrep' ? { endpoint: api.url, maxClaims: 1 } : null),
    });
    await ls.initialize({ capabilities: { workspace: { configuration: true } } });
    const status = await ls.notification(StatusNotification, connected);
    expect(status.endpoint).toBe(api.url);
    expect(ls.configurationRequests[0]?.items).toEqual([{ section: 'sitrep' }]);
    await ls.open(URI, DOC);
    const hover = await ls.hover(URI, positionOf('Tartous').line, positionOf('Tartous', 1).character);
    expect(statementLines(hover)).toHaveLength(1);
  });

  it('lets initializationOptions win over the section', async () => {
    const elsewhere = `http://127.0.0.1:${await closedPort()}/graphql`;
    await using ls = startLanguageServer({ configuration: () => ({ endpoint: elsewhere }) });
    await ls.initialize({
      initializationOptions: { endpoint: api.url },
      capabilities: { workspace: { configuration: true } },
    });
    expect((await ls.notification(StatusNotification, connected)).endpoint).toBe(api.url);
  });

  it('does not ask a client that cannot answer, and falls back to $SITREP_ENDPOINT', async () => {
    await using ls = startLanguageServer({ env: { SITREP_ENDPOINT: api.url } });
    await ls.initialize();
    expect((await ls.notification(StatusNotification, connected)).endpoint).toBe(api.url);
    expect(ls.configurationRequests).toEqual([]);
  });

  // Was a bug (fixed): with `workspace.configuration` (VS Code and Neovim both declare it), onInitialized awaits the
  // client's configuration answer before it starts loading the names. A hover arriving meanwhile finds no
  // load to wait for (Dictionary.ready returns at once while firstLoad is null) and answers null.
  it('answers a hover that arrives while the client is still answering workspace/configuration', async () => {
    let hovered: () => void = () => {};
    const hoverAnswered = new Promise<void>((resolve) => (hovered = resolve));
    await using ls = startLanguageServer({
      // A client that answers configuration late: after the hover, or after half a second.
      configuration: async () => {
        await Promise.race([hoverAnswered, new Promise((resolve) => setTimeout(resolve, 500))]);
        return { endpoint: api.url };
      },
    });
    await ls.initialize({ capabilities: { workspace: { configuration: true } } });
    await ls.open(URI, DOC);
    const hover = await ls.hover(URI, positionOf('Khmeimim').line, positionOf('Khmeimim', 1).character);
    hovered();
    expect(readable(hover)).toContain('**Hmeimim Air Base**');
  });
});

describe('when Sitrep is down', () => {
  let ls: LanguageServerProcess;
  let endpoint: string;
  beforeAll(async () => {
    endpoint = `http://127.0.0.1:${await closedPort()}/graphql`;
    ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint } });
    await ls.open(URI, DOC);
  });
  afterAll(() => ls?.[Symbol.asyncDispose]());

  it('reports unreachable, naming the endpoint', async () => {
    const status = await ls.notification(StatusNotification, (s) => s.state === 'unreachable');
    expect(status).toMatchObject({ endpoint, entities: 0 });
    expect(status.message).toContain(endpoint);
  });

  it('says so in the first hover, with the endpoint, and answers null after that', async () => {
    const first = await ls.hover(URI, positionOf('Khmeimim').line, positionOf('Khmeimim', 1).character);
    expect(markdownOf(first)).toContain('unreachable');
    expect(markdownOf(first)).toContain(endpoint);
    expect(await ls.hover(URI, positionOf('Tartous').line, positionOf('Tartous', 1).character)).toBeNull();
  });

  it('stays responsive', async () => {
    expect(await within(2000, ls.connection.sendRequest(StatusRequest))).toMatchObject({
      state: 'unreachable',
      endpoint,
    });
    expect(await within(2000, ls.connection.sendRequest(RefreshDictionaryRequest))).toMatchObject({
      state: 'unreachable',
    });
    expect(ls.child.exitCode).toBeNull();
  });
});

describe('sitrep/ingestDocument', () => {
  // Our own wire-style report: a new analyst and a new monitoring group, at a known installation.
  const REPORT = `date 2025-05-14 BEIRUT: Russian crews began loading radar equipment onto a cargo ship at the Tartous naval base on Tuesday, the Coastal Watch Network said.

Ilse Marrow, an analyst at the Coastal Watch Network, said the equipment was probably bound for Libya.
`;
  const REPORT_URI = 'file:///notes/report.md';

  it('stores the open document with a write token, returns its claims, and learns the new names', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url, token: api.token('write') } });
    const before = await ls.notification(StatusNotification, connected);
    await ls.open(REPORT_URI, REPORT);
    const result = await ls.connection.sendRequest(IngestDocumentRequest, { textDocument: { uri: REPORT_URI } });
    if (!result.ok) throw new Error(`not ingested: ${result.message}`);
    expect(result.title).toContain('Russian crews');
    expect(result.claims).toBeGreaterThan(0);
    expect(result.createdEntities).toEqual(expect.arrayContaining(['Ilse Marrow']));

    const { articles } = dataOf(
      await api.gql<{ articles: { edges: Array<{ node: { url: string | null; title: string } }> } }>(
        '{ articles(first: 100) { edges { node { url title } } } }',
      ),
    );
    expect(articles.edges.map((e) => e.node)).toContainEqual({ url: REPORT_URI, title: result.title });

    // The server refreshes its names after an ingest: the new analyst becomes hoverable, as a candidate.
    await ls.notification(StatusNotification, (s) => connected(s) && s.entities > before.entities);
    const at = positionOf('Ilse Marrow', 2, REPORT);
    const hover = readable(await ls.hover(REPORT_URI, at.line, at.character));
    expect(hover).toContain('**Ilse Marrow**');
    expect(hover).toContain('*Candidate: created by ingestion, not yet confirmed by a curator.*');
  });

  it('refuses without a token, saying why', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(REPORT_URI, REPORT.replace('Tuesday', 'Wednesday'));
    expect(await ls.connection.sendRequest(IngestDocumentRequest, { textDocument: { uri: REPORT_URI } })).toMatchObject(
      { ok: false, code: 'UNAUTHENTICATED' },
    );
    expect(
      await ls.connection.sendRequest(IngestDocumentRequest, { textDocument: { uri: 'file:///not/open.md' } }),
    ).toMatchObject({ ok: false });
  });
});

describe('`sitrep lsp --stdio`', () => {
  it('runs the same server from the CLI', async () => {
    await using ls = startLanguageServer({ command: SITREP_LSP_COMMAND });
    const result = await ls.initialize({ initializationOptions: { endpoint: api.url } });
    expect(result.serverInfo?.name).toBe('sitrep-language-server');
    expect(result.capabilities.hoverProvider).toBe(true);
    expect(await ls.notification(StatusNotification, connected)).toMatchObject({ endpoint: api.url });
  }, 30_000);
});
