import { expect } from 'vitest';

/**
 * Resolves once the server holds `want` subscriptions: a commit made before a subscription is
 * listening is rightly never told to it, and a fixed pause loses that race on a loaded machine.
 */
export async function untilListening(listeners: () => number, want = 1): Promise<void> {
  await expect.poll(listeners, { timeout: 15_000, interval: 20 }).toBe(want);
}

/**
 * A Server-Sent Events client as a script or an editor would write one: POSTs a subscription with
 * `Accept: text/event-stream` and reads `next` events off the open response.
 */
export function subscribeOverSse(url: string, query: string, variables: Record<string, unknown> = {}) {
  const abort = new AbortController();
  const events: unknown[] = [];
  const waiting: Array<() => void> = [];
  let contentType: string | null = null;
  const reading = (async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
      signal: abort.signal,
    });
    contentType = res.headers.get('content-type');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.startsWith('event: next') && data) {
          events.push(JSON.parse(data.slice(6)));
          waiting.splice(0).forEach((wake) => wake());
        }
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) throw error;
  });
  return {
    /** The next event within `ms`, or null. */
    async next(ms: number): Promise<unknown> {
      if (events.length === 0)
        await Promise.race([
          new Promise<void>((resolve) => waiting.push(resolve)),
          new Promise((resolve) => setTimeout(resolve, ms)),
        ]);
      return events.shift() ?? null;
    },
    contentType: () => contentType,
    /** Closes the connection, and waits until the reading has stopped. */
    async close(): Promise<void> {
      abort.abort();
      await reading;
    },
  };
}
