import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.config.ts: its own schema and its own migrations folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/pg/schema.ts',
  out: './pg-migrations',
});
