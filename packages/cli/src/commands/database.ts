import type { Command } from 'commander';
import { DB_OPTION, databasePath } from '../paths';

export function registerDatabase(program: Command): void {
  program
    .command('migrate')
    .description('Create the database or bring its tables up to date.')
    .option(...DB_OPTION)
    .action(async (options: { db?: string }) => {
      const { openDatabase } = await import('@sitrep/db');
      const file = databasePath(options.db);
      openDatabase(file).close();
      console.log(`${file} is up to date.`);
    });

  program
    .command('seed')
    .description('Load the demo knowledge base (our own reports and curated facts).')
    .option(...DB_OPTION)
    .option('--force', 'load it even though the database is not empty', false)
    .action(async (options: { db?: string; force: boolean }) => {
      const [{ openDatabase }, { isEmpty, seedDemo }] = await Promise.all([
        import('@sitrep/db'),
        import('@sitrep/demo-data'),
      ]);
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
