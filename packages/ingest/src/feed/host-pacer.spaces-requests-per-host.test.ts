import { describe, expect, it } from 'vitest';
import { HostPacer } from './host-pacer';

describe('HostPacer', () => {
  it('spaces requests to one host by its delay, callers waiting at once too, and lets other hosts through', async () => {
    const pacer = new HostPacer(120);
    const started = performance.now();
    const at: Record<string, number[]> = {};
    const request = async (url: string) => {
      await pacer.before(url);
      pacer.after(url);
      (at[new URL(url).host] ??= []).push(performance.now() - started);
    };
    await Promise.all([
      request('https://a.example.org/1'),
      request('https://a.example.org/2'),
      request('https://b.example.org/1'),
      request('https://a.example.org:8080/1'),
    ]);
    await request('https://a.example.org/3');
    const a = at['a.example.org']!;
    expect(a).toHaveLength(3);
    for (let i = 1; i < a.length; i++) expect(a[i]! - a[i - 1]!).toBeGreaterThanOrEqual(115);
    // Another host, or another port, does not wait for a.example.org.
    expect(at['b.example.org']![0]).toBeLessThan(60);
    expect(at['a.example.org:8080']![0]).toBeLessThan(60);
  });
});
