import { describe, expect, it } from 'vitest';
import { parseInterval } from './interval';

describe('parseInterval', () => {
  it('reads seconds, minutes and hours, fractions too', () => {
    expect(parseInterval('30s')).toBe(30_000);
    expect(parseInterval('10m')).toBe(600_000);
    expect(parseInterval('1.5h')).toBe(5_400_000);
    expect(parseInterval(' 2M ')).toBe(120_000);
  });

  it('refuses a bare number, an unknown unit and what is out of range, saying how to write it', () => {
    expect(() => parseInterval('10')).toThrow(/write it as 30s, 10m or 1h/);
    expect(() => parseInterval('10d')).toThrow(/write it as/);
    expect(() => parseInterval('0.5s')).toThrow(/between 1s and 24h/);
    expect(() => parseInterval('25h')).toThrow(/between 1s and 24h/);
  });
});
