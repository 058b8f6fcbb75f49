import { createRequire } from 'node:module';
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
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
