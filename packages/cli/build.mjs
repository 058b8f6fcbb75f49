// Compiles the `sitrep` command once, so no command pays for a TypeScript loader, nor for Node
// resolving and reading a thousand module files, at start-up. Everything is bundled except the
// packages below, which must be this package's dependencies so the packed tarball installs them.
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Paths below are this package's, wherever the build is run from.
const here = fileURLToPath(new URL('.', import.meta.url));
process.chdir(here);

const EXTERNAL = [
  'better-sqlite3', // native: compiled for the machine at install
  'wink-eng-lite-web-model', // megabytes of JSON models: Node's JSON.parse reads them faster than bundled JS
  'world-countries', // the same
  'tinypool', // starts its threads from its own files, which a bundle would not have beside it
  'synckit', // the same; bundled, the thread it starts never answers
];

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const undeclared = EXTERNAL.filter((name) => !manifest.dependencies?.[name]);
if (undeclared.length > 0) {
  console.error(`packages/cli/package.json must list these dependencies: ${undeclared.join(', ')}`);
  process.exit(1);
}

const result = await build({
  absWorkingDir: here,
  // The server's extraction threads run extract-worker.mjs, PostgreSQL ingests write through
  // pg-writer.mjs, and SQLite's log is copied by checkpoint-thread.mjs: each is found beside the
  // chunk that starts it.
  entryPoints: {
    main: 'src/main.ts',
    'extract-worker': '../ingest/src/extraction/worker.ts',
    'pg-writer': '../db/src/pg/sync-writes/worker.ts',
    'checkpoint-thread': '../db/src/checkpoints/checkpoint-thread.mjs',
  },
  outdir: 'dist',
  // Every chunk sits beside main.mjs, so `../migrations` from any of them is this package's copy.
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: EXTERNAL,
  // Bundled CommonJS packages still call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __sitrepRequire } from 'node:module'; const require = __sitrepRequire(import.meta.url);",
  },
  define: { SITREP_VERSION: JSON.stringify(manifest.version) },
  logLevel: 'warning',
  metafile: true,
});

// Chunks of earlier builds go only now, so a command started during a build still finds its files.
const written = new Set(Object.keys(result.metafile.outputs).map((file) => basename(file)));
for (const file of readdirSync('dist')) if (!written.has(file)) rmSync(join('dist', file));

// The database package finds its migrations beside its code (`../migrations`, and PostgreSQL's in
// `../pg-migrations`); so does the bundle.
for (const folder of ['migrations', 'pg-migrations']) {
  rmSync(folder, { recursive: true, force: true });
  cpSync(`../db/${folder}`, folder, { recursive: true });
}
