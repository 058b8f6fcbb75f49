#!/usr/bin/env node
// The compiled command (`pnpm build`, or `node build.mjs` in this package).
import('../dist/main.mjs').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main.mjs')) {
    console.error('sitrep: the command is not built yet; run `pnpm build` in the Sitrep checkout.');
    process.exit(1);
  }
  throw error;
});
