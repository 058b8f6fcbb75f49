import { copySqliteToPostgres, openDatabase, openPostgres } from '@sitrep/db';
import { seedDemo } from '@sitrep/demo-data';
import { READ_ONLY_MESSAGE, createSitrepYoga, postgresServerStore } from '@sitrep/server';
import { describe, expect, it } from 'vitest';
import { postgresDatabase } from '../helpers/postgres';

const url = await postgresDatabase('a PostgreSQL store opened only to read');

/*
 * A server given a PostgreSQL store without the URL to write through (a library user's reader, the
 * bench's) refuses every mutation whole, before access control and before any resolver runs, with
 * NOT_SUPPORTED; its queries answer.
 */
describe.skipIf(!url)('a PostgreSQL store opened only to read', () => {
  it('refuses every mutation, with a token or without, and answers queries', async () => {
    const sqlite = openDatabase(':memory:');
    seedDemo(sqlite);
    await using pg = await openPostgres(url!);
    await copySqliteToPostgres(sqlite, pg);
    sqlite.close();
    const yoga = createSitrepYoga({ store: postgresServerStore(pg) });
    const ask = async (query: string, headers: Record<string, string> = {}) =>
      (await (
        await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }] as Array<Record<string, string>>) {
      const refused = await ask(
        'mutation { addAlias(input: { entity: "QWN0b3I6MQ==", name: "Rossiya" }) { entity { id } } }',
        headers,
      );
      expect(refused).toEqual({ errors: [{ message: READ_ONLY_MESSAGE, extensions: { code: 'NOT_SUPPORTED' } }] });
    }
    expect(await ask('{ entity(name: "Rossiya") { id } }')).toEqual({ data: { entity: null } });
    expect(await ask('{ entity(name: "Hmeimim") { name } }')).toEqual({
      data: { entity: { name: 'Hmeimim Air Base' } },
    });
  });
});
