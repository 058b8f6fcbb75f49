import {
  type Diagnostic,
  DiagnosticSeverity,
  PublishDiagnosticsNotification,
} from 'vscode-languageserver-protocol/node';
import { describe, expect, it } from 'vitest';
import { startLanguageServer, useTestServer } from '../helpers';

const api = useTestServer();
const URI = 'file:///notes/north.md';
// Our own draft: one name the demo's statements contest, one they do not.
const DOC = 'Helicopters were seen at Qamishli Airport.\nFlights from Hmeimim went on.\n';

describe('diagnostics on names, over stdio against the real API', { timeout: 60_000 }, () => {
  it('notes a contested name as Information and a stale one as a Hint, on its first mention', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url } });
    await ls.open(URI, DOC);
    const { diagnostics } = await ls.notification(
      PublishDiagnosticsNotification.type,
      (p) => p.uri === URI && p.diagnostics.length > 0,
    );
    const on = (d: Diagnostic) =>
      DOC.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
    const contested = diagnostics.filter((d) => d.code === 'contested');
    expect(contested.map((d) => [on(d), d.severity])).toEqual([['Qamishli Airport', DiagnosticSeverity.Information]]);
    expect(contested[0]!.message).toMatch(
      /^Qamishli Airport: \d+ of its latest statements (is|are) contested \(.+\)\.$/,
    );
    // The demo's reports are from 2025: more than 90 days ago, both names are stale.
    expect(diagnostics.filter((d) => d.code === 'stale').map((d) => [on(d), d.severity])).toEqual([
      ['Qamishli Airport', DiagnosticSeverity.Hint],
      ['Hmeimim', DiagnosticSeverity.Hint],
    ]);
    expect(diagnostics.every((d) => d.source === 'sitrep' && d.severity !== DiagnosticSeverity.Error)).toBe(true);
  });

  it('notes no staleness with staleAfterDays 0, and nothing at all when switched off', async () => {
    await using ls = startLanguageServer();
    await ls.initialize({ initializationOptions: { endpoint: api.url, staleAfterDays: 0 } });
    await ls.open(URI, DOC);
    const first = await ls.notification(PublishDiagnosticsNotification.type, (p) => p.diagnostics.length > 0);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['contested']);
    await ls.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { sitrep: { diagnostics: false } },
    });
    const cleared = ls.notifications.length;
    await expect
      .poll(() =>
        ls.notifications
          .slice(cleared)
          .some(
            (n) =>
              n.method === PublishDiagnosticsNotification.method &&
              (n.params as { diagnostics: [] }).diagnostics.length === 0,
          ),
      )
      .toBe(true);
  });
});
