import { type LoadFigures, type LoadOptions, mergeRuns, runLoad } from './load';

/** Hover throughput through one API process on PostgreSQL, and through two on the same database. */
export interface ScaleOutFigures {
  one: LoadFigures;
  /** Both processes loaded at once, each with half the connections: their requests summed. */
  two: LoadFigures;
  /** two ÷ one, in requests per second. */
  ratio: number;
}

/**
 * The same load (`connections` requests in flight) on one process, then split over two processes
 * on one database, as a load balancer would; each side warmed first. On a machine of two cores the
 * two processes share them with PostgreSQL and the load generator, so this says what a second
 * process costs or brings here, not what it brings on a bigger machine.
 */
export async function measureScaleOut(
  urls: readonly [string, string],
  load: Omit<LoadOptions, 'url' | 'connections' | 'serverPid'>,
  connections = 10,
  warmSeconds = 1,
): Promise<ScaleOutFigures> {
  for (const url of urls) await runLoad({ ...load, url, connections, seconds: warmSeconds });
  const one = mergeRuns([await runLoad({ ...load, url: urls[0], connections })]);
  const half = Math.max(1, Math.round(connections / 2));
  const runs = await Promise.all(urls.map((url) => runLoad({ ...load, url, connections: half })));
  // At once, not one after the other: the requests add up over the one stretch of time they shared.
  const summed = mergeRuns(runs);
  const seconds = Math.max(...runs.map((r) => r.duration));
  const two = { ...summed, requestsPerSecond: summed.requests / seconds };
  return { one, two, ratio: two.requestsPerSecond / one.requestsPerSecond };
}
