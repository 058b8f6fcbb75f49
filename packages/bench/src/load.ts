import autocannon from 'autocannon';

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
export function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  const { isGoodBody } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
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
        const seconds = (performance.now() - started) / 1000;
        const good = result['2xx'] - (result.mismatches ?? 0);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: good,
          requestsPerSecond: good / result.duration,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
          errors: result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0),
          seconds,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** A short unmeasured run first, so both servers are compared warm. */
export async function warmThenLoad(options: LoadOptions, warmSeconds: number): Promise<LoadFigures> {
  if (warmSeconds > 0) await runLoad({ ...options, seconds: warmSeconds });
  return runLoad(options);
}
