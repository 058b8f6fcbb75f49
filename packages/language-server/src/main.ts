import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startSitrepServer } from './server';

// `--stdio` (or --node-ipc / --socket=N) chooses the transport, as every LSP client expects.
const connection = createConnection(ProposedFeatures.all);

// Node ends the process on a rejected promise nobody awaited. One such slip in a feature must not
// take hovers down in every open document: it is logged where the editor shows the server's output,
// and the server goes on. (An uncaught exception still ends it: its state may be broken, and the
// client starts it again.)
process.on('unhandledRejection', (reason) => {
  connection.console.error(`sitrep: unexpected failure: ${reason instanceof Error ? reason.stack : String(reason)}`);
});

startSitrepServer(connection);
