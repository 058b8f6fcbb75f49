import { type SitrepPostgres, listenForCommits, openPostgres } from '@sitrep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('the PostgreSQL change notification tests');

/**
 * `count()` once it has reached `expected` (waiting at most `maxMs`: notifications arrive
 * asynchronously) and then `quietMs` more have passed, so that one too many is seen too.
 */
async function countOnceSettled(count: () => number, expected: number, quietMs = 400, maxMs = 10_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  while (count() < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, quietMs));
  return count();
}

describe.skipIf(!url)('change notification on PostgreSQL', () => {
  // Two pools, as two API processes would have them.
  let reader: SitrepPostgres;
  let writer: SitrepPostgres;
  let heard = 0;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    reader = await openPostgres(url!);
    writer = await openPostgres(url!, { migrate: false });
    stop = await listenForCommits(reader, () => (heard += 1));
  });
  afterAll(async () => {
    await stop?.();
    await Promise.all([reader?.close(), writer?.close()]);
  });

  it('tells a listener of a commit made through another pool, once for a transaction of many writes', async () => {
    await writer.sql.begin(async (tx) => {
      const [entity] = await tx<{ id: number }[]>`insert into entities (kind, name) values ('actor', 'A') returning id`;
      await tx`insert into aliases (entity_id, name, normalized) values (${entity!.id}, 'A', 'a')`;
      await tx`update entities set description = 'd' where id = ${entity!.id}`;
    });
    expect(await countOnceSettled(() => heard, 1)).toBe(1);
  });

  it('says nothing of a transaction rolled back, nor of writes outside the knowledge base', async () => {
    const before = heard;
    await expect(
      writer.sql.begin(async (tx) => {
        await tx`insert into entities (kind, name) values ('actor', 'B')`;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await writer.sql`insert into feeds (url, checked_at) values ('https://example.org/feed', '2025-01-01')`;
    expect(await countOnceSettled(() => heard, before)).toBe(before);
  });

  it('tells of each of several commits', async () => {
    const before = heard;
    for (const name of ['C', 'D', 'E']) await writer.sql`insert into entities (kind, name) values ('actor', ${name})`;
    expect(await countOnceSettled(() => heard, before + 3)).toBe(before + 3);
  });
});
