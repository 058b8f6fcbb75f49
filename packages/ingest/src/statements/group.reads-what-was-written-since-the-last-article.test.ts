import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type SitrepDatabase,
  assignClaims,
  createStatement,
  inTransaction,
  listClaims,
  markCurated,
  openDatabase,
} from '@sitrep/db';
import { ingestArticle } from '../ingest-article';
import { refreshStatements } from './figures';
import { staleSharedReads } from './group';

// Invented articles of our own: a report, a copy of it, another outlet's report of the same
// event, and a denial of it.
const REPORT = `date 2025-03-04 LATAKIA:

Two Russian transport aircraft left Hmeimim Air Base on Monday evening, three Syrian officials said.

The officials said the aircraft carried radar components from Jableh.`;
const COPY = `date 2025-03-05 LATAKIA:

LATAKIA, Syria (Reuters) - Two Russian transport aircraft left Hmeimim Air Base on Monday evening, three Syrian officials said.

The officials said the aircraft carried radar components from Jableh.`;
const OTHER = `date 2025-03-05 DAMASCUS:

Russian transport aircraft flew out of Hmeimim Air Base on Monday, Syrian security sources said.`;
const DENIAL = `date 2025-03-06 MOSCOW:

The Russian defence ministry denied on Wednesday that any transport aircraft had left Hmeimim Air Base.`;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-group-reads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A curator takes the report's last claim (the cargo: the other report does not tell it, so its
 * statement is only read) out into a statement of its own, as moveClaimToStatement does.
 */
function moveLastClaim(db: SitrepDatabase): void {
  inTransaction(db, () => {
    const claim = listClaims(db, { articleId: 1 }, { limit: 100, offset: 0 }, 'position').at(-1);
    const to = createStatement(db, claim!.saidOn);
    assignClaims(db, [claim!.id], to);
    markCurated(db, [claim!.statementId!, to]);
    refreshStatements(db, [claim!.statementId!, to]);
  });
}

type Between = (file: string, db: SitrepDatabase) => void;

const BETWEEN: Record<string, Between> = {
  'a curator on the same connection moves a claim': (_file, db) => moveLastClaim(db),
  'another connection moves a claim': (file) => {
    const other = openDatabase(file);
    try {
      moveLastClaim(other);
    } finally {
      other.close();
    }
  },
  // The second article reads the statements as the first left them, then neither is kept.
  'two articles are grouped, then their transaction rolls back': (_file, db) => {
    expect(() =>
      inTransaction(db, () => {
        ingestArticle(db, { text: COPY, outlet: 'Rolled back' });
        ingestArticle(db, { text: DENIAL, outlet: 'Rolled back too' });
        throw new Error('the commit fails');
      }),
    ).toThrow('the commit fails');
  },
};

/**
 * Ingests the report and another report of its event (which reads the first one's statements),
 * then whatever happens `between`, then a copy of the report and a denial, on one connection or
 * (`reopen`) on a fresh one that has read nothing: what grouping leaves, as rows.
 */
function run(name: string, between: Between, reopen: boolean): unknown {
  const file = join(dir, `${name.replace(/\W+/g, '-')}-${reopen ? 'fresh' : 'kept'}.db`);
  let db = openDatabase(file);
  try {
    ingestArticle(db, { text: REPORT, outlet: 'Wire' });
    ingestArticle(db, { text: OTHER, outlet: 'Rival' });
    // The other report read the first one's statements: kept for the next article.
    expect(staleSharedReads(db)).toMatchObject({ checked: expect.any(Number) as number, stale: [] });
    expect(staleSharedReads(db).checked).toBeGreaterThan(0);
    between(file, db);
    if (reopen) {
      db.close();
      db = openDatabase(file);
    }
    // What grouping kept from the articles before is what the database says now.
    expect(staleSharedReads(db).stale).toEqual([]);
    for (const [text, outlet] of [
      [COPY, 'Republisher'],
      [DENIAL, 'Ministry'],
    ] as const) {
      ingestArticle(db, { text, outlet });
      expect(staleSharedReads(db).stale).toEqual([]);
    }
    return {
      claims: db.sqlite.prepare('select id, statement_id from claims order by id').all(),
      statements: db.sqlite
        .prepare('select id, claims, curated, contested, credibility from statements order by id')
        .all(),
      conflicts: db.sqlite.prepare('select statement_id, other_id from statement_conflicts order by 1, 2').all(),
    };
  } finally {
    db.close();
  }
}

describe('grouping reads statements kept from earlier articles on a connection', () => {
  for (const [name, between] of Object.entries(BETWEEN))
    it(`groups as a fresh connection would when ${name}`, () => {
      expect(run(name, between, false)).toEqual(run(name, between, true));
    });
});
