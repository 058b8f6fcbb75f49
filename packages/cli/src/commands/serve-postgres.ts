import { type ServeFlags, explainListenError, serveOptions } from './serve-options';

/**
 * `sitrep serve --db postgres://…`: the same GraphQL server, read-only for now (issue 17). Queries
 * and subscriptions answer from PostgreSQL; mutations are refused with NOT_SUPPORTED. Nothing is
 * seeded: fill the database with `sitrep copy --to URL`.
 */
export async function servePostgres(url: string, options: ServeFlags): Promise<void> {
  const [{ openPostgres }, { postgresServerStore, startServer }] = await Promise.all([
    import('@sitrep/db'),
    import('@sitrep/server'),
  ]);
  const db = await openPostgres(url);
  const server = await startServer({ ...serveOptions(options), store: postgresServerStore(db) }).catch(
    async (error: unknown) => {
      await db.close();
      throw explainListenError(error, options.host, options.port);
    },
  );
  console.log(`Sitrep is serving ${db.url} (PostgreSQL: queries and subscriptions; writes are not available yet)`);
  console.log(`GraphiQL and the API: ${server.url}`);
  const stop = () => {
    void server
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
