import { isPostgresUrl } from '@sitrep/db/url';
import { SitrepError } from '@sitrep/vocabulary';
import type { Command } from 'commander';
import { databaseTarget } from '../paths';

/** Room for the longest table name (source_reliability_changes). */
const WIDTH = 26;

/** `sitrep copy`: a whole SQLite knowledge base into a new PostgreSQL database (issue 17). */
export function registerCopy(program: Command): void {
  program
    .command('copy')
    .description(
      'Copy a SQLite database into an empty PostgreSQL database (made or brought up to date first), keeping ids, in one transaction.',
    )
    .requiredOption('--to <url>', 'the postgres:// URL of the database to fill; it must hold no rows')
    .option(
      '--from <file>',
      'the SQLite database file to copy (default: $SITREP_DB, else data/sitrep.db in a checkout, else the user data folder)',
    )
    .action(async (options: { from?: string; to: string }) => {
      if (!isPostgresUrl(options.to)) {
        throw new SitrepError(
          'BAD_USER_INPUT',
          `--to takes a postgres:// URL, not ${options.to}; to copy a SQLite database to a file, use \`sitrep backup FILE\`.`,
        );
      }
      const source = databaseTarget(options.from);
      if ('url' in source) {
        throw new SitrepError('BAD_USER_INPUT', 'sitrep copy reads a SQLite file: pass --from FILE.');
      }
      const { copySqliteToPostgres, openDatabase, openPostgres } = await import('@sitrep/db');
      // Read-only: the copy changes nothing in the file, and a server may go on writing to it.
      const from = openDatabase(source.file, { readonly: true });
      try {
        const started = performance.now();
        // Makes the tables first when the database has none, as `sitrep migrate` does.
        await using to = await openPostgres(options.to, { max: 1 });
        console.log(`Copying ${source.file} into ${to.url}, in one transaction:`);
        // Each table as it is done: a million claims take a minute or two.
        const copied = await copySqliteToPostgres(from, to, {
          onTable: ({ table, rows }) => console.log(`  ${table.padEnd(WIDTH)}  ${rows.toLocaleString('en')}`),
        });
        const seconds = (performance.now() - started) / 1000;
        const total = copied.reduce((sum, t) => sum + t.rows, 0);
        console.log(
          `Committed ${copied.length} tables, ${total.toLocaleString('en')} rows in ${seconds.toFixed(1)} s; each table's row count checked.`,
        );
      } finally {
        from.close();
      }
    });
}
