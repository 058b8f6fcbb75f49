// Bundles the client into dist/extension.cjs and copies the bundled language server beside it,
// so the .vsix needs no node_modules. Build the server first: pnpm --filter @sitrep/language-server build.
import { build } from 'esbuild';
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('../language-server/dist/server.cjs', import.meta.url));
if (!existsSync(server)) {
  console.error(`${server} is missing: run pnpm --filter @sitrep/language-server build first.`);
  process.exit(1);
}

await build({
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.cjs',
  bundle: true,
  external: ['vscode'],
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
});
copyFileSync(server, fileURLToPath(new URL('dist/server.cjs', import.meta.url)));
