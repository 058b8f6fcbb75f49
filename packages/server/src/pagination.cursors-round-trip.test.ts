import { SitrepError } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import type { MaybePromise } from '@sitrep/db';
import { type Connection, MAX_PAGE_SIZE, offsetConnection } from './pagination';

const items = Array.from({ length: 25 }, (_, i) => i);

/** A connection over values is there at once (SQLite's reads): no promise to await. */
function now<T>(connection: MaybePromise<Connection<T>>): Connection<T> {
  expect(connection).not.toBeInstanceOf(Promise);
  return connection as Connection<T>;
}

const list = (args: Parameters<typeof offsetConnection>[0]) =>
  now(
    offsetConnection(
      args,
      ({ limit, offset }) => items.slice(offset, offset + limit),
      () => items.length,
    ),
  );

describe('offsetConnection', () => {
  it('pages forward with the cursors it hands out', () => {
    const first = list({ first: 10 });
    expect(first.edges.map((e) => e.node)).toEqual(items.slice(0, 10));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = list({ first: 10, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node)).toEqual(items.slice(10, 20));
    const third = list({ first: 10, after: second.pageInfo.endCursor });
    expect(third.edges.map((e) => e.node)).toEqual(items.slice(20));
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('pages backward from the end and from a cursor', () => {
    const tail = list({ last: 5 });
    expect(tail.edges.map((e) => e.node)).toEqual(items.slice(20));
    const before = list({ last: 5, before: tail.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node)).toEqual(items.slice(15, 20));
  });

  it('counts only when asked', () => {
    let counted = 0;
    const connection = now(
      offsetConnection(
        { first: 2 },
        () => [1, 2, 3],
        () => ++counted,
      ),
    );
    expect(counted).toBe(0);
    connection.totalCount();
    connection.totalCount();
    expect(counted).toBe(1);
  });

  it('answers the same pages with promises when the reads are promises (PostgreSQL)', async () => {
    const later = (args: Parameters<typeof offsetConnection>[0]) =>
      offsetConnection(
        args,
        async ({ limit, offset }) => items.slice(offset, offset + limit),
        async () => items.length,
      );
    for (const args of [{ first: 10 }, { last: 5 }, { last: 5, before: list({ last: 5 }).pageInfo.startCursor }]) {
      const answer = later(args);
      expect(answer).toBeInstanceOf(Promise);
      const { totalCount, ...rest } = await answer;
      const { totalCount: expected, ...sync } = list(args);
      expect(rest).toStrictEqual(sync);
      expect(await totalCount()).toBe(expected());
    }
  });

  it('reports page sizes over the limit and foreign cursors as user errors', () => {
    expect(() => list({ first: MAX_PAGE_SIZE + 1 })).toThrow(SitrepError);
    expect(() => list({ after: 'YXJyYXljb25uZWN0aW9uOjU=' })).toThrow(/not a cursor/);
  });
});
