import { auditServer } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers';

const server = useTestServer();

// GET requests without a content type or a CSRF header are what a link or an <img> sends
// cross-site; CSRF prevention refuses them, which costs exactly these optional (MAY) audits.
const REFUSED_BY_CSRF_PREVENTION = [
  'MAY accept application/x-www-form-urlencoded formatted GET requests',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
];

describe('GraphQL over HTTP (graphql-http audit suite)', () => {
  it('passes every MUST and every SHOULD as a plain script calls it', async () => {
    const results = await auditServer({ url: server.url });
    const failed = results.filter((r) => r.status !== 'ok');
    expect(failed.filter((r) => r.status === 'error')).toEqual([]);
    expect(failed.filter((r) => r.name.startsWith('SHOULD'))).toEqual([]);
    expect(failed.map((r) => r.name).sort()).toEqual([...REFUSED_BY_CSRF_PREVENTION].sort());
    expect(results.length).toBeGreaterThanOrEqual(60);
  });

  it('passes all of them, the MAYs too, when GETs carry the CSRF header', async () => {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-graphql-csrf': '1' } });
    const results = await auditServer({ url: server.url, fetchFn });
    expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
  });
});
