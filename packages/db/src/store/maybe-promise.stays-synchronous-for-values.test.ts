import { describe, expect, it } from 'vitest';
import { thenMaybe } from './maybe-promise';

describe('thenMaybe', () => {
  it('answers at once for a value: no microtask, so SQLite reads stay synchronous', () => {
    const answer = thenMaybe(20, (n) => n + 1);
    expect(answer).toBe(21);
    expect(
      thenMaybe(
        thenMaybe('a', (s) => `${s}b`),
        (s) => `${s}c`,
      ),
    ).toBe('abc');
  });

  it('answers with a promise only for a promise, and passes its failure on', async () => {
    const answer = thenMaybe(Promise.resolve(20), (n) => n + 1);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe(21);
    await expect(thenMaybe(Promise.reject(new Error('down')), () => 1)).rejects.toThrow('down');
  });
});
