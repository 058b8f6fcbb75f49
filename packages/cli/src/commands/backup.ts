import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SitrepError } from '@sitrep/vocabulary';
import type { Command } from 'commander';
import { DB_OR_URL_OPTION, databasePath, databaseTarget } from '../paths';

const summary = (c: { articles: number; entities: number; claims: number; api_tokens: number }) =>
  `${c.articles} articles, ${c.entities} entities, ${c.claims} claims, ${c.api_tokens} tokens`;

/** Exits 1 with a message: an expected refusal, not a crash. */
function refuse(message: string): void {
  console.error(`sitrep: ${message}`);
  process.exitCode = 1;
}

/** A folder that is not there is the user's to make: a mistyped one should not appear. */
function folderOf(file: string): string | null {
  const folder = dirname(file);
  return existsSync(folder) && statSync(folder).isDirectory() ? folder : null;
}

const removeWithSideFiles = (file: string) =>
  ['', '-journal', '-wal', '-shm'].forEach((side) => rmSync(file + side, { force: true }));

/** pg_dump to a temporary name, renamed to FILE once the archive is checked. */
async function backupPostgres(url: string, temporary: string, file: string): Promise<void> {
  const { dumpPostgres, redactUrl } = await import('@sitrep/db');
  try {
    const { counts, tool } = await dumpPostgres(url, temporary);
    renameSync(temporary, file);
    const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
    console.log(`Backed up ${summary(counts)} from ${redactUrl(url)} to ${file} (${mb} MB) with ${tool.version}.`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'Copy the database to FILE: SQLite’s online backup, or a pg_dump archive on PostgreSQL; safe while the server runs.',
    )
    .option(...DB_OR_URL_OPTION)
    .option('--force', 'overwrite FILE if it exists', false)
    .action(async (target: string, options: { db?: string; force: boolean }) => {
      const file = resolve(target);
      const folder = folderOf(file);
      if (!folder) return refuse(`${dirname(file)}: no such folder; create it first, or back up to another path.`);
      if (existsSync(file) && !options.force) return refuse(`${file} exists; pass --force to overwrite it.`);
      // The copy is made and checked under another name, so a failure never leaves a bad file at
      // FILE (nor replaces a good one there), and a rerun is not blocked by it.
      const temporary = join(folder, `.${basename(file)}.${process.pid}.partial`);
      const where = databaseTarget(options.db);
      if ('url' in where) return backupPostgres(where.url, temporary, file);
      const { backupDatabase, checkIntegrity, openDatabase, verifyDatabase } = await import('@sitrep/db');
      const source = databasePath(options.db);
      if (!existsSync(source)) return refuse(`${source} does not exist.`);
      if (file === source) return refuse('the backup must be another file than the database.');
      const db = openDatabase(source, { readonly: true });
      try {
        // A damaged source fails here, with its own name, rather than half-way through the copy.
        checkIntegrity(db, source);
        await backupDatabase(db, temporary);
      } catch (error) {
        removeWithSideFiles(temporary);
        throw error;
      } finally {
        db.close();
      }
      try {
        const copy = openDatabase(temporary, { migrate: false });
        let counts;
        try {
          // A backup is one self-contained file, not a WAL database with side files.
          copy.sqlite.pragma('journal_mode = DELETE');
          counts = verifyDatabase(copy, `the copy of ${source}`);
        } finally {
          copy.close();
        }
        renameSync(temporary, file);
        const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
        console.log(`Backed up ${summary(counts)} to ${file} (${mb} MB); integrity check ok.`);
      } catch (error) {
        removeWithSideFiles(temporary);
        throw error;
      }
    });

  program
    .command('restore <file>')
    .description('Replace the database with a backup after checking it. Stop the server first.')
    .option(...DB_OR_URL_OPTION)
    .option('--force', 'replace a database that holds data', false)
    .action(async (backupFile: string, options: { db?: string; force: boolean }) => {
      const file = resolve(backupFile);
      if (!existsSync(file)) return refuse(`${file} does not exist.`);
      const where = databaseTarget(options.db);
      if ('url' in where) {
        const { restorePostgres, redactUrl } = await import('@sitrep/db');
        const { counts } = await restorePostgres(file, where.url, { force: options.force });
        console.log(`Restored ${summary(counts)} into ${redactUrl(where.url)} from ${file}.`);
        return;
      }
      const { backupDatabase, holdsData, openDatabase, verifyDatabase } = await import('@sitrep/db');
      const target = databasePath(options.db);
      if (file === target) return refuse('the backup and the database are the same file.');
      if (!folderOf(target)) return refuse(`${dirname(target)}: no such folder; create it first.`);
      // The backup is checked before anything of the database is touched; opening it refuses one
      // that is not Sitrep's or that a newer Sitrep wrote.
      const backup = openDatabase(file, { readonly: true });
      try {
        verifyDatabase(backup, file);
        if (existsSync(target)) {
          let occupied = true;
          try {
            const current = openDatabase(target, { readonly: true });
            occupied = holdsData(current);
            current.close();
          } catch (error) {
            // Another application's file is never Sitrep's to replace, --force or not.
            if (error instanceof SitrepError && error.details.reason === 'foreign') throw error;
            // Unreadable: it may still be someone's data, so it counts as occupied.
          }
          if (occupied && !options.force) {
            return refuse(`${target} holds data; pass --force to replace it with ${file}.`);
          }
        }
        await backupDatabase(backup, target);
      } finally {
        backup.close();
      }
      // Opening migrates a backup made by an older Sitrep to the current tables.
      const restored = openDatabase(target);
      try {
        console.log(`Restored ${summary(verifyDatabase(restored))} into ${target} from ${file}.`);
      } finally {
        restored.close();
      }
    });
}
