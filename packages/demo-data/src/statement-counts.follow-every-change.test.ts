import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type SitrepDatabase,
  assignClaims,
  claimIdsOfStatements,
  countStatements,
  createStatement,
  deleteStatementIfEmpty,
  openDatabase,
  recordConflict,
} from '@sitrep/db';
import { refreshStatements } from '@sitrep/ingest';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from './seed';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-statement-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the per-entity counts must equal: statement_about counted row by row. */
function counted(db: SitrepDatabase) {
  return db.sqlite
    .prepare<[], { entityId: number; statements: number; contested: number }>(
      `select sa.entity_id as entityId, count(*) as statements, sum(s.contested) as contested
         from statement_about sa join statements s on s.id = sa.statement_id group by sa.entity_id order by 1`,
    )
    .all();
}

function kept(db: SitrepDatabase) {
  return counted(db).map(({ entityId }) => ({
    entityId,
    statements: countStatements(db, { about: entityId }),
    contested: countStatements(db, { about: entityId, contested: true }),
  }));
}

describe('an entity’s statement counts', () => {
  const db = openDatabase(join(dir, 'counts.db'));
  seedDemo(db);

  it('match a full count after the demo is grouped, with contested statements among them', () => {
    expect(counted(db).some((c) => c.contested > 0)).toBe(true);
    expect(kept(db)).toEqual(counted(db));
  });

  it('follow a statement that becomes contested, loses its claims and is deleted', () => {
    const [a, b] = db.sqlite
      .prepare<[], { id: number }>('select id from statements where contested = 0 order by claims desc limit 2')
      .all()
      .map((r) => r.id);
    recordConflict(db, a!, b!, 'made up for the test');
    refreshStatements(db, [a!, b!]);
    expect(db.sqlite.prepare('select contested from statements where id = ?').pluck().get(a)).toBe(1);
    expect(kept(db)).toEqual(counted(db));

    const claims = claimIdsOfStatements(db, [a!]).get(a!)!;
    const fresh = createStatement(db, '2025-01-01');
    assignClaims(db, claims, fresh);
    expect(deleteStatementIfEmpty(db, a!)).toBe(true);
    refreshStatements(db, [fresh, b!]);
    expect(kept(db)).toEqual(counted(db));
  });
});
