// The real GraphQL server in its own process, so that its memory can be measured alone.
// Usage: server-child.ts DATABASE_FILE [VARIANT] (see server-variants.ts; default: as shipped),
// or server-child.ts POSTGRES_URL postgres
import { openDatabase, openPostgres } from '@sitrep/db';
import { postgresServerStore, startServer } from '@sitrep/server';
import { SHIPPED, isServerVariant, variantOptions } from './server-variants';

const [file, variant = SHIPPED] = process.argv.slice(2);
if (!file || !isServerVariant(variant)) throw new Error('usage: server-child.ts DATABASE_FILE|POSTGRES_URL [VARIANT]');
const opened =
  variant === 'postgres'
    ? await openPostgres(file, { migrate: false }).then((pg) => ({ store: postgresServerStore(pg), close: pg.close }))
    : ((db) => ({ db, close: async () => db.close() }))(openDatabase(file, { migrate: false }));
const { close, ...database } = opened;
const running = await startServer({ ...database, port: 0, host: '127.0.0.1', ...variantOptions(variant) });

const stop = () => {
  void running.close().finally(() => {
    void close().finally(() => process.exit(0));
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
process.send?.({ ready: running.url });
