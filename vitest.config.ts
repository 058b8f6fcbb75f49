import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds; Node loads the CJS one for Yoga and
    // Pothos, Vite would pick the ESM one for our sources: two GraphQLError classes. Use Node's.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql', { paths: ['packages/server'] }) }],
  },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    globalSetup: ['./test/global-setup.ts', './test/postgres-setup.ts'],
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Vitest's default leaves a core free (one worker on two cores), but most files spend their time
    // waiting on processes they start (servers, PostgreSQL, npm): two at once took the suite from
    // 18 to under 14 minutes on two cores.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
