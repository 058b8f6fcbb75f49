import type { SitrepDatabase } from '@sitrep/db';
import { TOKEN_SCOPES, type TokenScope } from '@sitrep/vocabulary';
import { type Command, Option } from 'commander';
import { CREATE_OPTION, openForCommand } from '../open-database';
import { DB_OPTION } from '../paths';
import { parseId } from './options';

async function withDatabase(
  options: { db?: string; create?: boolean },
  work: (db: SitrepDatabase) => void,
): Promise<void> {
  const db = await openForCommand(options.db, options.create ?? false);
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
    .option(...CREATE_OPTION, false)
    .action(async (options: { scope: TokenScope; name: string; db?: string; create: boolean }) => {
      const { createToken } = await import('@sitrep/db');
      await withDatabase(options, (db) => {
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
      await withDatabase(options, (db) => {
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
      await withDatabase(options, (db) => {
        const row = revokeToken(db, parseId(id));
        console.log(`Revoked token ${row.id} (“${row.name}”).`);
      });
    });
}
