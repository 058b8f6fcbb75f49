import {
  type DocumentHighlight,
  type DocumentSymbol,
  type SemanticTokens,
  type SemanticTokensDelta,
  type SemanticTokensLegend,
  ShowMessageNotification,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { describe, expect, it } from 'vitest';
import { startLanguageServer, useTestServer } from '../helpers';

const api = useTestServer();
const URI = 'file:///notes/coast.md';
// Our own notes, naming demo entities in the spellings people use.
const DOC = 'Ships were loading at Tartous on Monday.\nThe Kremlin said flights from Khmeimim go on.\n';

/** [line, character, length, type name] of each token, decoded from LSP's relative encoding. */
function decode(data: number[], legend: SemanticTokensLegend): Array<[number, number, number, string]> {
  const out: Array<[number, number, number, string]> = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    line += data[i]!;
    out.push([line, character, data[i + 2]!, legend.tokenTypes[data[i + 3]!]!]);
  }
  return out;
}

describe('the language server, over stdio, against the real API', { timeout: 60_000 }, () => {
  it('outlines the known entities a document mentions, by kind, under their own names', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, DOC);
    const symbols = await ls.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: URI },
    });
    expect(symbols.map((s) => s.name)).toEqual(['Installations', 'Actors']);
    expect(symbols[0]!.children!.map((c) => `${c.name} (${c.detail})`)).toEqual([
      'Hmeimim Air Base (1 mention)',
      'Tartus naval facility (1 mention)',
    ]);
    expect(symbols[1]!.children!.map((c) => c.name)).toEqual(['Kremlin']);
  });

  it('marks every known name by kind, sends only the edits after a change, and nothing when switched off', async () => {
    await using ls = startLanguageServer();
    const init = await ls.initialize({ initializationOptions: { endpoint: api.url } });
    const provider = init.capabilities.semanticTokensProvider!;
    expect(provider.full).toEqual({ delta: true });
    await ls.open(URI, DOC);
    const full = await ls.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri: URI },
    });
    const marked = decode(full.data, provider.legend).map(([line, at, length, type]) => [
      DOC.split('\n')[line]!.slice(at, at + length),
      type,
    ]);
    expect(marked).toEqual([
      ['Tartous', 'sitrepInstallation'],
      ['Kremlin', 'sitrepActor'],
      ['Khmeimim', 'sitrepInstallation'],
    ]);

    await ls.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Tartous again.\n' },
      ],
    });
    const delta = await ls.connection.sendRequest<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri: URI },
      previousResultId: full.resultId,
    });
    expect(delta.edits.length).toBeGreaterThan(0);
    expect(delta.edits.flatMap((e) => e.data ?? []).length).toBeLessThan(full.data.length + 5);

    await ls.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { sitrep: { markNames: false } },
    });
    await expect
      .poll(
        async () =>
          (
            await ls.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
              textDocument: { uri: URI },
            })
          ).data,
      )
      .toEqual([]);
  });

  it('answers every full request afresh, and each delta against the result the client names', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, DOC);
    const full = () =>
      ls.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    // The editor holds the first answer; another caller (a second view, an extension) asks again.
    const held = await full();
    expect((await full()).data).toEqual(held.data);
    await ls.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Kremlin. ' },
      ],
    });
    const answer = await ls.connection.sendRequest<SemanticTokens | SemanticTokensDelta>(
      'textDocument/semanticTokens/full/delta',
      { textDocument: { uri: URI }, previousResultId: held.resultId },
    );
    // A delta against another result would be wrong; a full answer is always right.
    let data = [...held.data];
    if ('edits' in answer) {
      for (const edit of [...answer.edits].sort((a, b) => b.start - a.start))
        data.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    } else data = answer.data;
    expect(data).toEqual((await full()).data);
  });

  it('highlights every mention of the entity under the cursor, in any spelling, and nothing on other words', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    const text = `${DOC}Tartus is quiet; TARTOUS again.\n`;
    await ls.open(URI, text);
    const highlights = (line: number, character: number) =>
      ls.connection.sendRequest<DocumentHighlight[] | null>('textDocument/documentHighlight', {
        textDocument: { uri: URI },
        position: { line, character },
      });
    const lines = text.split('\n');
    const words = (found: DocumentHighlight[] | null) =>
      (found ?? []).map(({ range }) => lines[range.start.line]!.slice(range.start.character, range.end.character));
    expect(words(await highlights(2, 19))).toEqual(['Tartous', 'Tartus', 'TARTOUS']);
    expect(words(await highlights(1, 5))).toEqual(['Kremlin']);
    expect(await highlights(0, 2)).toBeNull();
  });

  it('marks nothing past maxDocumentChars, and says so once', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url, maxDocumentChars: 20 } });
    await ls.open(URI, DOC);
    const tokens = await ls.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri: URI },
    });
    expect(tokens.data).toEqual([]);
    const told = await ls.notification(ShowMessageNotification.type);
    expect(told.message).toContain(
      `up to 20 characters (the sitrep.maxDocumentChars setting); this one has ${DOC.length}.`,
    );
    await ls.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    expect(ls.notifications.filter((n) => n.method === ShowMessageNotification.method)).toHaveLength(1);
  });
});

describe('workspace symbols, over stdio against the real API', { timeout: 60_000 }, () => {
  it("finds the knowledge base's entities by any of their names, each opening its page", async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    const found = await ls.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'tartous' });
    expect(found.map((s) => [s.name, s.containerName])).toEqual([['Tartus naval facility', 'Installations']]);
    expect(found[0]!.location.uri).toMatch(/^sitrep:\/\/entity\//);
    expect(await ls.connection.sendRequest('workspace/symbol', { query: 't' })).toEqual([]);
  });
});
