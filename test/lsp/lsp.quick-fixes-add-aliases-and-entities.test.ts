import {
  type CodeAction,
  type Hover,
  type MarkupContent,
  ShowMessageNotification,
} from 'vscode-languageserver-protocol/node';
import { describe, expect, it } from 'vitest';
import { StatusNotification } from '@sitrep/language-server/protocol';
import { dataOf, startLanguageServer, useTestServer } from '../helpers';

const api = useTestServer();
const URI = 'file:///notes/coast.md';
// Our own draft: a transliteration the knowledge base does not know yet.
const DOC = 'Jets took off from Hmeimeem at dawn, and Ilse Marrow watched them.\n';
const at = (word: string, delta = 2) => ({ line: 0, character: DOC.indexOf(word) + delta });

async function actionsAt(ls: ReturnType<typeof startLanguageServer>, start: number, end = start) {
  return ls.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
    context: { diagnostics: [] },
  });
}

describe('quick fixes that write to the knowledge base, over stdio against the real API', { timeout: 60_000 }, () => {
  it('offers an unknown spelling as a name of the entity it is close to, and then hovers it', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url, token: api.token('write') } });
    await ls.open(URI, DOC);
    await ls.notification(StatusNotification, (s) => s.state === 'connected');
    const actions = (await actionsAt(ls, at('Hmeimeem').character))!;
    const fix = actions.find((a) => a.kind === 'quickfix')!;
    expect(fix.title).toBe('Add “Hmeimeem” as a name of Hmeimim Air Base');
    expect(fix.isPreferred).toBe(true);

    const before = ls.notifications.length;
    await ls.connection.sendRequest('workspace/executeCommand', fix.command);
    const told = await ls.notification(ShowMessageNotification.type, (m) => /is now a name of/.test(m.message));
    expect(told.message).toBe('Sitrep: “Hmeimeem” is now a name of Hmeimim Air Base.');
    expect(ls.notifications.length).toBeGreaterThan(before);
    const { entity } = dataOf(
      await api.gql<{ entity: { name: string } | null }>('{ entity(name: "Hmeimeem") { name } }'),
    );
    expect(entity?.name).toBe('Hmeimim Air Base');
    const hover = await ls.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: at('Hmeimeem'),
    });
    expect((hover?.contents as MarkupContent).value).toContain('**Hmeimim Air Base**');
  });

  it('creates an actor from a selection, and says what to set when there is no write token', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, DOC);
    await ls.notification(StatusNotification, (s) => s.state === 'connected');
    const start = DOC.indexOf('Ilse Marrow');
    const actions = (await actionsAt(ls, start, start + 'Ilse Marrow'.length))!;
    expect(actions.map((a) => a.title)).toEqual(['Create actor “Ilse Marrow”', 'Create installation “Ilse Marrow”']);
    await ls.connection.sendRequest('workspace/executeCommand', actions[0]!.command);
    const refused = await ls.notification(ShowMessageNotification.type);
    expect(refused.message).toMatch(/needs a write token.*sitrep token create --scope write.*sitrep\.token/);

    await ls.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { sitrep: { token: api.token('write') } },
    });
    await ls.connection.sendRequest('workspace/executeCommand', actions[0]!.command);
    await ls.notification(ShowMessageNotification.type, (m) => /created the actor “Ilse Marrow”/.test(m.message));
    const { entity } = dataOf(
      await api.gql<{ entity: { __typename: string } | null }>('{ entity(name: "Ilse Marrow") { __typename } }'),
    );
    expect(entity?.__typename).toBe('Actor');
  });

  it('offers nothing when quickFixes is switched off', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url, quickFixes: false } });
    await ls.open(URI, DOC);
    await ls.notification(StatusNotification, (s) => s.state === 'connected');
    expect(await actionsAt(ls, at('Hmeimeem').character)).toBeNull();
    const start = DOC.indexOf('Ilse Marrow');
    expect(await actionsAt(ls, start, start + 'Ilse Marrow'.length)).toBeNull();
  });

  it('offers nothing on a known name, or on a plain word', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, 'Flights from Hmeimim went on at dawn.\n');
    await ls.notification(StatusNotification, (s) => s.state === 'connected');
    expect(await actionsAt(ls, 15)).toBeNull();
    expect(await actionsAt(ls, 32)).toEqual([]);
  });
});
