import type { Endpoint } from './graphql-client';
import type { HeardChange } from './protocol';

const SUBSCRIPTION = `subscription SitrepChanges { knowledgeChanged { edited entities { id } } }`;

/** Waits between reconnections: 1 s, doubling up to a minute; polling covers the gaps. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;

/**
 * Hears the server's commits over Server-Sent Events (`knowledgeChanged`) and hands each to
 * `onChange`. A dropped or refused subscription is opened again with back-off; while it is down
 * the language server's periodic refresh is all there is, as before subscriptions existed.
 */
export class ChangeFeed {
  private abort: AbortController | null = null;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | null = null;
  /** Whether a subscription is open now (for the status and the tests). */
  open = false;

  constructor(
    private readonly endpoint: () => Endpoint,
    private readonly onChange: (change: HeardChange) => void,
    private readonly onState: (open: boolean, why?: string) => void = () => {},
  ) {}

  /** Opens the subscription (again, to the current endpoint). */
  start(): void {
    this.stop();
    const abort = new AbortController();
    this.abort = abort;
    void this.listen(abort).then(
      () => this.closed(abort, 'the server ended the subscription'),
      (error: unknown) => this.closed(abort, error instanceof Error ? error.message : String(error)),
    );
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    this.abort = null;
    this.setOpen(false);
  }

  private setOpen(open: boolean, why?: string): void {
    if (open === this.open) return;
    this.open = open;
    this.onState(open, why);
  }

  private closed(abort: AbortController, why: string): void {
    if (abort.signal.aborted || abort !== this.abort) return;
    this.setOpen(false, why);
    this.timer = setTimeout(() => this.start(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(LAST_RETRY_MS, this.retryMs * 2);
  }

  private async listen(abort: AbortController): Promise<void> {
    const endpoint = this.endpoint();
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
      },
      body: JSON.stringify({ query: SUBSCRIPTION }),
      signal: abort.signal,
    });
    if (!response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
      throw new Error(`the server refused the subscription (HTTP ${response.status})`);
    }
    this.setOpen(true);
    this.retryMs = FIRST_RETRY_MS;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith('event: next')) continue;
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        const change = data ? parseChange(data.slice(6)) : null;
        if (change) this.onChange(change);
      }
    }
  }
}

function parseChange(json: string): HeardChange | null {
  try {
    const body = JSON.parse(json) as {
      data?: { knowledgeChanged?: { edited: boolean; entities: Array<{ id: string }> } };
    };
    const change = body.data?.knowledgeChanged;
    return change ? { edited: change.edited, entityIds: change.entities.map((e) => e.id) } : null;
  } catch {
    return null;
  }
}
