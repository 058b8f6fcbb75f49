import { pgSchema, sqliteSchema } from '@sitrep/db';
import { type Table, getTableName, is } from 'drizzle-orm';
import { PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';

/*
 * Read from the schema objects themselves, so a table or column added to the SQLite schema alone
 * fails here. "Compatible" is what the query functions see: the same JS type (drizzle's dataType:
 * SQLite's 0/1 booleans and PostgreSQL's boolean are both `boolean`), the same nullability, default,
 * key, allowed values, references and indexes.
 */
const sqliteTables = Object.values(sqliteSchema).filter((value) => is(value, SQLiteTable));
const pgTables = new Map(
  Object.values(pgSchema)
    .filter((value) => is(value, PgTable))
    .map((table) => [pgConfig(table).name, pgConfig(table)]),
);

/** PostgreSQL's own additions, each standing in for something SQLite does another way. */
const PG_ONLY_COLUMNS = new Set(['articles.search_vector', 'claims.search_vector']);
const PG_ONLY_INDEXES = new Set(['articles_search_idx', 'claims_search_idx', 'aliases_normalized_trgm_idx']);

type Column = { name: string; dataType: string; notNull: boolean; hasDefault: boolean; primary: boolean };
/**
 * SQLite gives any `integer primary key` a default (it is the rowid, max + 1); where it is not
 * `autoIncrement` and has no default of ours, Sitrep always sets it (entity_claim_stats.entity_id):
 * that is no default to mirror.
 */
const rowidOnly = (c: Column & { autoIncrement?: boolean; default?: unknown }) =>
  c.primary && c.dataType === 'number' && c.autoIncrement === false && c.default === undefined;
const shape = (c: Column & { enumValues?: string[]; autoIncrement?: boolean; default?: unknown }) => ({
  dataType: c.dataType,
  notNull: c.notNull,
  hasDefault: c.hasDefault && !rowidOnly(c),
  primary: c.primary,
  enumValues: c.enumValues ?? null,
});

const indexShape = (i: { config: { name?: string; unique: boolean; columns: unknown[] } }) => ({
  name: i.config.name,
  unique: i.config.unique,
  columns: i.config.columns.map((c) => (c as { name?: string }).name),
});

describe('the PostgreSQL schema', () => {
  it('reads the SQLite schema it mirrors', () => expect(sqliteTables.length).toBeGreaterThanOrEqual(18));

  it.each(sqliteTables.map((table) => [sqliteConfig(table).name, sqliteConfig(table)] as const))(
    'has %s with every SQLite column, key, reference and index',
    (name, sqlite) => {
      const pg = pgTables.get(name);
      expect(pg, `no PostgreSQL table ${name}`).toBeDefined();
      const pgColumns = new Map(pg!.columns.map((c) => [c.name, c]));
      for (const column of sqlite.columns) {
        const twin = pgColumns.get(column.name);
        expect(twin, `no PostgreSQL column ${name}.${column.name}`).toBeDefined();
        expect(shape(twin!), `${name}.${column.name}`).toEqual(shape(column));
      }
      const extra = pg!.columns.map((c) => `${name}.${c.name}`).filter((c) => !PG_ONLY_COLUMNS.has(c));
      expect(extra.sort()).toEqual(sqlite.columns.map((c) => `${name}.${c.name}`).sort());

      const keys = (config: { primaryKeys: { columns: { name: string }[] }[] }) =>
        config.primaryKeys.map((k) => k.columns.map((c) => c.name));
      expect(keys(pg!)).toEqual(keys(sqlite));

      const references = (config: {
        foreignKeys: {
          reference(): { columns: { name: string }[]; foreignTable: Table; foreignColumns: { name: string }[] };
          onDelete?: string;
        }[];
      }) =>
        config.foreignKeys
          .map((fk) => {
            const r = fk.reference();
            const table = getTableName(r.foreignTable);
            return `${r.columns.map((c) => c.name).join()} → ${table}(${r.foreignColumns.map((c) => c.name).join()}) on delete ${fk.onDelete ?? 'no action'}`;
          })
          .sort();
      expect(references(pg!)).toEqual(references(sqlite));

      const indexes = pg!.indexes.map(indexShape).filter((i) => !PG_ONLY_INDEXES.has(i.name!));
      expect(indexes.sort((a, b) => a.name!.localeCompare(b.name!))).toEqual(
        sqlite.indexes.map(indexShape).sort((a, b) => a.name!.localeCompare(b.name!)),
      );
      expect(pg!.checks.map((c) => c.name).sort()).toEqual(sqlite.checks.map((c) => c.name).sort());
    },
  );

  it('has no table SQLite lacks', () => {
    expect([...pgTables.keys()].sort()).toEqual(sqliteTables.map((t) => sqliteConfig(t).name).sort());
  });
});
