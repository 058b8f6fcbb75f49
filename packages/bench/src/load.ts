import autocannon from 'autocannon';
import { procCpuSeconds } from './child-process';

export interface LoadOptions {
  /** Full URL the requests go to. */
  url: string;
  /** A new body for every request: successive requests ask different questions. */
  body: () => string;
  seconds: number;
  /** Default 10. */
  connections?: number;
  /** A 200 whose body fails this counts as an error (a GraphQL `errors` answer, say). */
  isGoodBody?: (body: string) => boolean;
  /** The server's pid, to measure the CPU time it spends per request. */
  serverPid?: number;
}

/** One run, before its figures are summed up: rounds of the same load are merged (see mergeRuns). */
export interface LoadRun {
  requests: number;
  /** Seconds the load ran, as autocannon counts them. */
  duration: number;
  latencies: number[];
  errors: number;
  seconds: number;
  /** CPU seconds the server spent during the run; null without a pid or /proc. */
  serverCpuSeconds: number | null;
  /** CPU seconds this process (the load generator) spent during the run. */
  clientCpuSeconds: number;
}

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  /** Latencies in milliseconds, from our own per-request timings (autocannon's histogram has 1 ms steps). */
  p50: number;
  p99: number;
  mean: number;
  /** Refused connections, timeouts, non-2xx answers and bodies that failed `isGoodBody`. */
  errors: number;
  seconds: number;
  /** Server CPU time per good request, in ms: less skewed by other work on the machine than req/s. */
  serverCpuMs: number | null;
  /** How busy the load generator was (1 = one whole core): near 1, it may hold the figures down. */
  clientCpuShare: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Loads `url` with autocannon: `connections` keep one request in flight each, for `seconds`. */
export function runLoad(options: LoadOptions): Promise<LoadRun> {
  const latencies: number[] = [];
  const { isGoodBody, serverPid } = options;
  const serverCpu = () => (serverPid == null ? null : procCpuSeconds(serverPid));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const clientStart = process.cpuUsage();
    const serverStart = serverCpu();
    autocannon(
      {
        url: options.url,
        connections: options.connections ?? 10,
        duration: options.seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, body: options.body() }) }],
        ...(isGoodBody ? { verifyBody: (body?: string | Buffer) => isGoodBody(String(body ?? '')) } : {}),
        timeout: 30,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const serverEnd = serverCpu();
        const client = process.cpuUsage(clientStart);
        resolve({
          requests: result['2xx'] - (result.mismatches ?? 0),
          duration: result.duration,
          latencies,
          errors: result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0),
          seconds: (performance.now() - started) / 1000,
          serverCpuSeconds: serverStart == null || serverEnd == null ? null : serverEnd - serverStart,
          clientCpuSeconds: (client.user + client.system) / 1e6,
        });
      },
    ).on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** The figures of several runs of the same load taken together. */
export function mergeRuns(runs: readonly LoadRun[]): LoadFigures {
  const sum = (f: (run: LoadRun) => number) => runs.reduce((total, run) => total + f(run), 0);
  const requests = sum((r) => r.requests);
  const duration = sum((r) => r.duration);
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const serverCpu = runs.some((r) => r.serverCpuSeconds == null) ? null : sum((r) => r.serverCpuSeconds ?? 0);
  return {
    requests,
    requestsPerSecond: requests / duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    errors: sum((r) => r.errors),
    seconds: sum((r) => r.seconds),
    serverCpuMs: serverCpu == null ? null : (serverCpu * 1000) / Math.max(1, requests),
    clientCpuShare: sum((r) => r.clientCpuSeconds) / sum((r) => r.seconds),
  };
}

/** A short unmeasured run first, so the server is measured warm. */
export async function warmThenLoad(options: LoadOptions, warmSeconds: number): Promise<LoadFigures> {
  if (warmSeconds > 0) await runLoad({ ...options, seconds: warmSeconds });
  return mergeRuns([await runLoad(options)]);
}

/**
 * Servers loaded in turns, each warmed first, then A B C … C B A: whatever else the machine does
 * drifts over the run, and taking turns spreads it over every side instead of one. Returns each
 * side's figures in the order given.
 */
export async function loadInTurns(sides: readonly LoadOptions[], warmSeconds: number): Promise<LoadFigures[]> {
  if (warmSeconds > 0) {
    for (const side of sides) await runLoad({ ...side, seconds: warmSeconds });
  }
  const half = (options: LoadOptions) => runLoad({ ...options, seconds: Math.max(1, Math.round(options.seconds / 2)) });
  const runs: LoadRun[][] = sides.map(() => []);
  for (const i of [...sides.keys(), ...[...sides.keys()].reverse()]) runs[i]!.push(await half(sides[i]!));
  return runs.map(mergeRuns);
}
