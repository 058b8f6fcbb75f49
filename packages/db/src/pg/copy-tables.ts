import { getTableName, is } from 'drizzle-orm';
import { type PgColumn, PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as pgSchema from './schema';

/** One table as the copy moves it: its name and the columns it writes, with how each is written. */
export interface CopiedTableShape {
  name: string;
  columns: Array<{ name: string; kind: ColumnKind }>;
  /** The identity column whose sequence must start past the copied ids, if any. */
  identity: string | null;
}

/** How a SQLite value becomes text in COPY's text format, by the PostgreSQL column's type. */
export type ColumnKind = 'boolean' | 'number' | 'text';

function kindOf(column: PgColumn): ColumnKind {
  if (column.columnType === 'PgBoolean') return 'boolean';
  if (['PgInteger', 'PgBigInt53', 'PgBigInt64', 'PgDoublePrecision'].includes(column.columnType)) return 'number';
  return 'text';
}

/**
 * Every table of the PostgreSQL schema, parents before the tables that reference them, so that each
 * COPY's foreign keys find their rows (a table that references itself is one COPY: PostgreSQL
 * checks those keys at the end of the statement). Generated columns (the search vectors) are left
 * out: PostgreSQL computes them.
 */
export function tablesInCopyOrder(): CopiedTableShape[] {
  const tables: PgTable[] = Object.values(pgSchema).filter((value) => is(value, PgTable));
  const parents = new Map(
    tables.map((table) => {
      const references = getTableConfig(table).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable));
      return [getTableName(table), new Set(references.filter((name) => name !== getTableName(table)))];
    }),
  );
  const ordered: PgTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(getTableName(t)) && [...parents.get(getTableName(t))!].every((p) => placed.has(p)),
    );
    // The schema has no cycle between tables; if one appears, say so rather than loop.
    if (ready.length === 0) throw new Error('The PostgreSQL schema has a cycle of foreign keys between tables.');
    for (const table of ready) {
      ordered.push(table);
      placed.add(getTableName(table));
    }
  }
  return ordered.map((table) => {
    const columns = getTableConfig(table).columns.filter((column) => !column.generated);
    return {
      name: getTableName(table),
      columns: columns.map((column) => ({ name: column.name, kind: kindOf(column) })),
      identity: columns.find((column) => column.generatedIdentity)?.name ?? null,
    };
  });
}
