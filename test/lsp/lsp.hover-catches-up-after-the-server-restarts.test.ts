import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, startLanguageServer, useTestServer } from '../helpers';
import { untilListening } from '../helpers/sse';
import { LogMessageNotification } from 'vscode-languageserver-protocol/node';

const api = useTestServer();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-lsp-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const URI = 'file:///notes/port.md';
const DOC = 'Cranes were busy at Tartous this week.\n';
const AT = { line: 0, character: DOC.indexOf('Tartous') + 2 };
const text = (hover: Hover | null) => ((hover?.contents as MarkupContent | undefined)?.value ?? '').replace(/\\/g, '');

describe('the language server, when the server goes away and comes back', { timeout: 60_000 }, () => {
  it('subscribes again and shows what was stored while it was away, without waiting for its refresh', async () => {
    await using ls = startLanguageServer();
    // The periodic refresh is five minutes and cached facts live 30 s: only the reconnection explains an update.
    await ls.initialize({ initializationOptions: { endpoint: api.url, refreshIntervalSeconds: 300 } });
    await ls.open(URI, DOC);
    expect(text(await ls.hover(URI, AT.line, AT.character))).not.toContain('tug had sunk');
    await untilListening(() => api.changeListeners());

    await api.stop();
    await ls.notification(LogMessageNotification.type, (m) => /live updates paused/.test(m.message));
    // Stored while no server runs: no commit can be pushed to anyone.
    const note = join(dir, 'tug.txt');
    writeFileSync(note, 'Port workers said on Tuesday a Russian tug had sunk at Tartous.\n');
    const run = runSitrep(['ingest', note, '--db', api.dbFile, '--date', '2026-12-02']);
    expect(run.status, run.stderr).toBe(0);

    await api.restart({ samePort: true });
    await untilListening(() => api.changeListeners());
    await ls.notification(LogMessageNotification.type, (m) => /live updates resumed/.test(m.message));
    expect(text(await ls.hover(URI, AT.line, AT.character))).toContain('tug had sunk');
  });
});
