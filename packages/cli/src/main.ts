#!/usr/bin/env -S npx tsx
import { SitrepError } from '@sitrep/vocabulary';
import { Command } from 'commander';
import { registerBackup } from './commands/backup';
import { registerDatabase } from './commands/database';
import { registerExtract } from './commands/extract';
import { registerIngest } from './commands/ingest';
import { registerLsp } from './commands/lsp';
import { registerServe } from './commands/serve';
import { registerToken } from './commands/token';

const program = new Command('sitrep').description(
  'Sitrep: a knowledge base of sourced claims about military installations.',
);
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
