import { SitrepError } from '@sitrep/vocabulary';
import { Command } from 'commander';
import { registerBackup } from './commands/backup';
import { registerDatabase } from './commands/database';
import { registerExtract } from './commands/extract';
import { registerIngest } from './commands/ingest';
import { registerLsp } from './commands/lsp';
import { registerServe } from './commands/serve';
import { registerToken } from './commands/token';
import { callerFolder } from './paths';

/** Set by the build (build.mjs) from package.json. */
declare const SITREP_VERSION: string;

// Paths the user gives are relative to where they typed the command, also under `pnpm sitrep`.
process.chdir(callerFolder());

const program = new Command('sitrep')
  .description('Sitrep: a knowledge base of sourced claims about military installations.')
  .version(SITREP_VERSION, '-v, --version', 'print the version');
// Each command loads what it needs when it runs, so `--help` and `--version` start at once.
registerServe(program);
registerDatabase(program);
registerBackup(program);
registerToken(program);
registerExtract(program);
registerIngest(program);
registerLsp(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures print their message only; anything else keeps its stack for a bug report.
  if (error instanceof SitrepError) {
    console.error(`sitrep: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
