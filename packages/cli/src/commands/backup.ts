import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DB_OPTION, databasePath } from '../paths';

const summary = (c: { articles: number; entities: number; claims: number; api_tokens: number }) =>
  `${c.articles} articles, ${c.entities} entities, ${c.claims} claims, ${c.api_tokens} tokens`;

/** Exits 1 with a message: an expected refusal, not a crash. */
function refuse(message: string): void {
  console.error(`sitrep: ${message}`);
  process.exitCode = 1;
}

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description('Copy the database to FILE with SQLite’s online backup; safe while the server runs.')
    .option(...DB_OPTION)
    .option('--force', 'overwrite FILE if it exists', false)
    .action(async (target: string, options: { db?: string; force: boolean }) => {
      const { backupDatabase, openDatabase, verifyDatabase } = await import('@sitrep/db');
      const source = databasePath(options.db);
      const file = resolve(target);
      if (!existsSync(source)) return refuse(`${source} does not exist.`);
      if (file === source) return refuse('the backup must be another file than the database.');
      if (existsSync(file) && !options.force) return refuse(`${file} exists; pass --force to overwrite it.`);
      if (existsSync(file)) rmSync(file);
      const db = openDatabase(source, { readonly: true });
      try {
        await backupDatabase(db, file);
      } finally {
        db.close();
      }
      const copy = openDatabase(file, { migrate: false });
      try {
        // A backup is one self-contained file, not a WAL database with side files.
        copy.sqlite.pragma('journal_mode = DELETE');
        const counts = verifyDatabase(copy);
        const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
        console.log(`Backed up ${summary(counts)} to ${file} (${mb} MB); integrity check ok.`);
      } finally {
        copy.close();
      }
    });

  program
    .command('restore <file>')
    .description('Replace the database with a backup after checking it. Stop the server first.')
    .option(...DB_OPTION)
    .option('--force', 'replace a database that holds data', false)
    .action(async (backupFile: string, options: { db?: string; force: boolean }) => {
      const { backupDatabase, holdsData, openDatabase, verifyDatabase } = await import('@sitrep/db');
      const file = resolve(backupFile);
      const target = databasePath(options.db);
      if (!existsSync(file)) return refuse(`${file} does not exist.`);
      if (file === target) return refuse('the backup and the database are the same file.');
      // The backup is checked before anything of the database is touched.
      const backup = openDatabase(file, { readonly: true });
      try {
        verifyDatabase(backup, file);
        if (existsSync(target) && !options.force) {
          let occupied = true;
          try {
            const current = openDatabase(target, { readonly: true });
            occupied = holdsData(current);
            current.close();
          } catch {
            // Unreadable: it may still be someone's data, so it counts as occupied.
          }
          if (occupied) return refuse(`${target} holds data; pass --force to replace it with ${file}.`);
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
