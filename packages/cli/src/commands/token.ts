import { createToken, listTokens, openDatabase, revokeToken } from '@sitrep/db';
import { TOKEN_SCOPES, type TokenScope } from '@sitrep/vocabulary';
import { type Command, InvalidArgumentError } from 'commander';
import { databasePath } from '../paths';
import { parseId } from './options';

function parseScope(value: string): TokenScope {
  if (!(TOKEN_SCOPES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`scope must be one of ${TOKEN_SCOPES.join(', ')}.`);
  }
  return value as TokenScope;
}

function withDatabase(file: string | undefined, work: (db: ReturnType<typeof openDatabase>) => void): void {
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
    .requiredOption('--scope <scope>', 'read or write', parseScope)
    .option('--name <name>', 'what the token is for', 'unnamed')
    .option('--db <file>', 'SQLite database file (default: $SITREP_DB or data/sitrep.db)')
    .action((options: { scope: TokenScope; name: string; db?: string }) =>
      withDatabase(options.db, (db) => {
        const { token: row, secret } = createToken(db, options.scope, options.name);
        console.error(`Created ${row.scope} token ${row.id} (“${row.name}”). It is shown only now:`);
        console.log(secret);
      }),
    );
  token
    .command('list')
    .description('List tokens (never their secrets).')
    .option('--db <file>', 'SQLite database file (default: $SITREP_DB or data/sitrep.db)')
    .action((options: { db?: string }) =>
      withDatabase(options.db, (db) => {
        for (const row of listTokens(db)) {
          const state = row.revokedAt ? `revoked ${row.revokedAt}` : 'live';
          console.log(`${row.id}\t${row.scope}\t${state}\t${row.createdAt}\t${row.name}`);
        }
      }),
    );
  token
    .command('revoke <id>')
    .description('Revoke a token by its id (see `token list`).')
    .option('--db <file>', 'SQLite database file (default: $SITREP_DB or data/sitrep.db)')
    .action((id: string, options: { db?: string }) =>
      withDatabase(options.db, (db) => {
        const row = revokeToken(db, parseId(id));
        console.log(`Revoked token ${row.id} (“${row.name}”).`);
      }),
    );
}
