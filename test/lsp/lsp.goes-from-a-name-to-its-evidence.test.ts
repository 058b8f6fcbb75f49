import type { Hover, Location, MarkupContent } from 'vscode-languageserver-protocol/node';
import { describe, expect, it } from 'vitest';
import { EvidenceDocumentRequest } from '@sitrep/language-server/protocol';
import { startLanguageServer, useTestServer } from '../helpers';

const api = useTestServer();
const URI = 'file:///notes/coast.md';
const DOC = 'Ships were loading at Tartous on Monday.\n';
const AT = { line: 0, character: DOC.indexOf('Tartous') + 2 };

/** The text a location covers in the evidence document the server serves for it. */
async function covered(ls: ReturnType<typeof startLanguageServer>, location: Location): Promise<string> {
  const served = await ls.connection.sendRequest(EvidenceDocumentRequest, { uri: location.uri });
  expect(served, location.uri).not.toBeNull();
  const lines = served!.text.split('\n');
  const { start, end } = location.range;
  expect(end.line, 'a mention on one line').toBe(start.line);
  return lines[start.line]!.slice(start.character, end.character);
}

describe('from a name to its evidence, over stdio against the real API', { timeout: 60_000 }, () => {
  it("opens the entity's page on definition", async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, DOC);
    const definition = await ls.connection.sendRequest<Location>('textDocument/definition', {
      textDocument: { uri: URI },
      position: AT,
    });
    expect(definition.uri).toMatch(/^sitrep:\/\/entity\/.+\.md$/);
    const page = await ls.connection.sendRequest(EvidenceDocumentRequest, { uri: definition.uri });
    expect(page!.text).toMatch(/^# Tartus naval facility\n/);
    expect(page!.text).toContain('## Claims');
  });

  it('lists every mention in the articles as a location in a read-only article, the mention selected', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, DOC);
    const references = await ls.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: URI },
      position: AT,
      context: { includeDeclaration: false },
    });
    expect(references.length).toBeGreaterThan(1);
    expect(references.every((r) => /^sitrep:\/\/article\/.+\.md$/.test(r.uri))).toBe(true);
    for (const reference of references) expect(await covered(ls, reference)).toMatch(/^(Tartus|Tartous|Tarsus)/i);
    const served = await ls.connection.sendRequest(EvidenceDocumentRequest, { uri: references[0]!.uri });
    expect(served!.text).toMatch(/^# .+\n\n.* · \d{4}-\d{2}-\d{2}/);
  });

  it('links each quote of a hover to its article for an editor that runs the command, and opens it at the quote', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url, commandLinks: true } });
    await ls.open(URI, DOC);
    const hover = await ls.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: URI },
      position: AT,
    });
    const markdown = (hover.contents as MarkupContent).value;
    const links = [...markdown.matchAll(/\]\(command:sitrep\.openEvidence\?([^)]+)\)/g)].map(
      (m) => JSON.parse(decodeURIComponent(m[1]!)) as [string, number, number],
    );
    expect(links.length).toBeGreaterThan(0);
    const [uri, start, end] = links[0]!;
    const served = await ls.connection.sendRequest(EvidenceDocumentRequest, { uri });
    const quote = served!.text.slice(served!.bodyOffset + start, served!.bodyOffset + end);
    // The hover shows the quote (shortened, escaped); its first words are the article's at those offsets.
    expect(markdown.replace(/\\/g, '')).toContain(quote.slice(0, 20));
  });

  it('leaves quotes unlinked for an editor that does not run commands', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, DOC);
    const hover = await ls.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: URI },
      position: AT,
    });
    expect((hover.contents as MarkupContent).value).not.toContain('sitrep.openEvidence');
  });
});
