import type { SitrepDatabase } from '@sitrep/db';
import { TOKEN_SCOPES, type TokenScope } from '@sitrep/vocabulary';
import { type Command, Option } from 'commander';
import { DB_OPTION, databasePath } from '../paths';
import { parseId } from './options';

async function withDatabase(file: string | undefined, work: (db: SitrepDatabase) => void): Promise<void> {
  const { openDatabase } = await import('@sitrep/db');
  const db = openDatabase(databasePath(file));
  try {
    work(db);
  } finally {
    db.close();
  }
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('Create, list and revoke API tokens.');
  token
    .command('create')
    .description('Create a token; it is printed once and only its hash is stored.')
    .addOption(new Option('--scope <scope>', 'what the token may do').choices(TOKEN_SCOPES).makeOptionMandatory())
    .option('--name <name>', 'what the token is for', 'unnamed')
    .option(...DB_OPTION)
    .action(async (options: { scope: TokenScope; name: string; db?: string }) => {
      const { createToken } = await import('@sitrep/db');
      await withDatabase(options.db, (db) => {
        const { token: row, secret } = createToken(db, options.scope, options.name);
        console.error(`Created ${row.scope} token ${row.id} (“${row.name}”). It is shown only now:`);
        console.log(secret);
      });
    });
  token
    .command('list')
    .description('List tokens (never their secrets).')
    .option(...DB_OPTION)
    .action(async (options: { db?: string }) => {
      const { listTokens } = await import('@sitrep/db');
      await withDatabase(options.db, (db) => {
        for (const row of listTokens(db)) {
          const state = row.revokedAt ? `revoked ${row.revokedAt}` : 'live';
          console.log(`${row.id}\t${row.scope}\t${state}\t${row.createdAt}\t${row.name}`);
        }
      });
    });
  token
    .command('revoke <id>')
    .description('Revoke a token by its id (see `token list`).')
    .option(...DB_OPTION)
    .action(async (id: string, options: { db?: string }) => {
      const { revokeToken } = await import('@sitrep/db');
      await withDatabase(options.db, (db) => {
        const row = revokeToken(db, parseId(id));
        console.log(`Revoked token ${row.id} (“${row.name}”).`);
      });
    });
}
