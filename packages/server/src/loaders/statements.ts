import type { SitrepDatabase } from '@sitrep/db';

/** What the readers need of a drizzle column: its SQL name and how drizzle decodes its values. */
export interface Column {
  name: string;
  columnType: string;
  mapFromDriverValue(value: unknown): unknown;
}

// Columns whose values drizzle hands over as SQLite returns them; others (booleans) are decoded.
const AS_STORED = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

/** better-sqlite3's statement, as used here: positional parameters, rows as objects. */
interface Statement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}

/**
 * A SELECT of whole rows of one drizzle table, returning the objects drizzle's `select()` would:
 * the same keys (`"actor_type" as "actorType"`) and decoded values. The columns come from the
 * table itself, so a column added to the schema is read here too.
 */
export function rowReader<Row>(
  db: SitrepDatabase,
  table: { [K in keyof Row]: Column },
  sql: (columns: (alias: string) => string) => string,
) {
  const columns = Object.entries(table as Record<string, Column>).filter(
    ([, c]) => typeof c?.name === 'string' && typeof c.columnType === 'string',
  );
  const list = (alias: string) => columns.map(([key, c]) => `${alias}."${c.name}" as "${key}"`).join(', ');
  const statement: Statement = db.sqlite.prepare<unknown[]>(sql(list));
  const decoded = columns.filter(([, c]) => !AS_STORED.has(c.columnType));
  const decode = (row: Record<string, unknown>): Row => {
    for (const [key, c] of decoded) if (row[key] != null) row[key] = c.mapFromDriverValue(row[key]);
    return row as Row;
  };
  return {
    all: (...params: unknown[]): Row[] => {
      const rows = statement.all(...params) as Array<Record<string, unknown>>;
      return decoded.length === 0 ? (rows as Row[]) : rows.map(decode);
    },
    get: (...params: unknown[]): Row | undefined => {
      const row = statement.get(...params) as Record<string, unknown> | undefined;
      return row && decode(row);
    },
  };
}
