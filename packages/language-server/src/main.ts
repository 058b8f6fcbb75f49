import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startSitrepServer } from './server';

// `--stdio` (or --node-ipc / --socket=N) chooses the transport, as every LSP client expects.
startSitrepServer(createConnection(ProposedFeatures.all));
