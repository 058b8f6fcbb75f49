import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NameMatch } from '@sitrep/names';
import type { EntityFacts } from '@sitrep/vocabulary';
import type { Workbench } from '../workbench';

/** How long after the last keystroke a document is looked over again. */
const SETTLE_MS = 400;
/** Facts asked for at once: a report naming fifty entities should not send fifty requests together. */
const AT_ONCE = 6;
const DAY_MS = 86_400_000;

/**
 * What deserves a second look about an entity: its latest statements are contested (Information),
 * or nothing new has been said of it for `staleAfterDays` (Hint). Never an error: the analyst's
 * text is not wrong because the knowledge base has doubts.
 */
export function notesOn(
  facts: EntityFacts,
  staleAfterDays: number,
  today: Date,
): Array<{ severity: DiagnosticSeverity; code: string; message: string }> {
  const notes: Array<{ severity: DiagnosticSeverity; code: string; message: string }> = [];
  const contested = facts.statements.edges.map((e) => e.node).filter((s) => s.contested);
  if (contested.length > 0) {
    const why = contested[0]!.conflicts[0]?.why ?? contested[0]!.credibilityReason;
    notes.push({
      severity: DiagnosticSeverity.Information,
      code: 'contested',
      message: `${facts.name}: ${contested.length} of its latest statements ${contested.length === 1 ? 'is' : 'are'} contested (${why}).`,
    });
  }
  const latest = facts.claimStats.latest;
  if (staleAfterDays > 0 && latest && today.getTime() - Date.parse(`${latest}T00:00:00Z`) > staleAfterDays * DAY_MS) {
    const day = new Date(`${latest}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    notes.push({
      severity: DiagnosticSeverity.Hint,
      code: 'stale',
      message: `Nothing new on ${facts.name} since ${day}.`,
    });
  }
  return notes;
}

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Diagnostics on the first mention of each entity that is contested or stale, pushed
 * (`textDocument/publishDiagnostics`, which every client shows) a moment after typing stops, and
 * again when the knowledge base changes.
 */
export function registerDiagnostics(wb: Workbench): void {
  const timers = new Map<string, NodeJS.Timeout>();

  async function lookOver(document: TextDocument): Promise<void> {
    const settings = wb.settings();
    const matcher = wb.dictionary.matcher;
    const followed = wb.followed(document.uri);
    if (!followed || !settings.diagnostics || !matcher || document.getText().length > settings.maxDocumentChars) {
      void wb.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    const first = new Map<string, NameMatch>();
    for (const match of matcher.findAll(document.getText()))
      if (!first.has(match.entry.entity)) first.set(match.entry.entity, match);
    const diagnostics: Diagnostic[] = [];
    const today = new Date();
    await eachLimited([...first.values()], AT_ONCE, async (match) => {
      const facts = await wb.facts.get(match.entry.entity, settings.maxClaims).catch(() => null);
      if (!facts) return;
      for (const note of notesOn(facts, settings.staleAfterDays, today))
        diagnostics.push({
          ...note,
          source: 'sitrep',
          range: { start: document.positionAt(match.start), end: document.positionAt(match.end) },
        });
    });
    // Typed on meanwhile: the newer look-over will publish.
    if (wb.documents.get(document.uri)?.version !== document.version) return;
    diagnostics.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    void wb.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  const schedule = (document: TextDocument) => {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        void lookOver(document).catch((error: unknown) =>
          wb.connection.console.error(`sitrep: diagnostics failed: ${(error as Error).message}`),
        );
      }, SETTLE_MS),
    );
  };
  wb.documents.onDidChangeContent(({ document }) => schedule(document));
  wb.documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    void wb.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  // New names, new facts or new settings: every open document is looked over again.
  const again = () => {
    for (const document of wb.documents.all()) schedule(document);
  };
  wb.onNamesChanged(again);
  wb.onFactsChanged(again);
}
