import type { IngestTarget } from '@sitrep/db';
import type { Command } from 'commander';
import { plural } from '@sitrep/vocabulary';
import { CREATE_OPTION, openForCommand } from '../open-database';
import { DB_OR_URL_OPTION, databasePath, databaseTarget } from '../paths';

export function registerDatabase(program: Command): void {
  program
    .command('migrate')
    .description(
      'Create the database or bring its tables up to date, grouping claims stored before statements existed.',
    )
    .option(...DB_OR_URL_OPTION)
    .action(async (options: { db?: string }) => {
      const target = databaseTarget(options.db);
      if ('url' in target) {
        // A PostgreSQL database starts with statements, so there is nothing stored before them to group.
        const { openPostgres } = await import('@sitrep/db');
        const db = await openPostgres(target.url, { max: 1 });
        await db.close();
        const applied = db.migrated === 1 ? '1 migration' : `${db.migrated} migrations`;
        console.log(
          db.migrated > 0 ? `Applied ${applied} to ${db.url}; it is up to date.` : `${db.url} is up to date.`,
        );
        return;
      }
      const file = target.file;
      // Making the database is what this command is for.
      const db = await openForCommand(options.db, true);
      try {
        const { groupUngroupedClaims } = await import('@sitrep/ingest');
        const grouped = groupUngroupedClaims(db);
        if (grouped > 0) console.log(`Claims of ${plural(grouped, 'article')} grouped into statements.`);
      } finally {
        db.close();
      }
      console.log(`${file} is up to date.`);
    });

  program
    .command('seed')
    .description('Load the demo knowledge base (our own reports and curated facts).')
    .option(...DB_OR_URL_OPTION)
    .option(...CREATE_OPTION, false)
    .option('--force', 'load it even though the database is not empty', false)
    .action(async (options: { db?: string; create: boolean; force: boolean }) => {
      const { isEmpty, seedDemo } = await import('@sitrep/demo-data');
      const where = databaseTarget(options.db);
      let file: string;
      let db: IngestTarget & { close(): void };
      if ('url' in where) {
        const { openPostgres, openPostgresIngestWrites } = await import('@sitrep/db');
        // A PostgreSQL database is made by its administrator (createdb); its tables by this.
        const pg = await openPostgres(where.url, { max: 1 });
        file = pg.url;
        await pg.close();
        db = openPostgresIngestWrites(where.url);
      } else {
        file = databasePath(options.db);
        db = await openForCommand(options.db, options.create);
      }
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
