// The baseline: a minimal node:http handler over prepared better-sqlite3 statements and
// JSON.stringify, answering the hover and list questions. Usage: baseline-child.ts DATABASE_FILE
import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@sitrep/db';
import { BaselineQueries } from './baseline-queries';

const file = process.argv[2];
if (!file) throw new Error('usage: baseline-child.ts DATABASE_FILE');
const db = openDatabase(file, { migrate: false });
const queries = new BaselineQueries(db);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const server = createServer((req, res) => {
  void readBody(req).then((body) => {
    try {
      const input = JSON.parse(body) as { name?: string; to?: string };
      let answer: unknown;
      if (req.url === '/hover' && typeof input.name === 'string') answer = queries.hover(input.name);
      else if (req.url === '/list' && typeof input.to === 'string') answer = queries.list(input.to);
      else {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: `http://127.0.0.1:${port}` });
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
