import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestPacer } from '../fetch/bounded-fetch';

export const DEFAULT_PER_HOST_DELAY_MS = 1000;

/**
 * Keeps requests to one host `delayMs` apart, as a polite reader does (a feed's items usually all
 * live on its outlet's host): a request starts `delayMs` after the previous one to its host was
 * answered, and after the previous one started. One pacer shared by every feed read in a process
 * (`sitrep watch` polling) keeps the delay across feeds and polls too.
 */
export class HostPacer implements RequestPacer {
  private readonly next = new Map<string, number>();

  constructor(readonly delayMs: number = DEFAULT_PER_HOST_DELAY_MS) {}

  async before(url: string): Promise<void> {
    const host = hostOf(url);
    if (host === null) return; // Not a URL: the fetch refuses it without a request.
    const now = performance.now();
    const at = Math.max(now, this.next.get(host) ?? now);
    // Booked before sleeping, so that two callers waiting at once are spaced too.
    this.next.set(host, at + this.delayMs);
    if (at > now) await sleep(at - now);
  }

  after(url: string): void {
    const host = hostOf(url);
    if (host !== null) this.next.set(host, Math.max(this.next.get(host) ?? 0, performance.now() + this.delayMs));
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
