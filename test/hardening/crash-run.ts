import { expect } from 'vitest';
import { startSitrep } from '../helpers';
import { type Acknowledged, ingestOverHttp } from './ingest-client';
import type { WireArticle } from './wire-articles';

export interface CrashRun {
  /** What `sitrep serve --db` is given: a file or a postgres:// URL. */
  db: string;
  /** A write token for that database. */
  token: string;
  articles: readonly WireArticle[];
  /** Clients sending articles at once. */
  clients: number;
  /** Acknowledged ingests (counted over the whole run) after which the server is killed. */
  killAfter: readonly number[];
  /** Checks every article whole or absent after each kill; the articles present. */
  check(acknowledged: ReadonlyMap<number, Acknowledged>): number | Promise<number>;
}

export interface CrashFigures {
  requests: number;
  acknowledged: number;
  lost: number;
  conflictsAfterRestart: number;
  kills: number;
  /** Articles present at the end, as the last check counts them. */
  present: number;
  /** Answers that were neither an acknowledgement nor a CONFLICT. */
  unexpected: string[];
}

/**
 * `sitrep serve` on `db`, killed with SIGKILL each time the acknowledged ingests reach the next
 * `killAfter`, and started again, while `clients` send every article. An article whose answer was
 * lost is sent again after the restart: stored before the kill (a CONFLICT) or not. After each
 * kill, and at the end, `check` looks at the database.
 */
export async function crashWhileIngesting(run: CrashRun): Promise<CrashFigures> {
  const { articles, killAfter: kills } = run;
  const acknowledged = new Map<number, Acknowledged>();
  const queue = articles.map((_, n) => n);
  const figures: CrashFigures = {
    requests: 0,
    acknowledged: 0,
    lost: 0,
    conflictsAfterRestart: 0,
    kills: 0,
    present: 0,
    unexpected: [],
  };
  for (let round = 0; round <= kills.length; round++) {
    const killAfter = kills[round];
    const server = startSitrep(['serve', '--db', run.db, '--port', '0']);
    const [, url] = await server.waitFor(/GraphiQL and the API: (\S+)/);
    const lostThisRound: number[] = [];
    let killed = false;

    const client = async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        figures.requests += 1;
        const outcome = await ingestOverHttp(url!, run.token, articles[n]!.text);
        if (outcome.kind === 'lost') {
          lostThisRound.push(n);
          return; // the server is gone; the others notice on their own
        }
        if (outcome.kind === 'acknowledged') {
          acknowledged.set(n, outcome.stored);
          figures.acknowledged += 1;
          if (killAfter !== undefined && figures.acknowledged >= killAfter && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        } else if (outcome.code === 'CONFLICT') {
          figures.conflictsAfterRestart += 1; // stored before a kill, its answer lost: present, checked
        } else {
          figures.unexpected.push(`article ${n}: ${outcome.code} ${outcome.message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: run.clients }, client));

    if (killAfter !== undefined) {
      expect(killed, `round ${round} ended before ${killAfter} acknowledgements`).toBe(true);
      await server.exited;
      figures.kills += 1;
      figures.lost += lostThisRound.length;
      await run.check(acknowledged);
      queue.unshift(...lostThisRound);
    } else {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  }
  figures.present = await run.check(acknowledged);
  return figures;
}
