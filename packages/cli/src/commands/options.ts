import { InvalidArgumentError } from 'commander';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`“${value}” is not a port number (0–65535).`);
  }
  return port;
}

export function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new InvalidArgumentError(`“${value}” is not a token id.`);
  return id;
}

export function parseCount(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`“${value}” is not a positive whole number.`);
  return n;
}

/** Like parseCount, and 0 too ("none"). */
export function parseWhole(value: string): number {
  return value.trim() === '0' ? 0 : parseCount(value);
}

/** `--cors-origin a,b --cors-origin c`: each an origin (scheme, host, port), no path. */
export function collectOrigins(value: string, previous: string[]): string[] {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin.replace(/\/+$/, '')) {
      throw new InvalidArgumentError(`“${origin}” is not an origin like https://desk.example.org (no path).`);
    }
  }
  return [...previous, ...origins];
}

/** `--date YYYY-MM-DD`: a real day, not after today anywhere on Earth (UTC+14). */
export function parseDate(value: string): string {
  const day = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`“${value}” is not a calendar date (YYYY-MM-DD).`);
  }
  const today = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
  if (value > today) {
    throw new InvalidArgumentError(
      `${value} is in the future (it is ${today} at the latest anywhere); give the day it was published.`,
    );
  }
  return value;
}

/** `--url`: an absolute http(s) address. */
export function parseUrl(value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new InvalidArgumentError(`“${value}” is not an http(s) URL.`);
  return value;
}

/** Seconds, 0 or more, fractions allowed: `--per-host-delay 0.5`. */
export function parseSeconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`“${value}” is not a number of seconds (0 or more).`);
  }
  return n;
}

/** A repeatable option's values, in order. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
