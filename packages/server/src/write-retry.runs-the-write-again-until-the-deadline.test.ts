import { SitrepError } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { withWriteRetry } from './write-retry';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('withWriteRetry', () => {
  it('runs the write again while it meets SQLITE_BUSY, with the event loop free in between', async () => {
    let attempts = 0;
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    try {
      const result = await withWriteRetry({ busyTimeoutMs: 0, deadlineMs: 5000 }, () => {
        attempts += 1;
        if (attempts < 4) throw busy();
        return 'written';
      });
      expect(result).toBe('written');
    } finally {
      clearInterval(ticker);
    }
    expect(attempts).toBe(4);
    expect(ticks).toBeGreaterThan(0);
  });

  it('fails with DATABASE_BUSY and retryAfterSeconds past the deadline', async () => {
    const started = performance.now();
    const failure = await withWriteRetry({ busyTimeoutMs: 0, deadlineMs: 200 }, () => {
      throw busy();
    }).catch((error: unknown) => error);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(failure).toBeInstanceOf(SitrepError);
    expect(failure).toMatchObject({ code: 'DATABASE_BUSY', details: { retryAfterSeconds: 1 } });
  });

  it('passes any other error through at once', async () => {
    let attempts = 0;
    const failure = await withWriteRetry({ busyTimeoutMs: 0, deadlineMs: 5000 }, () => {
      attempts += 1;
      throw new SitrepError('CONFLICT', 'already stored');
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'CONFLICT' });
    expect(attempts).toBe(1);
  });
});
