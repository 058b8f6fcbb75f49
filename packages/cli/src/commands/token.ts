import type { ApiTokenRow } from '@sitrep/db';
import { TOKEN_SCOPES, type TokenScope } from '@sitrep/vocabulary';
import { type Command, Option } from 'commander';
import { CREATE_OPTION, openForCommand } from '../open-database';
import { DB_OR_URL_OPTION, databaseTarget } from '../paths';
import { parseId } from './options';

/** What the token commands do, on either back end. */
interface Tokens {
  create(scope: TokenScope, name: string): Promise<{ token: ApiTokenRow; secret: string }>;
  list(): Promise<ApiTokenRow[]>;
  revoke(id: number): Promise<ApiTokenRow>;
}

async function withTokens(
  options: { db?: string; create?: boolean },
  work: (tokens: Tokens) => Promise<void>,
): Promise<void> {
  const where = databaseTarget(options.db);
  const db = await import('@sitrep/db');
  if ('url' in where) {
    // A PostgreSQL database is made by its administrator (createdb); opening it makes the tables.
    const pg = await db.openPostgres(where.url, { max: 1 });
    try {
      return await work({
        create: (scope, name) => db.createPgToken(pg, scope, name),
        list: () => db.listPgTokens(pg),
        revoke: (id) => db.revokePgToken(pg, id),
      });
    } finally {
      await pg.close();
    }
  }
  const sqlite = await openForCommand(options.db, options.create ?? false);
  try {
    await work({
      create: async (scope, name) => db.createToken(sqlite, scope, name),
      list: async () => db.listTokens(sqlite),
      revoke: async (id) => db.revokeToken(sqlite, id),
    });
  } finally {
    sqlite.close();
  }
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('Create, list and revoke API tokens.');
  token
    .command('create')
    .description('Create a token; it is printed once and only its hash is stored.')
    .addOption(new Option('--scope <scope>', 'what the token may do').choices(TOKEN_SCOPES).makeOptionMandatory())
    .option('--name <name>', 'what the token is for', 'unnamed')
    .option(...DB_OR_URL_OPTION)
    .option(...CREATE_OPTION, false)
    .action(async (options: { scope: TokenScope; name: string; db?: string; create: boolean }) => {
      await withTokens(options, async (tokens) => {
        const { token: row, secret } = await tokens.create(options.scope, options.name);
        console.error(`Created ${row.scope} token ${row.id} (“${row.name}”). It is shown only now:`);
        console.log(secret);
      });
    });
  token
    .command('list')
    .description('List tokens (never their secrets).')
    .option(...DB_OR_URL_OPTION)
    .action(async (options: { db?: string }) => {
      await withTokens(options, async (tokens) => {
        for (const row of await tokens.list()) {
          const state = row.revokedAt ? `revoked ${row.revokedAt}` : 'live';
          console.log(`${row.id}\t${row.scope}\t${state}\t${row.createdAt}\t${row.name}`);
        }
      });
    });
  token
    .command('revoke <id>')
    .description('Revoke a token by its id (see `token list`).')
    .option(...DB_OR_URL_OPTION)
    .action(async (id: string, options: { db?: string }) => {
      await withTokens(options, async (tokens) => {
        const row = await tokens.revoke(parseId(id));
        console.log(`Revoked token ${row.id} (“${row.name}”).`);
      });
    });
}
