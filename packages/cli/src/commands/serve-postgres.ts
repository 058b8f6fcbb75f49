import { SitrepError } from '@sitrep/vocabulary';
import { type ServeFlags, explainListenError, serveOptions } from './serve-options';

/** The replica, refused in one line unless it is a PostgreSQL URL of a Sitrep database. */
async function openReplica(url: string) {
  const { isPostgresUrl, openPostgres } = await import('@sitrep/db');
  if (!isPostgresUrl(url)) throw new SitrepError('BAD_USER_INPUT', `--read-db must be a postgres:// URL, not ${url}.`);
  return openPostgres(url, { migrate: false });
}

/**
 * `sitrep serve --db postgres://…`: the same GraphQL server, reading and writing PostgreSQL, and
 * like on SQLite filling an empty database with the demo data unless told not to (--no-demo).
 */
export async function servePostgres(url: string, options: ServeFlags): Promise<void> {
  const [{ openPostgres }, { postgresServerStore, startServer }] = await Promise.all([
    import('@sitrep/db'),
    import('@sitrep/server'),
  ]);
  const db = await openPostgres(url);
  if (options.demo) await seedIfEmpty(url);
  // A replica is migrated by replication, never by Sitrep: it is opened as it is.
  const replica = options.readDb
    ? await openReplica(options.readDb).catch(async (error: unknown) => {
        await db.close();
        throw error;
      })
    : null;
  const store = postgresServerStore(db, url);
  const closeAll = () => {
    store.close();
    return Promise.all([db.close(), replica?.close()]);
  };
  const server = await startServer({
    ...serveOptions(options),
    store,
    ...(replica && { readStore: postgresServerStore(replica) }),
  }).catch(async (error: unknown) => {
    await closeAll();
    throw explainListenError(error, options.host, options.port);
  });
  console.log(`Sitrep is serving ${db.url} (PostgreSQL: queries, subscriptions and ingestArticle)`);
  if (replica) console.log(`Queries read from the replica ${replica.url}`);
  console.log(`GraphiQL and the API: ${server.url}`);
  const stop = () => {
    void server
      .close()
      .then(closeAll)
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * The demo data, in a database that holds nothing: checked and loaded in one transaction under
 * the ingest lock, so two API processes started at once on a new database load it once.
 */
async function seedIfEmpty(url: string): Promise<void> {
  const [{ openPostgresIngestWrites }, { isEmpty, seedDemo }] = await Promise.all([
    import('@sitrep/db'),
    import('@sitrep/demo-data'),
  ]);
  const writes = openPostgresIngestWrites(url);
  try {
    const seeded = writes.transaction(() => (isEmpty(writes) ? seedDemo(writes) : null));
    if (seeded) {
      console.log(
        `Loaded the demo knowledge base: ${seeded.entities} entities, ${seeded.articles} reports, ${seeded.claims} claims.`,
      );
    }
  } finally {
    writes.close();
  }
}
