import { openDatabase } from '@sitrep/db';
import { isEmpty, seedDemo } from '@sitrep/demo-data';
import type { Command } from 'commander';
import { databasePath } from '../paths';

export function registerDatabase(program: Command): void {
  program
    .command('migrate')
    .description('Create the database or bring its tables up to date.')
    .option('--db <file>', 'SQLite database file (default: $SITREP_DB or data/sitrep.db)')
    .action((options: { db?: string }) => {
      const file = databasePath(options.db);
      openDatabase(file).close();
      console.log(`${file} is up to date.`);
    });

  program
    .command('seed')
    .description('Load the demo knowledge base (our own reports and curated facts).')
    .option('--db <file>', 'SQLite database file (default: $SITREP_DB or data/sitrep.db)')
    .option('--force', 'load it even though the database is not empty', false)
    .action((options: { db?: string; force: boolean }) => {
      const file = databasePath(options.db);
      const db = openDatabase(file);
      try {
        if (!isEmpty(db) && !options.force) {
          console.error(`${file} already holds data; pass --force to add the demo data anyway.`);
          process.exitCode = 1;
          return;
        }
        const seeded = seedDemo(db);
        console.log(
          `Loaded ${seeded.entities} entities, ${seeded.articles} reports, ${seeded.claims} claims, ${seeded.mentions} mentions into ${file}.`,
        );
      } finally {
        db.close();
      }
    });
}
