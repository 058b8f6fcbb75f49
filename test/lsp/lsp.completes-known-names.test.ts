import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-protocol/node';
import { describe, expect, it } from 'vitest';
import { startLanguageServer, useTestServer } from '../helpers';

const api = useTestServer();
const URI = 'file:///notes/draft.md';

describe('completion of known names, over stdio against the real API', { timeout: 60_000 }, () => {
  it('offers the names a word starts, replaces the word with the whole name, and resolves one paragraph of facts', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    const text = 'Jets flew from Khmei';
    await ls.open(URI, text);
    const list = await ls.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 0, character: text.length },
    });
    expect(list.isIncomplete).toBe(true);
    const first = list.items[0]!;
    expect(first.label).toBe('Hmeimim Air Base');
    expect(first.detail).toBe('Installation');
    expect((first.textEdit as TextEdit).range).toEqual({
      start: { line: 0, character: text.indexOf('Khmei') },
      end: { line: 0, character: text.length },
    });

    const resolved = await ls.connection.sendRequest<CompletionItem>('completionItem/resolve', first);
    const documentation = (resolved.documentation as MarkupContent).value;
    expect(documentation).toContain('**Hmeimim Air Base**');
    expect(documentation).toMatch(/\d+ claims?\*\* from \d+ sources?/);
  });

  it('offers nothing under three letters, or when switched off', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, 'Jets flew from Hm');
    const ask = () =>
      ls.connection.sendRequest<CompletionList | null>('textDocument/completion', {
        textDocument: { uri: URI },
        position: { line: 0, character: 17 },
      });
    expect(await ask()).toBeNull();
    await ls.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text: 'Jets flew from Hme' }],
    });
    await expect
      .poll(
        async () =>
          (
            await ls.connection.sendRequest<CompletionList | null>('textDocument/completion', {
              textDocument: { uri: URI },
              position: { line: 0, character: 18 },
            })
          )?.items.length ?? 0,
      )
      .toBeGreaterThan(0);
    await ls.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { sitrep: { completeNames: false } },
    });
    await expect
      .poll(() =>
        ls.connection.sendRequest('textDocument/completion', {
          textDocument: { uri: URI },
          position: { line: 0, character: 18 },
        }),
      )
      .toBeNull();
  });
});
