import { type MaybePromise, type Page, thenMaybe } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';

/** The largest page a client may ask for; `first`/`last` above it is an error, not a silent clamp. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => MaybePromise<number>;
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string, argName: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodeCursor(Number(match[1])) !== cursor) {
    throw new SitrepError('BAD_USER_INPUT', `${argName}: “${cursor.slice(0, 60)}” is not a cursor from this list.`);
  }
  return Number(match[1]);
}

function checkSize(value: number | null | undefined, argName: string): void {
  if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
    throw new SitrepError('BAD_USER_INPUT', `${argName} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, {
      limit: MAX_PAGE_SIZE,
    });
  }
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

interface Window {
  start: number;
  limit: number;
  beforeIndex: number | null;
  totalCount: () => MaybePromise<number>;
}

/**
 * Which rows of the ordered list the arguments ask for: at once, unless `last` without `before`
 * needs the count and the count is a promise (PostgreSQL).
 */
function windowOf(args: ConnectionArgs, count: () => MaybePromise<number>): MaybePromise<Window> {
  checkSize(args.first, 'first');
  checkSize(args.last, 'last');
  if (args.first != null && args.last != null) {
    throw new SitrepError('BAD_USER_INPUT', 'Pass either first or last, not both.');
  }
  const totalCount = once(count);
  const afterIndex = args.after != null ? decodeCursor(args.after, 'after') : -1;
  const beforeIndex = args.before != null ? decodeCursor(args.before, 'before') : null;
  const after = afterIndex + 1;
  const last = args.last;
  if (last == null) {
    const end = Math.min(beforeIndex ?? Number.POSITIVE_INFINITY, after + (args.first ?? DEFAULT_PAGE_SIZE));
    return { start: after, limit: Math.max(0, end - after), beforeIndex, totalCount };
  }
  return thenMaybe(beforeIndex ?? totalCount(), (end) => {
    const start = Math.max(after, end - last);
    return { start, limit: Math.max(0, end - start), beforeIndex, totalCount };
  });
}

/** One row past the window tells whether there is a next page without a COUNT. */
const pageOf = (w: Window): Page => ({ limit: w.limit + 1, offset: w.start });

/**
 * The page offsetConnection and loadedConnection will read for `args`, when it can be told
 * without the count (not `last` without `before`) and the arguments are valid; null otherwise.
 */
export function plannedPage(args: ConnectionArgs): Page | null {
  if (args.last != null) return null;
  try {
    const w = windowOf(args, () => 0);
    return 'limit' in w ? pageOf(w) : null;
  } catch {
    // The connection's own resolver reports bad arguments.
    return null;
  }
}

function connectionOf<T>(rows: T[], w: Window, args: ConnectionArgs): Connection<T> {
  const hasMore = rows.length > w.limit;
  const edges = rows.slice(0, w.limit).map((node, i) => ({ cursor: encodeCursor(w.start + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: args.last != null ? w.beforeIndex != null : hasMore,
      hasPreviousPage: w.start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: w.totalCount,
  };
}

/**
 * Resolves Relay connection arguments over an ordered list that `fetch` reads a window of.
 * Cursors are positions in that order; `count` runs only if `totalCount` (or `last` without
 * `before`) needs it.
 */
export function offsetConnection<Rows extends MaybePromise<unknown[]>>(
  args: ConnectionArgs,
  fetch: (page: Page) => Rows,
  count: () => MaybePromise<number>,
): MaybePromise<Connection<Awaited<Rows>[number]>> {
  // Typed by the rows' whole type: inferring T from `T[] | Promise<T[]>` gives unknown.
  return thenMaybe(windowOf(args, count), (w) =>
    thenMaybe(fetch(pageOf(w)) as MaybePromise<Awaited<Rows>>, (rows) => connectionOf(rows, w, args)),
  );
}

/** offsetConnection for a window a loader reads, batched with its siblings' (a statement's claims). */
export async function loadedConnection<T>(
  args: ConnectionArgs,
  fetch: (page: Page) => Promise<T[]>,
  count: () => MaybePromise<number>,
): Promise<Connection<T>> {
  const w = await windowOf(args, count);
  return connectionOf(await fetch(pageOf(w)), w, args);
}
