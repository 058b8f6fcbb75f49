import { setTimeout as sleep } from 'node:timers/promises';

export const DEFAULT_PER_HOST_DELAY_MS = 1000;

/**
 * Keeps requests to one host at least `delayMs` apart (counted between their starts), as a polite
 * reader does: a feed's items usually all live on its outlet's host. One pacer shared by every
 * feed read in a process (`sitrep watch` polling) keeps the delay across feeds and polls too.
 */
export class HostPacer {
  private readonly next = new Map<string, number>();

  constructor(readonly delayMs: number = DEFAULT_PER_HOST_DELAY_MS) {}

  /** Resolves when a request to `url`'s host may start, and counts it as started then. */
  async wait(url: string): Promise<void> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return; // Not a URL: the fetch refuses it without a request.
    }
    const now = performance.now();
    const at = Math.max(now, this.next.get(host) ?? now);
    // Booked before sleeping, so that two callers waiting at once are spaced too.
    this.next.set(host, at + this.delayMs);
    if (at > now) await sleep(at - now);
  }
}
