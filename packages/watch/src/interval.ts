import { SitrepError } from '@sitrep/vocabulary';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** `30s`, `10m`, `1.5h` as milliseconds; at least a second, at most a day. */
export function parseInterval(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smh])$/i.exec(text.trim());
  if (!match) throw new SitrepError('BAD_USER_INPUT', `“${text}” is not an interval: write it as 30s, 10m or 1h.`);
  const ms = Number(match[1]) * UNIT_MS[match[2]!.toLowerCase() as keyof typeof UNIT_MS];
  if (ms < 1_000 || ms > 86_400_000)
    throw new SitrepError('BAD_USER_INPUT', `“${text}” is out of range: an interval is between 1s and 24h.`);
  return ms;
}
