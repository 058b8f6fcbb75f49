#!/usr/bin/env node
// The built language server (`pnpm --filter @sitrep/language-server build`).
require('../dist/server.cjs');
