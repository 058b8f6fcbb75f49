import type { Command } from 'commander';

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('Run the Sitrep language server (hovers on entity names) for any LSP editor.')
    .option('--stdio', 'talk LSP over standard input and output (what editors expect)')
    .allowUnknownOption(true)
    .action(async () => {
      // The same entry the bundled server (dist/server.cjs) runs: it reads its transport from argv
      // (--stdio, --node-ipc, --socket=N), as LSP servers do.
      await import('@sitrep/language-server/main');
    });
}
