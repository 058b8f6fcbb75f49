import { createServer } from 'node:http';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { type PostgresCluster, serverBinaries, startCluster } from './helpers/postgres-cluster';
import type { DatabaseAnswer } from './helpers/postgres';

/**
 * One PostgreSQL server for the whole run, started only if a test file asks for a database: most
 * runs (one file, a browser test) need none, and initdb costs a second or two. Test files run in
 * other processes, so they ask this one over HTTP on 127.0.0.1 (test/helpers/postgres.ts); each
 * gets a fresh database of its own. The server stops when the run ends.
 */
export default async function postgresForTheRun(project: TestProject): Promise<() => Promise<void>> {
  let cluster: Promise<PostgresCluster> | undefined;
  let admin: postgres.Sql | undefined;
  let made = 0;

  async function newDatabase(label: string): Promise<DatabaseAnswer> {
    const found = serverBinaries();
    if ('missing' in found) return { unavailable: found.missing };
    cluster ??= startCluster();
    const { baseUrl, tls, socketDir } = await cluster;
    admin ??= postgres(`${baseUrl}postgres`, { max: 1, onnotice: () => {} });
    // Only [a-z0-9_] from the label, and a number that makes it unique in this run.
    const name = `t${++made}_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 60);
    await admin`create database ${admin(name)}`;
    return { url: `${baseUrl}${name}`, tls, socketDir };
  }

  const broker = createServer((request, response) => {
    const label = new URL(request.url ?? '/', 'http://broker').searchParams.get('for') ?? 'test';
    newDatabase(label)
      .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
      .then((answer) => response.end(JSON.stringify(answer)));
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  const address = broker.address();
  if (typeof address !== 'object' || !address) throw new Error('the PostgreSQL broker has no address');
  project.provide('postgresBroker', `http://127.0.0.1:${address.port}/database`);

  return async () => {
    await new Promise((resolve) => broker.close(resolve));
    await admin?.end({ timeout: 5 });
    // A start that failed has already cleaned up after itself.
    await (await cluster?.catch(() => undefined))?.stop();
  };
}
