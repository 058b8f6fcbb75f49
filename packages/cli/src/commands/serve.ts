import { SitrepError } from '@sitrep/vocabulary';
import { type Command, Option } from 'commander';
import { CREATE_OPTION, openForCommand } from '../open-database';
import { DB_OPTION, databasePath, databaseTarget } from '../paths';
import { collectOrigins, parseCount, parsePort, parseWhole } from './options';
import { type ServeFlags, explainListenError, serveOptions } from './serve-options';
import { servePostgres } from './serve-postgres';

/** serve takes a PostgreSQL URL too: it answers queries and subscriptions there, and refuses writes. */
const SERVE_DB_OPTION = [
  '--db <file|url>',
  `${DB_OPTION[1].replace(/^SQLite database file/, 'SQLite database file, or a postgres:// URL (read-only so far)')}`,
] as const;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the GraphQL server with GraphiQL; loads the demo data into an empty database.')
    .option(...SERVE_DB_OPTION)
    .addOption(
      new Option(
        '--read-db <url>',
        'a read replica of the PostgreSQL database: queries read from it; subscriptions, tokens and writes use --db',
      ).env('SITREP_READ_DB'),
    )
    .option(...CREATE_OPTION, false)
    .addOption(
      new Option('--port <n>', 'port to listen on; 0 picks a free one')
        .env('SITREP_PORT')
        .argParser(parsePort)
        .default(4000),
    )
    .option('--host <host>', 'address to listen on; 0.0.0.0 serves the network', '127.0.0.1')
    .option('--no-demo', 'do not load the demo data into an empty database')
    .option('--reads-need-token', 'require a bearer token for queries too', false)
    .addOption(
      new Option('--cors-origin <origins>', 'browser origins whose pages may call the API, comma-separated or repeated')
        .argParser(collectOrigins)
        .default([], 'none, same origin only'),
    )
    .option('--no-introspection', 'refuse __schema and __type queries (GraphiQL then has no docs)')
    .option('--max-body-bytes <n>', 'largest request body; bigger gets HTTP 413 (default: 2097152, 2 MiB)', parseCount)
    .option('--max-article-chars <n>', 'largest article ingestArticle takes (default: 1000000)', parseCount)
    .option('--max-connections <n>', 'most connections open at once; more get HTTP 503 (default: 256)', parseCount)
    .option(
      '--max-inflight-body-bytes <n>',
      'most request body bytes held at once over all requests; more get HTTP 503 (default: 67108864, 64 MiB)',
      parseCount,
    )
    .option(
      '--request-timeout <seconds>',
      'time to send a whole request, body too; then HTTP 408 (default: 15)',
      parseCount,
    )
    .option('--headers-timeout <seconds>', "time to send a request's headers; then HTTP 408 (default: 10)", parseCount)
    .option(
      '--write-deadline <seconds>',
      'how long a mutation waits for a write lock another process holds; then DATABASE_BUSY (default: 5)',
      parseCount,
    )
    .option(
      '--extract-threads <n>',
      "threads reading articles for ingestArticle; 0 reads on the server's own thread (default: cores - 1, at least 1)",
      parseWhole,
    )
    .option(
      '--extract-queue <n>',
      'articles that may wait for a thread; more get SERVER_BUSY (default: 16)',
      parseWhole,
    )
    .option('--extract-timeout <seconds>', 'longest one article may take to read (default: 60)', parseCount)
    .action(async (options: ServeFlags) => {
      const target = databaseTarget(options.db);
      if ('url' in target) return servePostgres(target.url, options);
      if (options.readDb) {
        throw new SitrepError(
          'BAD_USER_INPUT',
          '--read-db names a PostgreSQL replica; give --db the primary as a postgres:// URL too.',
        );
      }
      // Loaded when serving, so other commands start fast.
      const [{ isEmpty, seedDemo }, { startServer }] = await Promise.all([
        import('@sitrep/demo-data'),
        import('@sitrep/server'),
      ]);
      const file = databasePath(options.db);
      const db = await openForCommand(options.db, options.create);
      if (options.demo && isEmpty(db)) {
        const seeded = seedDemo(db);
        console.log(
          `Loaded the demo knowledge base: ${seeded.entities} entities, ${seeded.articles} reports, ${seeded.claims} claims.`,
        );
      }
      const { articlesWithUngroupedClaims } = await import('@sitrep/db');
      const ungrouped = articlesWithUngroupedClaims(db).length;
      if (ungrouped > 0) {
        console.log(
          `Claims of ${ungrouped} articles stored before statements existed are not grouped yet: stop the server and run \`sitrep migrate${options.db ? ` --db ${options.db}` : ''}\`.`,
        );
      }
      const server = await startServer({
        db,
        ...serveOptions(options),
      }).catch((error: unknown) => {
        throw explainListenError(error, options.host, options.port);
      });
      console.log(`Sitrep is serving ${file}`);
      console.log(`GraphiQL and the API: ${server.url}`);
      const stop = () => {
        void server.close().finally(() => {
          db.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
