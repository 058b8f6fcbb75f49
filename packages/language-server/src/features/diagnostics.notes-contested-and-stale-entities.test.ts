import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { EntityFacts, StatementFact } from '@sitrep/vocabulary';
import { notesOn } from './diagnostics';

const statement = (contested: boolean, why?: string): StatementFact => ({
  id: 'S',
  grade: 'F3',
  independentSources: 1,
  affirming: 1,
  denying: contested ? 1 : 0,
  contested,
  credibilityReason: 'Contested: 1 source for, 1 against.',
  conflicts: why ? [{ why }] : [],
  claims: { totalCount: 0, edges: [] },
});

function facts(latest: string | null, statements: StatementFact[]): EntityFacts {
  const page = { totalCount: statements.length, edges: statements.map((node) => ({ node })) };
  return {
    id: 'E',
    name: 'Qamishli Airport',
    kind: 'INSTALLATION',
    reviewStatus: 'CONFIRMED',
    aliases: [],
    description: null,
    claimStats: { claims: 3, sources: 2, latest },
    claims: { totalCount: 0, edges: [] },
    contested: { totalCount: 0, edges: [] },
    statements: page,
  };
}

const TODAY = new Date('2025-06-30T12:00:00Z');

describe('notesOn', () => {
  it('notes latest statements that are contested, with why, as Information', () => {
    const notes = notesOn(
      facts('2025-06-20', [statement(false), statement(true, 'one says left, one says remains')]),
      90,
      TODAY,
    );
    expect(notes).toEqual([
      {
        severity: DiagnosticSeverity.Information,
        code: 'contested',
        message: 'Qamishli Airport: 1 of its latest statements is contested (one says left, one says remains).',
      },
    ]);
  });

  it('notes a name nothing new was said of for longer than the setting, as a Hint; 0 never', () => {
    expect(notesOn(facts('2025-03-03', []), 90, TODAY)).toEqual([
      {
        severity: DiagnosticSeverity.Hint,
        code: 'stale',
        message: 'Nothing new on Qamishli Airport since 3 March 2025.',
      },
    ]);
    expect(notesOn(facts('2025-04-03', []), 90, TODAY)).toEqual([]);
    expect(notesOn(facts('2025-03-03', []), 0, TODAY)).toEqual([]);
    expect(notesOn(facts(null, []), 90, TODAY)).toEqual([]);
  });
});
