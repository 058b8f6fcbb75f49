import type { Command } from 'commander';

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('Run the Sitrep language server (hovers on entity names) for any LSP editor.')
    .option('--stdio', 'talk LSP over standard input and output (what editors expect; the default)')
    .allowUnknownOption(true)
    .action(async () => {
      // The same entry the bundled server (dist/server.cjs) runs: it reads its transport from argv
      // (--stdio, --node-ipc, --socket=N, --pipe=P), as LSP servers do. Given none, standard input
      // and output, which every editor can use, rather than an error about input streams.
      if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket=|pipe=|clientProcessId)/.test(arg))) {
        process.argv.push('--stdio');
      }
      await import('@sitrep/language-server/main');
    });
}
