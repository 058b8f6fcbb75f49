import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes, runSitrep, useTestServer } from '../helpers';

const server = useTestServer();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-odd-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = 'date 2025-05-14 BEIRUT: ';
const article = (odd: string) =>
  `${HEAD}Russian crews began loading radar ${odd} equipment at the Tartous naval base on Tuesday, the Coastal Watch Network said.\n\nIlse Marrow said the frigates had not moved.\n`;
const AT = HEAD.length + 'Russian crews began loading radar '.length;

const TABLES = ['articles', 'entities', 'aliases', 'claims'];
const counts = () =>
  TABLES.map((table) => (server.db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);

/** Sends a mutation that must be refused with BAD_USER_INPUT, writing nothing; returns the message. */
async function refused(mutation: string, variables: Record<string, unknown>): Promise<string> {
  const before = counts();
  const response = await server.gql(mutation, variables, server.token('write'));
  expect(errorCodes(response), JSON.stringify(response)).toEqual(['BAD_USER_INPUT']);
  expect(counts()).toEqual(before);
  return response.errors![0]!.message;
}

const INGEST = 'mutation($text: String!) { ingestArticle(input: { text: $text }) { article { id } } }';
const CREATE_ARTICLE =
  'mutation($text: String!, $title: String!) { createArticle(input: { text: $text, title: $title, publishedAt: "2025-05-14" }) { article { id } } }';

describe('the API refuses text that cannot be stored as sent, naming the field and offset', () => {
  // Was a bug: the surrogate went in as bytes that are not UTF-8 and ingestArticle failed on "the span of article N".
  it('a lone surrogate in ingestArticle text', async () => {
    expect(await refused(INGEST, { text: article('\uD800') })).toBe(
      `input.text has a lone UTF-16 surrogate (U+D800) at character ${AT}: it is not Unicode text.`,
    );
  });

  it('a lone surrogate in createArticle title and text', async () => {
    expect(await refused(CREATE_ARTICLE, { text: article('x'), title: 'Radar \uDC00' })).toMatch(
      /^input\.title has a lone UTF-16 surrogate \(U\+DC00\) at character 6/,
    );
    expect(await refused(CREATE_ARTICLE, { text: `ab\uDBFF`, title: 'Radar' })).toMatch(
      /^input\.text has a lone UTF-16 surrogate \(U\+DBFF\) at character 2/,
    );
  });

  it('a lone surrogate in a claim quote', async () => {
    const CREATE_CLAIM = `mutation($article: ID!, $quote: String!) { createClaim(input: { article: $article, quote: $quote }) { claim { id } } }`;
    const { articles } = dataOf(
      await server.gql<{ articles: { edges: Array<{ node: { id: string } }> } }>(
        '{ articles(first: 1) { edges { node { id } } } }',
      ),
    );
    const message = await refused(CREATE_CLAIM, { article: articles.edges[0]!.node.id, quote: 'the \uDFFF base' });
    expect(message).toMatch(/^input\.quote has a lone UTF-16 surrogate \(U\+DFFF\) at character 4/);
  });

  it('a lone surrogate in a name or alias of a new actor or installation, or a new alias', async () => {
    const actor =
      'mutation($name: String!, $aliases: [String!]) { createActor(input: { name: $name, aliases: $aliases }) { actor { id } } }';
    expect(await refused(actor, { name: 'Bad \uDC00 name' })).toMatch(/^input\.name has a lone UTF-16 surrogate/);
    expect(await refused(actor, { name: 'Fine', aliases: ['Ok', 'x\uD800'] })).toMatch(
      /^input\.aliases\[1\] has a lone UTF-16 surrogate \(U\+D800\) at character 1/,
    );
    const installation =
      'mutation($name: String!) { createInstallation(input: { name: $name }) { installation { id } } }';
    expect(await refused(installation, { name: '\uD800' })).toMatch(/^input\.name has a lone UTF-16 surrogate/);
    const { entity } = dataOf(await server.gql<{ entity: { id: string } }>('{ entity(name: "Tartous") { id } }'));
    const alias =
      'mutation($entity: ID!, $name: String!) { addAlias(input: { entity: $entity, name: $name }) { entity { id } } }';
    expect(await refused(alias, { entity: entity.id, name: 'T\uDC00' })).toMatch(
      /^input\.name has a lone UTF-16 surrogate/,
    );
    expect(await refused(alias, { entity: entity.id, name: 'T'.repeat(501) })).toBe(
      'input.name takes at most 500 characters, got 501.',
    );
  });

  // Was a bug: NUL was stored, and search snippets stopped at it ("loading **radar** x").
  it('NUL, escape and other control characters in article text; tab and line breaks are kept', async () => {
    for (const [odd, code] of [
      ['x\u0000y', 'U+0000'],
      ['\u001b]0;owned\u0007', 'U+001B'],
      ['\u009b31m', 'U+009B'],
    ] as const) {
      expect(await refused(INGEST, { text: article(odd) })).toBe(
        `input.text has the control character ${code} at character ${AT + (odd.startsWith('x') ? 1 : 0)}; only tab and line breaks are taken.`,
      );
    }
    const kept = await server.gql(INGEST, { text: article('\tstacked\r\n') }, server.token('write'));
    expect(kept.errors).toBeUndefined();
  });
});

describe('the CLI refuses or escapes odd text in files', () => {
  const write = (name: string, content: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('extract: bytes that are not UTF-8 get one line naming the file and the byte', () => {
    const file = write('latin1.txt', Buffer.concat([Buffer.from(`${HEAD}The caf`), Buffer.from([0xe9, 0x20, 0x61])]));
    const result = runSitrep(['extract', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `sitrep: ${file}: not valid UTF-8 text (byte ${HEAD.length + 7} is 0xE9); save it as UTF-8.\n`,
    );
  });

  it('ingest: a file that is not UTF-8 names the byte; one with NUL names the character', () => {
    write('latin1.txt', Buffer.concat([Buffer.from(`${HEAD}The caf`), Buffer.from([0xe9, 0x20, 0x61])]));
    const result = runSitrep([
      'ingest',
      join(dir, 'latin1.txt'),
      write('nul.txt', article('x\u0000y')),
      '--db',
      join(dir, 'odd.db'),
      '--create',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^failed: \S*latin1\.txt: not valid UTF-8 text \(byte 31 is 0xE9\)/m);
    expect(result.stderr).toMatch(
      new RegExp(`^failed: \\S*nul\\.txt: The article has the control character U\\+0000 at character ${AT + 1};`, 'm'),
    );
  });

  // Was a bug: the summary printed the article's escape sequences raw, so an article could retitle or recolour the terminal.
  it('extract prints escape sequences and bidi overrides as visible escapes, in the summary and in JSON', () => {
    const file = write('escapes.txt', article('\u001b]0;owned\u0007\u001b[31m red \u202egnissim\u202c \u009b2J'));
    const human = runSitrep(['extract', file]);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('radar \\x1b]0;owned\\x07\\x1b[31m red \\u202egnissim\\u202c \\x9b2J equipment');
    const json = runSitrep(['extract', file, '--json']);
    expect(json.status).toBe(0);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b]0;owned');
    for (const { stdout } of [human, json]) {
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    }
  });
});
