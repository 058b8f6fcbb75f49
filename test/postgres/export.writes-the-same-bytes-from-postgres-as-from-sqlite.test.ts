import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ExportReads,
  type ExportSource,
  addAlias,
  openDatabase,
  openPostgres,
  postgresExportSource,
  setSourceReliability,
  sqliteExportSource,
} from '@sitrep/db';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep, runSitrepAsync } from '../helpers/cli';
import { postgresDatabase } from '../helpers/postgres';

/**
 * `sitrep export --db postgres://…` writes, byte for byte, what it writes from the SQLite file the
 * database was copied from: JSON Lines, the four CSV files and the STIX bundle, with and without
 * the articles' text. Only the STIX bundle's own id differs: it is a random UUID each export
 * (stix.ts; the objects' ids are stable), so that one id is blanked before comparing; there is no
 * time taken from the clock (`created` and `modified` come from the rows, Sitrep's identity from
 * a fixed moment).
 */

const url = await postgresDatabase('export from PostgreSQL');

const blankBundleId = (text: string) =>
  text.replace(/^\{"type":"bundle","id":"bundle--[0-9a-f-]{36}",/, '{"type":"bundle","id":"bundle--",');

describe.skipIf(!url)('sitrep export --db postgres://…', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-export-'));
  const file = join(dir, 'kb.db');
  let sql: postgres.Sql;

  beforeAll(async () => {
    const seeded = await runSitrepAsync(['seed', '--db', file, '--create']);
    expect(seeded.status, seeded.stderr).toBe(0);
    // What the demo data lacks: a graded source (its grade and a later change time) and a name
    // that JSON must escape (quotes, a backslash, a tab) beside letters outside ASCII.
    const local = openDatabase(file);
    const graded = local.sqlite
      .prepare<[], number>(
        'select entity_id from aliases a join entities e on e.id = a.entity_id where a.name <> e.name order by a.id',
      )
      .pluck()
      .get()!;
    addAlias(local, graded, 'Ünïcödé "quoted" back\\slash\ttab 🛰');
    setSourceReliability(local, graded, 'B', null, 'graded for the export test');
    local.close();
    const copied = await runSitrepAsync(['copy', '--from', file, '--to', url!]);
    expect(copied.status, copied.stderr).toBe(0);
    sql = postgres(url!, { max: 2, onnotice: () => {} });
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the same export on both, each into a path of its own; returns what each wrote and said. */
  async function both(name: string, args: string[]) {
    const runs = [];
    for (const [side, db] of [
      ['sqlite', file],
      ['postgres', url!],
    ] as const) {
      const out = join(dir, `${name}.${side}`);
      const run = await runSitrepAsync(['export', '--db', db, '--out', out, ...args]);
      expect(run.status, run.stderr).toBe(0);
      runs.push({ out, said: run.stderr.replace(out, 'OUT') });
    }
    const [sqlite, pg] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(pg.said).toBe(sqlite.said);
    expect(sqlite.said).toMatch(/^exported [1-9]\d* entities, [1-9]\d* articles, [1-9]\d* claims, [1-9]\d* statements/);
    return { sqlite: sqlite.out, pg: pg.out };
  }

  it.each([[[]], [['--with-text']]])('writes the same JSON Lines file (%j)', async (args) => {
    const { sqlite, pg } = await both(`jsonl${args.length}`, args);
    const written = readFileSync(sqlite);
    expect(written.length).toBeGreaterThan(10_000);
    expect(readFileSync(pg).equals(written)).toBe(true);
  });

  it.each([[[]], [['--with-text']]])('writes the same four CSV files (%j)', async (args) => {
    const { sqlite, pg } = await both(`csv${args.length}`, ['--format', 'csv', ...args]);
    const files = readdirSync(sqlite).sort();
    expect(files).toEqual(['articles.csv', 'claims.csv', 'entities.csv', 'statements.csv']);
    expect(readdirSync(pg).sort()).toEqual(files);
    for (const name of files)
      expect(readFileSync(join(pg, name)).equals(readFileSync(join(sqlite, name))), name).toBe(true);
  });

  it.each([[[]], [['--with-text']]])('writes the same STIX bundle but for its own id (%j)', async (args) => {
    const { sqlite, pg } = await both(`stix${args.length}`, ['--format', 'stix', ...args]);
    const [fromSqlite, fromPg] = [readFileSync(sqlite, 'utf8'), readFileSync(pg, 'utf8')];
    expect(fromPg.split('\n')[0]).toMatch(/^\{"type":"bundle","id":"bundle--[0-9a-f-]{36}","objects":\[$/);
    expect(blankBundleId(fromPg)).toBe(blankBundleId(fromSqlite));
  });

  it('writes the same JSON Lines to standard output', async () => {
    const [fromSqlite, fromPg] = [runSitrep(['export', '--db', file]), await runSitrepAsync(['export', '--db', url!])];
    expect(fromPg.status, fromPg.stderr).toBe(0);
    expect(fromPg.stdout).toBe(fromSqlite.stdout);
  });

  it('reads every row as SQLite does: keys, types, order, nulls and the lists STIX links by', async () => {
    const local = openDatabase(file, { migrate: false });
    const pg = await openPostgres(url!, { max: 1, migrate: false });
    const rows = (source: ExportSource) =>
      source.snapshot(async (reads: ExportReads) => {
        const all = async <T>(rows: AsyncIterable<T>) => {
          const list: T[] = [];
          for await (const row of rows) list.push(row);
          return list;
        };
        return {
          entities: await all(reads.entities()),
          articles: await all(reads.articles(false)),
          linkedArticles: await all(reads.articles(true, true)),
          claims: await all(reads.claims()),
          statements: await all(reads.statements()),
          linkedStatements: await all(reads.statements(true)),
          outlets: await all(reads.outlets()),
          installations: [...(await reads.installationIds())].sort((a, b) => a - b),
        };
      });
    try {
      const [fromSqlite, fromPg] = [await rows(sqliteExportSource(local)), await rows(postgresExportSource(pg, 7))];
      for (const [read, list] of Object.entries(fromSqlite)) {
        expect(list.length, read).toBeGreaterThan(0);
        expect({ read, rows: fromPg[read as keyof typeof fromPg] }).toStrictEqual({ read, rows: list });
      }
      // What the data must hold for the comparison to mean something.
      expect(fromSqlite.entities.some((e) => e.aliases !== '[]' && e.reliability != null)).toBe(true);
      expect(fromSqlite.statements.some((s) => s.conflicts !== '[]')).toBe(true);
      expect(fromSqlite.entities.some((e) => e.latitude != null)).toBe(true);
    } finally {
      local.close();
      await pg.close();
    }
  });

  it('reads one snapshot: writes committed while the export waits mid-way are not in it', async () => {
    const expected = runSitrep(['export', '--db', file]).stdout;
    const [{ id: statementId, entityId } = { id: 0, entityId: 0 }] = await sql<Array<{ id: number; entityId: number }>>`
      select s.id, a.entity_id as "entityId" from statements s join statement_about a on a.statement_id = s.id
      order by s.id limit 1`;
    const writer = postgres(url!, { max: 1, onnotice: () => {}, connection: { statement_timeout: 20_000 } });
    let export_: ReturnType<typeof runSitrepAsync> | undefined;
    let ended = false;
    try {
      // The export reads entities, articles and claims, then waits for the lock on the table its
      // statements query reads: the writes below commit after its snapshot and before it reads on.
      await sql.begin(async (locker) => {
        await locker`lock table statement_conflicts in access exclusive mode`;
        export_ = runSitrepAsync(['export', '--db', url!]);
        void export_.finally(() => (ended = true));
        for (let waited = 0; ; waited += 50) {
          const [{ waiting } = { waiting: 0 }] = await sql<Array<{ waiting: number }>>`
            select count(*)::int as waiting from pg_locks
            where not granted and relation = ${'statement_conflicts'}::regclass`;
          if (waiting > 0) break;
          if (waited > 30_000 || ended) throw new Error(`the export never waited: ${(await export_).stderr}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await writer.begin(async (tx) => {
          await tx`update entities set name = ${'Renamed during the export'} where id = ${entityId}`;
          await tx`update statements set credibility_reason = ${'changed during the export'} where id = ${statementId}`;
          await tx`insert into statements (first_said, last_said) values (${'2025-03-01'}, ${'2025-03-01'})`;
          await tx`insert into entities (kind, name) values (${'actor'}, ${'Stored during the export'})`;
        });
      });
      const exported = await export_!;
      expect(exported.status, exported.stderr).toBe(0);
      // What the SQLite file holds: the data as it was when the export began.
      expect(exported.stdout).toBe(expected);
      // The writes did commit: a new export sees them.
      const after = await runSitrepAsync(['export', '--db', url!]);
      expect(after.stdout).toContain('changed during the export');
      expect(after.stdout).toContain('Renamed during the export');
      expect(after.stdout).toContain('Stored during the export');
      expect(after.stdout.split('\n').filter((l) => l.startsWith('{"type":"statement"')).length).toBe(
        expected.split('\n').filter((l) => l.startsWith('{"type":"statement"')).length + 1,
      );
    } finally {
      await writer.end();
    }
  });
});
