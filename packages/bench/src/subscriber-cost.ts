import { type LoadFigures, type LoadOptions, type LoadRun, mergeRuns, runLoad } from './load';

export interface SubscriberCost {
  without: LoadFigures;
  with: LoadFigures;
  /** Hover req/s with a subscriber over req/s without, in the same turns. */
  ratio: number;
}

/**
 * A subscriber held open on the server: a Server-Sent Events connection to `knowledgeChanged`,
 * as an editor keeps one. Resolves once the server has answered with the event stream.
 */
async function openSubscriber(url: string): Promise<() => void> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { knowledgeChanged { newClaims } }' }),
    signal: abort.signal,
  });
  if (!response.headers.get('content-type')?.startsWith('text/event-stream'))
    throw new Error(`the server did not open a subscription (HTTP ${response.status})`);
  // Read (and drop) whatever comes, as a client would, so the stream never backs up.
  void (async () => {
    const reader = response.body!.getReader();
    for (;;) if ((await reader.read()).done) return;
  })().catch(() => {});
  return () => abort.abort();
}

/**
 * The hover load on one server without and with a subscriber, in turns (without, with, with,
 * without), each turn half the seconds: what keeping editors informed costs the others.
 */
export async function measureSubscriberCost(options: LoadOptions): Promise<SubscriberCost> {
  const half = () => runLoad({ ...options, seconds: Math.max(1, Math.round(options.seconds / 2)) });
  const runs: { without: LoadRun[]; with: LoadRun[] } = { without: [], with: [] };
  for (const side of ['without', 'with', 'with', 'without'] as const) {
    const close = side === 'with' ? await openSubscriber(options.url) : null;
    try {
      runs[side].push(await half());
    } finally {
      close?.();
    }
  }
  const without = mergeRuns(runs.without);
  const withSubscriber = mergeRuns(runs.with);
  return { without, with: withSubscriber, ratio: withSubscriber.requestsPerSecond / without.requestsPerSecond };
}
