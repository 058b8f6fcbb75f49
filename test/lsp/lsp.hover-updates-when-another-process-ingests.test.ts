import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, startLanguageServer, useTestServer } from '../helpers';
import { untilListening } from '../helpers/sse';
import { ChangedNotification } from '@sitrep/language-server/protocol';

const api = useTestServer();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-lsp-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const URI = 'file:///notes/port.md';
const DOC = 'Cranes were busy at Tartous this week.\n';
const AT = { line: 0, character: DOC.indexOf('Tartous') + 2 };
const text = (hover: Hover | null) => ((hover?.contents as MarkupContent | undefined)?.value ?? '').replace(/\\/g, '');

describe('the language server hears commits', { timeout: 60_000 }, () => {
  it('shows a claim another process ingested within two seconds, without waiting for its refresh', async () => {
    await using ls = startLanguageServer();
    // The periodic refresh is five minutes and cached facts live 30 s: only a pushed change explains a quick update.
    await ls.initialize({ initializationOptions: { endpoint: api.url, refreshIntervalSeconds: 300 } });
    await ls.open(URI, DOC);
    const before = text(await ls.hover(URI, AT.line, AT.character));
    expect(before).toContain('Tartus naval facility');
    expect(before).not.toContain('frigate had docked');
    await untilListening(() => api.changeListeners());

    const note = join(dir, 'berth.txt');
    // Dated after everything the demo holds, so it leads the hover.
    writeFileSync(note, 'Port workers said on Tuesday a Russian frigate had docked at Tartous.\n');
    const run = runSitrep(['ingest', note, '--db', api.dbFile, '--date', '2026-12-01']);
    expect(run.status, run.stderr).toBe(0);
    const stored = performance.now();

    await ls.notification(ChangedNotification, (c) => c.entityIds.length > 0, 2_000);
    let after = '';
    while (performance.now() - stored < 2_000 && !after.includes('frigate had docked'))
      after = text(await ls.hover(URI, AT.line, AT.character));
    expect(after).toContain('frigate had docked');
    expect(performance.now() - stored).toBeLessThan(2_000);
  });
});
