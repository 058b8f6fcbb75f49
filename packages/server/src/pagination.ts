import { type Page } from '@sitrep/db';
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
  totalCount: () => number;
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

/**
 * Resolves Relay connection arguments over an ordered list that `fetch` reads a window of.
 * Cursors are positions in that order; `count` runs only if `totalCount` (or `last` without
 * `before`) needs it.
 */
export function offsetConnection<T>(
  args: ConnectionArgs,
  fetch: (page: Page) => T[],
  count: () => number,
): Connection<T> {
  checkSize(args.first, 'first');
  checkSize(args.last, 'last');
  if (args.first != null && args.last != null) {
    throw new SitrepError('BAD_USER_INPUT', 'Pass either first or last, not both.');
  }
  const totalCount = once(count);
  const afterIndex = args.after != null ? decodeCursor(args.after, 'after') : -1;
  const beforeIndex = args.before != null ? decodeCursor(args.before, 'before') : null;
  let start = afterIndex + 1;
  let end = beforeIndex ?? Number.POSITIVE_INFINITY;
  if (args.last != null) {
    if (beforeIndex == null) end = totalCount();
    start = Math.max(start, end - args.last);
  } else {
    end = Math.min(end, start + (args.first ?? DEFAULT_PAGE_SIZE));
  }
  const limit = Math.max(0, end - start);
  // One row past the window tells whether there is a next page without a COUNT.
  const rows = fetch({ limit: limit + 1, offset: start });
  const hasMore = rows.length > limit;
  const edges = rows.slice(0, limit).map((node, i) => ({ cursor: encodeCursor(start + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: args.last != null ? beforeIndex != null : hasMore,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
