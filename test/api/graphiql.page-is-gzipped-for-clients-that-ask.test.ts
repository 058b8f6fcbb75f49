import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers';

const server = useTestServer();

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET as a browser sends it, read as the bytes on the wire (fetch would unzip them). */
function get(path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { headers: { accept: 'text/html', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the GraphiQL page', () => {
  it('comes gzipped, at under a third of its size, to a client that accepts gzip', async () => {
    const plain = await get('/graphql', {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.toString()).toContain('<title>');

    const zipped = await get('/graphql', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('keeps each link’s own variables when it is zipped', async () => {
    const link = (name: string) =>
      `/graphql?query=${encodeURIComponent('query($name: String!) { entity(name: $name) { id } }')}&variables=${encodeURIComponent(JSON.stringify({ name }))}`;
    const plain = await get(link('Tartous'), {});
    const zipped = await get(link('Tartous'), { 'accept-encoding': 'gzip' });
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    // Asserted as booleans: a failure should not print 9 MB of page.
    expect(plain.body.includes('Tartous')).toBe(true);
    const other = gunzipSync((await get(link('Hmeimim'), { 'accept-encoding': 'gzip' })).body);
    expect(other.includes('Hmeimim')).toBe(true);
    expect(other.includes('Tartous')).toBe(false);
  });

  it('is sent as it is to a client that refuses gzip, and GraphQL answers are never zipped', async () => {
    const refused = await get('/graphql', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const answer = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.headers.get('content-encoding')).toBeNull();
  });
});
