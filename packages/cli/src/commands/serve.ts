import { openDatabase } from '@sitrep/db';
import { isEmpty, seedDemo } from '@sitrep/demo-data';
import { startServer } from '@sitrep/server';
import type { Command } from 'commander';
import { databasePath } from '../paths';
import { parsePort } from './options';

interface ServeFlags {
  db?: string;
  port: number;
  host: string;
  demo: boolean;
  readsNeedToken: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the GraphQL server with GraphiQL; loads the demo data into an empty database.')
    .option('--db <file>', 'SQLite database file (default: $SITREP_DB or data/sitrep.db)')
    .option('--port <n>', 'port to listen on; 0 picks a free one', parsePort, 4000)
    .option('--host <host>', 'address to listen on; 0.0.0.0 serves the network', '127.0.0.1')
    .option('--no-demo', 'do not load the demo data into an empty database')
    .option('--reads-need-token', 'require a bearer token for queries too', false)
    .action(async (options: ServeFlags) => {
      const file = databasePath(options.db);
      const db = openDatabase(file);
      if (options.demo && isEmpty(db)) {
        const seeded = seedDemo(db);
        console.log(
          `Loaded the demo knowledge base: ${seeded.entities} entities, ${seeded.articles} reports, ${seeded.claims} claims.`,
        );
      }
      const server = await startServer({
        db,
        port: options.port,
        host: options.host,
        readsNeedToken: options.readsNeedToken,
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
