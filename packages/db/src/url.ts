/*
 * Which database a --db value names, with nothing else loaded: the CLI decides this at start-up,
 * before it imports the database code (`@sitrep/db/url`).
 */

/** A `postgres://` or `postgresql://` URL is PostgreSQL; anything else is a SQLite file. */
export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

/** The URL with its password masked: safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL URL given';
  }
}
