import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { SitrepError } from '@sitrep/vocabulary';
import { type Command, Option } from 'commander';
import { openForCommand } from '../open-database';
import type { ExportSource } from '@sitrep/db';
import { type DatabaseTarget, DB_OR_URL_OPTION, databaseTarget } from '../paths';

interface ExportCommandOptions {
  db?: string;
  format: 'jsonl' | 'csv' | 'stix';
  out?: string;
  withText: boolean;
}

/** A folder for the CSV files: made if its parent exists, refused if it already holds an export. */
function csvFolder(out: string | undefined, files: readonly string[]): string {
  if (!out) throw new SitrepError('BAD_USER_INPUT', 'CSV is four files: pass --out FOLDER to write them into.');
  const folder = resolve(out);
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory())
      throw new SitrepError('BAD_USER_INPUT', `${folder} is a file; --out takes a folder for CSV.`);
    const there = files.filter((f) => existsSync(resolve(folder, f)));
    if (there.length > 0)
      throw new SitrepError(
        'BAD_USER_INPUT',
        `${folder} already holds ${there.join(', ')}; move them, or export to another folder.`,
      );
  } else {
    if (!existsSync(dirname(folder))) throw new SitrepError('BAD_USER_INPUT', `${dirname(folder)}: no such folder.`);
    mkdirSync(folder);
  }
  return folder;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'Write the knowledge base out for notebooks, spreadsheets and threat-intelligence tools: entities, articles, claims with their sources, statements with their grades.',
    )
    .option(...DB_OR_URL_OPTION)
    .addOption(
      new Option(
        '--format <format>',
        'jsonl: one JSON record per line; csv: one file per kind; stix: one STIX 2.1 bundle',
      )
        .choices(['jsonl', 'csv', 'stix'])
        .default('jsonl'),
    )
    .option('--out <path>', 'jsonl, stix: a file (default: standard output); csv: a folder')
    .option(
      '--with-text',
      'include each article’s text (left out by default: articles are often not yours to republish)',
      false,
    )
    .action(async (options: ExportCommandOptions) => {
      const where = databaseTarget(options.db);
      if ('file' in where && !existsSync(where.file))
        throw new SitrepError('BAD_USER_INPUT', `${where.file} does not exist; nothing to export.`);
      const { CSV_FILES, writeCsvFiles, writeJsonLines, writeStixBundle } = await import('@sitrep/export');
      // JSON Lines and STIX both stream into one file or standard output.
      const writeStream = options.format === 'stix' ? writeStixBundle : writeJsonLines;
      const target = options.format === 'csv' ? csvFolder(options.out, Object.values(CSV_FILES)) : options.out;
      const { source, close } = await openSource(where, options.db);
      try {
        const withText = options.withText;
        let counts;
        if (options.format === 'csv') counts = await writeCsvFiles(source, target!, { withText });
        else if (!target) {
          // Piped into `head`: the reader has what it wanted; stop as other tools do, quietly.
          process.stdout.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code !== 'EPIPE') throw error;
            // Mid-iteration the connection cannot close; it only read, and ends with the process.
            process.exit(0);
          });
          counts = await writeStream(source, process.stdout, { withText });
        } else {
          const file = resolve(target);
          if (existsSync(file)) throw new SitrepError('BAD_USER_INPUT', `${file} exists; export to a new file.`);
          const out = createWriteStream(file, { flags: 'wx' });
          counts = await writeStream(source, out, { withText });
          out.end();
          await finished(out);
        }
        console.error(
          `exported ${counts.entity} entities, ${counts.article} articles, ${counts.claim} claims, ${counts.statement} statements${target ? ` to ${resolve(target)}` : ''}`,
        );
      } finally {
        await close();
      }
    });
}

/**
 * The knowledge base to read: a SQLite file, or a PostgreSQL database on one connection (the
 * export is one transaction), brought up to date first as `sitrep token` does.
 */
async function openSource(
  where: DatabaseTarget,
  option: string | undefined,
): Promise<{ source: ExportSource; close: () => Promise<void> }> {
  const { openPostgres, postgresExportSource, sqliteExportSource } = await import('@sitrep/db');
  if ('url' in where) {
    const pg = await openPostgres(where.url, { max: 1 });
    return { source: postgresExportSource(pg), close: () => pg.close() };
  }
  const db = await openForCommand(option, false);
  return { source: sqliteExportSource(db), close: async () => db.close() };
}
