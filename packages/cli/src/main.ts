import { Command } from 'commander';
import { registerBackup } from './commands/backup';
import { registerCopy } from './commands/copy';
import { registerDatabase } from './commands/database';
import { registerExport } from './commands/export';
import { registerExtract } from './commands/extract';
import { registerIngest } from './commands/ingest';
import { registerLsp } from './commands/lsp';
import { registerServe } from './commands/serve';
import { registerToken } from './commands/token';
import { registerWatch } from './commands/watch';
import { describeFailure } from './failure';
import { callerFolder, refuseUnsupportedPostgres } from './paths';

/** Set by the build (build.mjs) from package.json. */
declare const SITREP_VERSION: string;

// Paths the user gives are relative to where they typed the command, also under `pnpm sitrep`.
process.chdir(callerFolder());

const program = new Command('sitrep')
  .description('Sitrep: a knowledge base of sourced claims about military installations.')
  .version(SITREP_VERSION, '-v, --version', 'print the version')
  .option('--verbose', 'print the stack trace of a failure too')
  .hook('preAction', (_program, command) => refuseUnsupportedPostgres(command));
// Each command loads what it needs when it runs, so `--help` and `--version` start at once.
registerServe(program);
registerDatabase(program);
registerBackup(program);
registerCopy(program);
registerToken(program);
registerExtract(program);
registerIngest(program);
registerWatch(program);
registerExport(program);
registerLsp(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A failure is one line naming the file and what to do; the stack is for a bug report.
  console.error(`sitrep: ${await describeFailure(error)}`);
  if (program.opts<{ verbose?: boolean }>().verbose) console.error(error);
  process.exit(1);
}
