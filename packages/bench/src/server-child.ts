// The real GraphQL server in its own process, so that its memory can be measured alone.
// Usage: server-child.ts DATABASE_FILE [VARIANT] (see server-variants.ts; default: as shipped)
import { openDatabase } from '@sitrep/db';
import { startServer } from '@sitrep/server';
import { SHIPPED, isServerVariant, variantOptions } from './server-variants';

const [file, variant = SHIPPED] = process.argv.slice(2);
if (!file || !isServerVariant(variant)) throw new Error('usage: server-child.ts DATABASE_FILE [VARIANT]');
const db = openDatabase(file, { migrate: false });
const running = await startServer({ db, port: 0, host: '127.0.0.1', ...variantOptions(variant) });

const stop = () => {
  void running.close().finally(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
process.send?.({ ready: running.url });
